import type { CompilationTag } from '../../../../shared/api/compilation.ts';
import type { CompiledRecommendation } from '../../../../shared/domain/compilation.ts';

/** What the reader narrows the compilation to; the empty string stands for every delegation or every tag. */
export interface CompilationFilter {
  delegation: string;
  tag: CompilationTag | '';
}

export const NO_FILTER: CompilationFilter = { delegation: '', tag: '' };

/**
 * The compilation as the filter shows it. Unfiltered, every recommendation (one without proposals is still where a
 * delegation marks "no change"); filtered, only the matching rows and the recommendations that have some. A tag filter
 * leaves out the untagged rows (brackets, reservations).
 */
export function filterCompilation(compiled: readonly CompiledRecommendation[], { delegation, tag }: CompilationFilter): CompiledRecommendation[] {
  if (!delegation && !tag) return [...compiled];
  return compiled
    .map((recommendation) => ({
      ...recommendation,
      rows: recommendation.rows.filter((row) => (!delegation || row.delegation === delegation) && (!tag || row.tag === tag)),
    }))
    .filter((recommendation) => recommendation.rows.length > 0);
}

/**
 * Every delegation with a row in the compilation, in alphabetical order: the choices of the delegation filter. The
 * one `chosen` stays a choice after its last row went (accepted, retained), so the filter still names it.
 */
export function compilationDelegations(compiled: readonly CompiledRecommendation[], chosen = ''): string[] {
  const names = new Set(compiled.flatMap((recommendation) => recommendation.rows.map((row) => row.delegation)));
  if (chosen) names.add(chosen);
  return [...names].filter(Boolean).sort((a, b) => a.localeCompare(b));
}
