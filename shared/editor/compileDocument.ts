import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type CompilationInput, type CompiledRecommendation, compileProposals } from '../domain/compilation.ts';
import { RECOMMENDATION_NODE } from './recommendationNumbers.ts';
import { recommendationWording } from './recommendationWording.ts';
import { listBrackets, listSuggestions, withoutSuggestions } from './suggestionChanges.ts';

/** What the compilation takes from outside the text: alternatives, reservations, NOC marks and justifications. */
export type CompilationRecords = Pick<CompilationInput, 'alternatives' | 'reservations' | 'notes'>;

/**
 * The compilation of proposals of an editor document: every numbered recommendation with its number (`numberOf`, as
 * readers quote it), its current words (proposals left out: Alt 0) and every delegation's open proposals on it. The
 * export reads the stored text, the editor's view its live one: both through here.
 */
export function compileDocument(doc: ProseMirrorNode, numberOf: (recommendationId: string) => string | undefined, records: CompilationRecords): CompiledRecommendation[] {
  const recommendations: CompilationInput['recommendations'][number][] = [];
  withoutSuggestions(doc).descendants((node) => {
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    const id = typeof node.attrs.id === 'string' ? node.attrs.id : undefined;
    const number = id === undefined ? undefined : numberOf(id);
    if (id !== undefined && number) recommendations.push({ id, number, text: recommendationWording(node) });
    return false;
  });
  return compileProposals({ recommendations, suggestions: listSuggestions(doc), brackets: listBrackets(doc), ...records });
}
