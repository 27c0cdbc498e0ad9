import type { RecommendationAlternatives } from '../api/alternatives.ts';
import type { CompilationKind, CompilationNotes, CompilationTag } from '../api/compilation.ts';

/** A recommendation as the compilation shows it: its number as readers quote it, and its current words. */
export interface CompiledRecommendationInput {
  id: string;
  number: string;
  /** The current text, proposals neither applied nor shown (Alt 0). */
  text: string;
}

/** A proposal in the text (shared/editor/suggestionChanges.ts `SuggestionSummary`), as far as the compilation needs it. */
export interface CompiledSuggestionInput {
  id: string;
  delegation: string | null;
  color: string | null;
  inserted: string;
  deleted: string;
  recommendationId: string | null;
}

export interface CompiledBracketInput {
  id: string;
  delegation: string | null;
  text: string;
  recommendationId: string | null;
}

export interface CompilationInput {
  recommendations: readonly CompiledRecommendationInput[];
  suggestions: readonly CompiledSuggestionInput[];
  brackets: readonly CompiledBracketInput[];
  alternatives: readonly RecommendationAlternatives[];
  reservations: readonly { recommendationId: string; reservations: readonly { delegation: string; note: string | null }[] }[];
  notes: CompilationNotes;
}

/** One delegation's open proposal on a recommendation: a row of the compilation table. */
export interface CompilationRow {
  delegation: string;
  tag: CompilationTag | null;
  kind: CompilationKind;
  /** The suggestion's id, the alternative's number or the bracket's id: what a rapporteur acts on. */
  ref: string;
  /** Words it would add (a proposal: underlined), or an alternative's whole wording, or the bracketed words. */
  inserted: string;
  /** Words it would remove (struck through). */
  deleted: string;
  /** Delegations supporting an alternative. */
  supporters: string[];
  justification: string | null;
}

export interface CompiledRecommendation {
  id: string;
  number: string;
  text: string;
  rows: CompilationRow[];
}

const row = (fields: Partial<CompilationRow> & Pick<CompilationRow, 'delegation' | 'tag' | 'kind' | 'ref'>): CompilationRow => ({
  inserted: '',
  deleted: '',
  supporters: [],
  justification: null,
  ...fields,
});

/** A proposal that adds a whole recommendation is ADD, one that removes all its words SUP, any other MOD. */
function suggestionTag(suggestion: CompiledSuggestionInput, recommendation: CompiledRecommendationInput): CompilationTag {
  const words = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (suggestion.inserted && !suggestion.deleted && !words(recommendation.text)) return 'ADD';
  if (suggestion.deleted && !suggestion.inserted && words(suggestion.deleted) === words(recommendation.text)) return 'SUP';
  return 'MOD';
}

/**
 * The compilation of proposals (ITU practice): for each recommendation in order, every delegation's open proposals —
 * suggested insertions and deletions, alternatives, brackets, reservations, "no change" — tagged ADD, MOD, SUP or NOC,
 * rows grouped by delegation. The same function feeds the editor's view and the exported tables.
 */
export function compileProposals(input: CompilationInput): CompiledRecommendation[] {
  const justifications = new Map(input.notes.justifications.map((entry) => [entry.suggestionId, entry.text]));
  return input.recommendations.map((recommendation) => {
    const of = <T extends { recommendationId: string | null }>(items: readonly T[]) => items.filter((item) => item.recommendationId === recommendation.id);
    const rows: CompilationRow[] = [
      ...of(input.suggestions).map((suggestion) =>
        row({
          delegation: suggestion.delegation ?? '',
          tag: suggestionTag(suggestion, recommendation),
          kind: 'proposal',
          ref: suggestion.id,
          inserted: suggestion.inserted,
          deleted: suggestion.deleted,
          justification: justifications.get(suggestion.id) ?? null,
        }),
      ),
      ...(input.alternatives.find((entry) => entry.recommendationId === recommendation.id)?.alternatives ?? [])
        .filter((alternative) => alternative.status === 'open')
        .map((alternative) =>
          row({
            delegation: alternative.delegation,
            tag: 'MOD',
            kind: 'alternative',
            ref: String(alternative.number),
            inserted: alternative.text,
            supporters: alternative.supporters.map((supporter) => supporter.delegation),
            justification: alternative.justification,
          }),
        ),
      ...of(input.brackets).map((bracket) => row({ delegation: bracket.delegation ?? '', tag: null, kind: 'brackets', ref: bracket.id, inserted: bracket.text })),
      ...(input.reservations.find((entry) => entry.recommendationId === recommendation.id)?.reservations ?? []).map((reservation) =>
        row({ delegation: reservation.delegation, tag: null, kind: 'reservation', ref: reservation.delegation, justification: reservation.note }),
      ),
      ...input.notes.noChange
        .filter((entry) => entry.recommendationId === recommendation.id)
        .map((entry) => row({ delegation: entry.delegation, tag: 'NOC', kind: 'noChange', ref: entry.delegation, justification: entry.justification })),
    ];
    // Grouped by delegation (stable: each delegation's rows keep their order), as a compilation lists them.
    const order = [...new Set(rows.map((entry) => entry.delegation))].sort((a, b) => a.localeCompare(b));
    rows.sort((a, b) => order.indexOf(a.delegation) - order.indexOf(b.delegation));
    return { ...recommendation, rows };
  });
}
