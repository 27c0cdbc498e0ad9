import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { actsOnUndoHistory } from './staleUndo.ts';

const LOCAL = 'local';

/** Two replicas of a paragraph; `mine` records its own edits in an undo manager, `other` stands for anyone else. */
function replicas(text: string) {
  const mine = new Y.Doc();
  const other = new Y.Doc();
  other.getXmlFragment('f').insert(0, [new Y.XmlText(text)]);
  Y.applyUpdate(mine, Y.encodeStateAsUpdate(other));
  const paragraph = mine.getXmlFragment('f').get(0) as Y.XmlText;
  const undo = new Y.UndoManager(paragraph, { trackedOrigins: new Set([LOCAL]) });
  const seen: boolean[] = [];
  mine.on('afterTransaction', (transaction: Y.Transaction) => {
    if (!transaction.local) seen.push(actsOnUndoHistory(transaction, undo.undoStack));
  });
  /** Applies `change` at the other replica and sends it to mine, as the relay would. */
  const remote = (change: (paragraph: Y.XmlText) => void) => {
    const before = Y.encodeStateVector(other);
    Y.applyUpdate(other, Y.encodeStateAsUpdate(mine, Y.encodeStateVector(other)));
    change(other.getXmlFragment('f').get(0) as Y.XmlText);
    Y.applyUpdate(mine, Y.encodeStateAsUpdate(other, before), 'provider');
  };
  return { mine, paragraph, undo, seen, remote };
}

describe('actsOnUndoHistory', () => {
  it('sees the proposal mark of my insertion removed (accepted) by someone else', () => {
    const { mine, paragraph, seen, remote } = replicas('Data is shared.');
    mine.transact(() => paragraph.insert(8, 'monthly ', { insertion: { id: 'a' } }), LOCAL);
    remote((text) => text.format(8, 8, { insertion: null }));
    expect(seen).toEqual([true]);
  });

  it('sees my inserted words deleted (a rejected insertion) and my words marked by someone else', () => {
    const rejected = replicas('Data is shared.');
    rejected.mine.transact(() => rejected.paragraph.insert(8, 'monthly ', { insertion: { id: 'a' } }), LOCAL);
    rejected.remote((text) => text.delete(8, 8));
    expect(rejected.seen).toEqual([true]);

    const bracketed = replicas('Data is shared.');
    bracketed.mine.transact(() => bracketed.paragraph.insert(8, 'monthly ', {}), LOCAL);
    bracketed.remote((text) => text.format(9, 3, { bracket: { id: 'b' } }));
    expect(bracketed.seen).toEqual([true]);
  });

  it('sees the deletion mark I set removed (a rejected deletion)', () => {
    const { mine, paragraph, seen, remote } = replicas('Data is shared in real time.');
    mine.transact(() => paragraph.format(15, 12, { deletion: { id: 'd' } }), LOCAL);
    remote((text) => text.format(15, 12, { deletion: null }));
    expect(seen).toEqual([true]);
  });

  it('ignores what someone else does elsewhere, even in the same paragraph', () => {
    const { mine, paragraph, seen, remote } = replicas('Data is shared.');
    mine.transact(() => paragraph.insert(8, 'monthly ', {}), LOCAL);
    remote((text) => text.insert(0, 'All '));
    remote((text) => text.format(0, 3, { bold: true }));
    remote((text) => text.delete(text.length - 1, 1));
    expect(seen).toEqual([false, false, false]);
  });

  it('has nothing to protect when the history is empty', () => {
    const { seen, remote } = replicas('Data is shared.');
    remote((text) => text.delete(0, 5));
    expect(seen).toEqual([false]);
  });
});
