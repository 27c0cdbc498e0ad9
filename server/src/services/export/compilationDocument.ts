import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import type { RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import type { CompilationNotes } from '../../../../shared/api/compilation.ts';
import type { CompiledRecommendation } from '../../../../shared/domain/compilation.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { displayedNumbers, formatStableNumber } from '../../../../shared/domain/stableNumbers.ts';
import { compileDocument } from '../../../../shared/editor/compileDocument.ts';
import { readNumbering, recommendationOrder } from '../../../../shared/editor/stableNumbering.ts';
import type { AnnexConsensus } from './exportModel.ts';

/** What the compilation is made of besides the text: alternatives, reservations, NOC marks and justifications. */
export interface CompilationSources {
  notes: CompilationNotes;
  alternatives: RecommendationAlternatives[];
}

/**
 * Every recommendation of the stored text with its number as readers quote it (the locked "4bis", else its position),
 * its current words (proposals left out: Alt 0) and every delegation's open proposals on it, by the shared rule.
 */
export function compiledRecommendations(
  state: Uint8Array,
  doc: ProseMirrorNode,
  { notes, alternatives }: CompilationSources,
  consensus: readonly AnnexConsensus[],
  language: LanguageCode,
): CompiledRecommendation[] {
  const ydoc = new Y.Doc();
  let numbers: ReturnType<typeof displayedNumbers>;
  try {
    Y.applyUpdate(ydoc, state);
    numbers = displayedNumbers(recommendationOrder(ydoc), readNumbering(ydoc).numbers);
  } finally {
    ydoc.destroy();
  }
  return compileDocument(
    doc,
    (id) => {
      const number = numbers.get(id);
      return number && formatStableNumber(number.number, language);
    },
    { alternatives, reservations: consensus, notes },
  );
}
