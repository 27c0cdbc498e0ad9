import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

export const RECOMMENDATION_NODE = 'recommendation';

/**
 * The number of every recommendation, by position: the n-th recommendation in document order is number n. Computed
 * from the converged document, never stored, so every client and every export agree after concurrent edits.
 */
export function recommendationNumbers(doc: ProseMirrorNode): Map<number, number> {
  const numbers = new Map<number, number>();
  doc.descendants((node, pos) => {
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    numbers.set(pos, numbers.size + 1);
    return false;
  });
  return numbers;
}
