import type { CompilationRow, CompiledRecommendation } from '../../../../shared/domain/compilation.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { ExportLabels } from './exportLabels.ts';
import type { TitleBlock } from './exportModel.ts';

/** One row of a compilation table as every format prints it: the words decided here, so the formats cannot differ. */
export interface CompilationCells {
  delegation: string;
  /** "MOD", or "—" for brackets and reservations, which carry no ITU tag. */
  tag: string;
  /** "Alternative (Alt 2)", "Proposal", "Brackets", … */
  kind: string;
  /** Words a proposal removes (struck through), printed before those it adds. */
  deleted: string;
  /** Words a proposal adds (underlined). */
  inserted: string;
  /** Words quoted as they stand: an alternative's wording, or the bracketed words. */
  quoted: string;
  /** "supported by Jordan, Spain", or "". */
  supporters: string;
  justification: string;
}

export interface CompilationTable {
  /** "Recommendation 4bis". */
  heading: string;
  currentText: string;
  rows: CompilationCells[];
}

/**
 * The title, headings and every recommendation's table of a compilation export, in the export's language, in the same
 * publication frame as the text (title block, running header and footer).
 */
export interface CompilationExport {
  title: string;
  titleBlock: TitleBlock;
  /** The language of the words the export adds. */
  language: LanguageCode;
  /** The language of the text compiled. */
  textLanguage: LanguageCode;
  /** The silence procedure's line under the title block, as the text's exports print it. */
  statusLine?: string;
  /** "Compilation of proposals", under the title block. */
  subtitle: string;
  labels: ExportLabels;
  tables: CompilationTable[];
}

function cells(row: CompilationRow, labels: ExportLabels): CompilationCells {
  const kind = row.kind === 'alternative' ? `${labels.compilation.kinds.alternative} (${labels.alternative(Number(row.ref))})` : labels.compilation.kinds[row.kind];
  return {
    delegation: row.delegation,
    tag: row.tag ?? '—',
    kind,
    deleted: row.deleted,
    inserted: row.kind === 'proposal' ? row.inserted : '',
    quoted: row.kind === 'brackets' ? `[${row.inserted}]` : row.kind === 'alternative' ? row.inserted : '',
    supporters: row.supporters.length > 0 ? `${labels.supportedBy} ${row.supporters.join(', ')}` : '',
    justification: row.justification ?? '',
  };
}

export function compilationExport(
  frame: Omit<CompilationExport, 'subtitle' | 'tables'>,
  recommendations: readonly CompiledRecommendation[],
): CompilationExport {
  const { labels } = frame;
  return {
    ...frame,
    subtitle: labels.compilation.title,
    tables: recommendations.map((recommendation) => ({
      heading: labels.recommendation(recommendation.number),
      currentText: recommendation.text,
      rows: recommendation.rows.map((row) => cells(row, labels)),
    })),
  };
}
