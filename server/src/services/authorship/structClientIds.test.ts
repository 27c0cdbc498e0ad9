import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { structClientIds } from './structClientIds.ts';

const updateOf = (doc: Y.Doc, change: () => void): Uint8Array => {
  let captured: Uint8Array | undefined;
  const listener = (update: Uint8Array) => (captured = update);
  doc.on('update', listener);
  change();
  doc.off('update', listener);
  return captured!;
};

describe('structClientIds', () => {
  it('reads the single client of a keystroke', () => {
    const doc = new Y.Doc();
    doc.clientID = 4242;
    expect(structClientIds(updateOf(doc, () => doc.getText('t').insert(0, 'hello')))).toEqual([4242]);
  });

  it('finds every client of a merged update, and none in a pure deletion', () => {
    const a = new Y.Doc();
    a.clientID = 1;
    const b = new Y.Doc();
    b.clientID = 2;
    a.getText('t').insert(0, 'from a');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    b.getText('t').insert(0, 'from b ');
    expect(structClientIds(Y.encodeStateAsUpdate(b)).sort()).toEqual([1, 2]);
    expect(structClientIds(updateOf(b, () => b.getText('t').delete(0, 3)))).toEqual([]);
  });
});
