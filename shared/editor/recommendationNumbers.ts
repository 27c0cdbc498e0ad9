import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { type StableNumber, displayedNumbers } from '../domain/stableNumbers.ts';

export const RECOMMENDATION_NODE = 'recommendation';

/** A recommendation's number as readers see it; provisional until the server has numbered it (locked numbering). */
export interface ShownNumber {
  number: StableNumber;
  provisional: boolean;
}

/**
 * The number of every recommendation, by position. Unlocked (`locked` null), the n-th recommendation in document order
 * is number n, computed from the converged document, so every client and export agree after concurrent edits. Locked,
 * each has the number the server gave it (ADR 0008), or the one it will most likely give it, marked provisional.
 */
export function recommendationNumbers(doc: ProseMirrorNode, locked: ReadonlyMap<string, StableNumber> | null = null): Map<number, ShownNumber> {
  const found: [number, string][] = [];
  doc.descendants((node, pos) => {
    if (node.type.name !== RECOMMENDATION_NODE) return true;
    // A recommendation without an id yet (UniqueID is about to set it) still needs a place in the order.
    found.push([pos, typeof node.attrs.id === 'string' ? node.attrs.id : `\u0000${pos}`]);
    return false;
  });
  const shown = displayedNumbers(
    found.map(([, id]) => id),
    locked,
  );
  return new Map(found.map(([pos, id]) => [pos, shown.get(id)!]));
}
