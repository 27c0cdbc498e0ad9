import { type Alternative, type RecommendationAlternatives, openAlternatives } from '../../../../shared/api/alternatives.ts';
import { wordingParagraphs } from '../../../../shared/domain/wordingParagraphs.ts';
import type { ExportLabels } from './exportLabels.ts';

/** An open alternative as printed under its recommendation: its label, then its paragraphs. */
export interface AlternativeLines {
  /** "Alt 1 (Morocco; supported by Jordan, Spain): ", with the language's own punctuation. */
  label: string;
  paragraphs: string[];
}

const orderedByNumber = (alternatives: readonly Alternative[]) => alternatives.toSorted((a, b) => a.number - b.number);

/** Each recommendation's open alternatives, in order, by the recommendation's id: what every export shows under it. */
export function openAlternativeLines(entries: readonly RecommendationAlternatives[], labels: ExportLabels): Map<string, AlternativeLines[]> {
  const lines = new Map<string, AlternativeLines[]>();
  for (const entry of entries) {
    const open = orderedByNumber(openAlternatives(entry));
    if (open.length === 0) continue;
    lines.set(
      entry.recommendationId,
      open.map((alternative) => {
        const supporters = alternative.supporters.map((supporter) => supporter.delegation);
        const who = supporters.length > 0 ? `${alternative.delegation}; ${labels.supportedBy} ${supporters.join(', ')}` : alternative.delegation;
        return { label: labels.field(`${labels.alternative(alternative.number)} (${who})`, ''), paragraphs: wordingParagraphs(alternative.text) };
      }),
    );
  }
  return lines;
}

/** Each recommendation's decided alternatives as the annex lists them: "Alt 2 (Morocco, Jordan) not retained". */
export function closedAlternativeLines(entries: readonly RecommendationAlternatives[], labels: ExportLabels): Map<string, string[]> {
  const lines = new Map<string, string[]>();
  for (const entry of entries) {
    const closed = orderedByNumber(entry.alternatives).flatMap((alternative) => {
      if (alternative.status === 'open') return [];
      const delegations = [alternative.delegation, ...alternative.supporters.map((supporter) => supporter.delegation)];
      return [`${labels.alternative(alternative.number)} (${delegations.join(', ')}) ${labels.alternativeOutcome[alternative.status]}`];
    });
    if (closed.length > 0) lines.set(entry.recommendationId, closed);
  }
  return lines;
}
