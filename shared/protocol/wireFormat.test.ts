import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import * as wire from './wireFormat.ts';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

describe('wire format', () => {
  it('reads the sync frames y-protocols writes, as the stock provider sends them', () => {
    const doc = docWith('تعزيز the text');
    const written = (write: (encoder: encoding.Encoder) => void) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, wire.MessageType.sync);
      write(encoder);
      return encoding.toUint8Array(encoder);
    };
    expect(wire.decodeFrame(written((e) => syncProtocol.writeSyncStep1(e, doc)))).toEqual({
      kind: 'syncStep1',
      stateVector: Y.encodeStateVector(doc),
    });
    const update = Y.encodeStateAsUpdate(doc);
    expect(wire.decodeFrame(written((e) => syncProtocol.writeUpdate(e, update)))).toEqual({ kind: 'update', update });
    expect(wire.decodeFrame(written((e) => syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0]))))).toEqual({ kind: 'syncStep2', update });
  });

  it('writes frames y-protocols applies, so a peer converges', () => {
    const source = docWith('from the server');
    const replica = new Y.Doc();
    const step2 = wire.syncStep2Frame(source, Y.encodeStateVector(replica));
    const decoder = decoding.createDecoder(step2);
    expect(decoding.readVarUint(decoder)).toBe(wire.MessageType.sync);
    syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), replica, null);
    expect(replica.getText('t').toString()).toBe('from the server');
    expect(wire.decodeFrame(wire.updateFrame(Uint8Array.of(1, 2)))).toEqual({ kind: 'update', update: Uint8Array.of(1, 2) });
    expect(wire.decodeFrame(wire.syncStep1Frame(replica))).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(replica) });
  });

  it('refuses unknown message types and sync steps, and truncated frames', () => {
    expect(() => wire.decodeFrame(Uint8Array.of(7))).toThrow(wire.FrameError);
    expect(() => wire.decodeFrame(Uint8Array.of(wire.MessageType.sync, 9))).toThrow(wire.FrameError);
    expect(() => wire.decodeFrame(Uint8Array.of(wire.MessageType.sync, 2, 0x85))).toThrow();
    expect(wire.decodeFrame(Uint8Array.of(wire.MessageType.queryAwareness))).toEqual({ kind: 'queryAwareness' });
  });

  it('reads and writes awareness entries as y-protocols encodes them', () => {
    const doc = new Y.Doc();
    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ cursor: { anchor: 3 }, user: { name: 'Spain' } });
    const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
    const entries = wire.decodeAwarenessEntries(update);
    expect(entries).toEqual([{ clientId: doc.clientID, clock: 1, state: { cursor: { anchor: 3 }, user: { name: 'Spain' } } }]);
    expect(wire.encodeAwarenessEntries(entries)).toEqual(update);
    expect(wire.decodeFrame(wire.awarenessFrame(update))).toEqual({ kind: 'awareness', update });
    expect(() => wire.decodeAwarenessEntries(wire.encodeAwarenessEntries([{ clientId: 1, clock: 1, state: [] as never }]))).toThrow();
  });
});
