import * as prng from 'lib0/prng';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { awarenessFrame, syncStep1Frame, updateFrame } from '../../../shared/protocol/wireFormat.ts';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { type RawSocket, openRawSocket } from '../helpers/rawSocket.ts';
import { storedRows } from '../helpers/storedRows.ts';
import { type TestServer, startTestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
let token: string;
const clients: CollabClient[] = [];

const connect = async () => {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
};

const raw = () => openRawSocket(`${server.wsUrl}/${documentId}?token=${token}`);

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

/** Valid frames of every kind a client sends, to mutate. */
function corpus(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const fragment = doc.getXmlFragment('default');
  for (let i = 0; i < 8; i++) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(`fuzz seed ${i} — تعزيز`)]);
    fragment.push([paragraph]);
  }
  (fragment.get(0) as Y.XmlElement).setAttribute('dir', 'rtl');
  fragment.delete(1, 2);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ cursor: { anchor: 3 } });
  return [
    syncStep1Frame(doc),
    ...updates.map(updateFrame),
    updateFrame(Y.encodeStateAsUpdate(doc)),
    awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID])),
  ];
}

function mutate(gen: prng.PRNG, frame: Uint8Array): Uint8Array {
  const bytes = Array.from(frame);
  const at = prng.uint32(gen, 0, Math.max(0, bytes.length - 1));
  switch (prng.uint32(gen, 0, 5)) {
    case 0:
      bytes[at] = prng.uint32(gen, 0, 255);
      break;
    case 1:
      return Uint8Array.from(bytes.slice(0, at));
    case 2:
      bytes.splice(at, 0, ...Array.from({ length: prng.uint32(gen, 1, 8) }, () => prng.uint32(gen, 0, 255)));
      break;
    case 3:
      bytes.splice(at, 0, ...bytes.slice(at, at + prng.uint32(gen, 1, 16)));
      break;
    case 4:
      // A run of varint continuation bytes: the classic "truncated varint".
      bytes.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0xff);
      break;
    default:
      bytes[at] = (bytes[at]! ^ (1 << prng.uint32(gen, 0, 7))) & 0xff;
  }
  return Uint8Array.from(bytes);
}

beforeEach(async () => {
  server = await startTestServer({ env: { ACCORD_MAX_MESSAGE_BYTES: String(256 * 1024) } });
  documentId = await server.createDocument();
  token = (await server.invite(documentId, 'delegate')).token;
});

describe('protocol faults', () => {
  it('survives a seeded fuzz of thousands of mutated valid messages; honest clients keep working', async () => {
    const honest = await connect();
    honest.write('Honest paragraph before');
    const gen = prng.create(20261128);
    const frames = corpus();
    const closes = new Map<number, number>();
    let socket: RawSocket = await raw();
    for (let sent = 0; sent < 3000; sent++) {
      if (socket.socket.readyState !== socket.socket.OPEN) {
        const code = await socket.closed;
        closes.set(code, (closes.get(code) ?? 0) + 1);
        socket = await raw();
      }
      socket.socket.send(mutate(gen, prng.oneOf(gen, frames)));
      // Let the server's verdict on this frame arrive before the next one.
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    socket.socket.close();
    honest.write('Honest paragraph after');

    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', dependencies: { database: 'up' } });
    const check = await connect();
    await waitFor(() => check.text().includes('Honest paragraph after'), 'honest edits after the fuzz');
    expect(check.text()).toContain('Honest paragraph before');
    expect(closes.get(CloseCode.malformedMessage) ?? 0).toBeGreaterThan(300);
    expect([...closes.keys()].every((code) => code === CloseCode.malformedMessage || code === CloseCode.unappliableUpdates)).toBe(true);
    // An update that decodes but breaks Yjs while applying reloads the document: honest clients reconnect, losing nothing.
    expect(honest.closes.every((code) => code === CloseCode.storageFailure)).toBe(true);
    expect(honest.provider.wsconnected).toBe(true);
  });

  it('closes sockets that send unknown message types, truncated varints and invalid updates, one by one', async () => {
    const honest = await connect();
    const bad = [Uint8Array.of(7, 1, 2), Uint8Array.of(0x80), Uint8Array.of(0, 2, 0x85, 0x80), updateFrame(Uint8Array.of(9, 9, 9, 9))];
    for (const frame of bad) {
      const socket = await raw();
      socket.socket.send(frame);
      expect(await socket.closed).toBe(CloseCode.malformedMessage);
    }
    honest.write('still fine');
    const check = await connect();
    expect(check.text()).toBe('still fine');
  });

  it('bounds updates whose dependencies never arrive and stores none of them', async () => {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    const text = source.getText('default');
    for (let i = 0; i < 400; i++) text.insert(text.length, `orphan ${i} `.repeat(200));
    const orphans = updates.slice(1);

    const stored = () => storedRows<{ n: number }>(server.dataDir, 'SELECT COUNT(*) AS n FROM document_updates')[0]!.n;
    const before = stored();
    const codes: number[] = [];
    for (let round = 0; round < 3; round++) {
      const socket = await raw();
      for (const orphan of orphans) {
        if (socket.socket.readyState !== socket.socket.OPEN) break;
        socket.socket.send(updateFrame(orphan));
      }
      codes.push(await socket.closed);
    }
    expect(codes).toContain(CloseCode.unappliableUpdates);
    expect(stored()).toBe(before);
    const honest = await connect();
    honest.write('unaffected');
    const check = await connect();
    await waitFor(() => check.text() === 'unaffected', 'honest edit');
  });
});
