import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { DEFAULT_CONSENSUS_STATUS } from '../../../../shared/domain/consensus.ts';
import { RECOMMENDATION_NODE, recommendationNumbers } from '../../../../shared/editor/recommendationNumbers.ts';
import type { BlockNumbering } from './documentBlocks.ts';
import { type ExportLabels, reservationText } from './exportLabels.ts';
import type { AnnexConsensus, AnnexStatusRow } from './exportModel.ts';

/** How many words of a recommendation the annex quotes. */
const EXCERPT_WORDS = 8;

/** The first words of `text`, with an ellipsis when there are more. */
export function excerptOf(text: string, words = EXCERPT_WORDS): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  return all.length > words ? `${all.slice(0, words).join(' ')}…` : all.join(' ');
}

/**
 * Every top-level recommendation of `doc` in order (numbered as the editor numbers them), with its status and
 * reservations from `consensus` (matched by the recommendation's id; none recorded means a draft).
 */
export function statusRows(
  doc: ProseMirrorNode,
  consensus: readonly AnnexConsensus[],
  numbering: BlockNumbering,
  alternatives: ReadonlyMap<string, string[]> = new Map(),
): AnnexStatusRow[] {
  const byId = new Map(consensus.map((entry) => [entry.recommendationId, entry]));
  const numbers = recommendationNumbers(doc, numbering.locked);
  const rows: AnnexStatusRow[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : undefined;
    const entry = id === undefined ? undefined : byId.get(id);
    const shown = numbers.get(pos);
    rows.push({
      number: shown ? numbering.format(shown.number) : '',
      excerpt: excerptOf(node.textBetween(0, node.content.size, ' ', ' ')),
      status: entry?.status ?? DEFAULT_CONSENSUS_STATUS,
      reservations: entry?.reservations ?? [],
      alternatives: (id === undefined ? undefined : alternatives.get(id)) ?? [],
    });
    return false;
  });
  return rows;
}

/** The annex's consensus lines as text, shared so every format says the same. */
export interface StatusLines {
  line: string;
  excerpt: string;
  /** "Reservations: France (pending consultation), Spain", or undefined without reservations. */
  reservations: string | undefined;
  /** Its decided alternatives, one line each. */
  alternatives: string[];
}

export function statusLines(rows: readonly AnnexStatusRow[], labels: ExportLabels): StatusLines[] {
  return rows.map((row) => ({
    line: labels.statusLine(row.number, labels.consensusStatus[row.status]),
    excerpt: row.excerpt,
    reservations:
      row.reservations.length > 0
        ? labels.field(labels.reservations, row.reservations.map((r) => reservationText(r.delegation, r.note)).join(', '))
        : undefined,
    alternatives: row.alternatives,
  }));
}
