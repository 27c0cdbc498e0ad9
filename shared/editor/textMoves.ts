import * as Y from 'yjs';

/**
 * Yjs cannot move text: when a paragraph is split or joined, y-tiptap deletes the characters that change paragraph
 * and inserts copies of them, so a relative position on one of them would fall back to where the deleted character
 * was. The client that splits or joins therefore records where each moved character went, in the shared document,
 * and anchors follow those records. The records hold character ids only, for every split and join whether or not a
 * thread covers it, so they reveal nothing about restricted threads.
 */
const TEXT_MOVES = 'textMoves';

/** Where a run of moved characters went: `[fromClient, fromClock, length, toClient, toClock]`. */
export type TextMove = [number, number, number, number, number];

/** The records of a document; observe it to notice when anchors may resolve differently. */
export const textMovesOf = (doc: Y.Doc): Y.Array<TextMove> => doc.getArray<TextMove>(TEXT_MOVES);

/** A character that no longer shows: deleted, or garbage-collected with its deleted paragraph. */
function isGone(doc: Y.Doc, id: Y.ID): boolean {
  if (Y.getState(doc.store, id.client) <= id.clock) return false;
  const struct = Y.getItem(doc.store, id);
  // Undoing a split restores the original characters (`redone`), which Yjs follows itself.
  return !(struct instanceof Y.Item) || (struct.deleted && struct.redone === null);
}

function movedTo(moves: readonly TextMove[], id: Y.ID): Y.ID | undefined {
  const move = moves.find(([client, clock, length]) => client === id.client && clock <= id.clock && id.clock < clock + length);
  return move && Y.createID(move[3], move[4] + id.clock - move[1]);
}

/** `position`, moved along with its character through splits and joins (several in a row included). */
export function followTextMoves(doc: Y.Doc, position: Y.RelativePosition): Y.RelativePosition {
  const moves = textMovesOf(doc).toArray();
  let followed = position;
  // Bounded: each record points at characters inserted after the ones it moves, so a chain cannot loop.
  for (let hop = 0; hop < moves.length && followed.item && isGone(doc, followed.item); hop++) {
    const target = movedTo(moves, followed.item);
    if (!target) break;
    followed = new Y.RelativePosition(null, null, target, followed.assoc);
  }
  return followed;
}
