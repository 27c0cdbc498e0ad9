import * as Y from 'yjs';

type DeleteSet = Y.Transaction['deleteSet'];

/** What the undo manager keeps of one undoable step: what it inserted (text, and the marks' boundaries). */
interface UndoStep {
  insertions: DeleteSet;
}

function overlaps(a: DeleteSet, b: DeleteSet): boolean {
  for (const [client, ranges] of a.clients) {
    const others = b.clients.get(client);
    if (!others) continue;
    for (const range of ranges) {
      if (others.some((other) => range.clock < other.clock + other.len && other.clock < range.clock + range.len)) return true;
    }
  }
  return false;
}

const createdIn = (transaction: Y.Transaction, item: Y.Item) => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0);

/**
 * Whether the transaction sets a mark on words one of `steps` inserted: Yjs formats a span by inserting a pair of
 * format items around it (opening, then closing the same key), so a word between such a new pair was just formatted.
 */
function formatsOver(transaction: Y.Transaction, steps: readonly UndoStep[]): boolean {
  for (const type of transaction.changed.keys()) {
    if (!(type instanceof Y.XmlText || type instanceof Y.Text)) continue;
    const open = new Set<string>();
    for (let item = type._start; item !== null; item = item.right) {
      if (item.content instanceof Y.ContentFormat) {
        if (!createdIn(transaction, item)) continue;
        const key = item.content.key;
        if (open.has(key)) open.delete(key);
        else open.add(key);
      } else if (open.size > 0 && !item.deleted && steps.some((step) => Y.isDeleted(step.insertions, item.id))) {
        return true;
      }
    }
  }
  return false;
}

/**
 * Whether someone else's transaction acted on what this person could still undo or redo: deleted words they inserted
 * or the marks of their proposals (what accepting, rejecting or removing a proposal does), or marked their words.
 * Undoing such a step would reverse a decision made by another person (ADR 0002, "Undo").
 */
export function actsOnUndoHistory(transaction: Y.Transaction, steps: readonly UndoStep[]): boolean {
  if (steps.length === 0) return false;
  return steps.some((step) => overlaps(step.insertions, transaction.deleteSet)) || formatsOver(transaction, steps);
}
