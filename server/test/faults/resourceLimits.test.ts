import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { awarenessFrame, encodeAwarenessEntries, updateFrame } from '../../../shared/protocol/wireFormat.ts';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { MiB, rssBytes } from '../helpers/processMemory.ts';
import { openRawSocket } from '../helpers/rawSocket.ts';
import { type ServerProcess, spawnServer } from '../helpers/serverProcess.ts';
import { onPostgres, tempDataDir } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

const clients: CollabClient[] = [];
let server: ServerProcess | undefined;

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
});

async function setUp(env: Record<string, string> = {}) {
  server = await spawnServer(tempDataDir(), env);
  const documentId = await server.createDocument();
  const { token } = await server.invite(documentId, 'delegate');
  const connect = async () => {
    const client = await connectClient(server!.wsUrl, documentId, token);
    clients.push(client);
    return client;
  };
  return { server, documentId, token, connect, url: `${server.wsUrl}/${documentId}?token=${token}` };
}

const paragraphUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').push([paragraph]);
  return Y.encodeStateAsUpdate(doc);
};

/** Milliseconds for a paragraph written by `from` to reach `to`. */
async function deliveryMs(from: CollabClient, to: CollabClient, marker: string): Promise<number> {
  const started = performance.now();
  from.write(marker);
  await waitFor(() => to.text().includes(marker), `delivery of ${marker}`, 10_000);
  return performance.now() - started;
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

// Memory and latency under load of the relay in its own process: measured in the SQLite pass; PostgreSQL's figures are
// the clustered benchmark's (npm run bench). Run twice, a timing test would only fail twice as often on a busy machine.
describe.skipIf(onPostgres)('resource limits (real server process)', () => {
  it('closes a 64 MiB message with 1009 within a second, relays nothing and barely grows memory', async () => {
    const { server, connect, url } = await setUp();
    const watcher = await connect();
    const before = rssBytes(server.child.pid!);
    const socket = new WebSocket(url);
    await new Promise((resolve) => socket.once('open', resolve));
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('error', () => undefined);
    const frame = updateFrame(paragraphUpdate('x'.repeat(64 * MiB)));
    const started = performance.now();
    socket.send(frame);
    expect(await closed).toBe(CloseCode.messageTooBig);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(rssBytes(server.child.pid!) - before).toBeLessThan(48 * MiB);
    expect(watcher.text()).toBe('');
  });

  it('refuses growth past the per-document size cap with 4413 and keeps what was stored', async () => {
    const { connect, url } = await setUp({ ACCORD_MAX_DOCUMENT_BYTES: String(1 * MiB) });
    const reader = await connect();
    const writer = await openRawSocket(url);
    const chunk = 'Paragraph of a very long annex. '.repeat(8000);
    let sent = 0;
    while (writer.socket.readyState === writer.socket.OPEN && sent < 10) {
      writer.socket.send(updateFrame(paragraphUpdate(`${sent} ${chunk}`)));
      sent++;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await writer.closed).toBe(CloseCode.documentTooLarge);
    const fresh = await connect();
    expect(fresh.text().length).toBeGreaterThan(0);
    expect(fresh.text().length).toBeLessThan(MiB);
    await waitFor(() => reader.text() === fresh.text(), 'reader holds exactly what was stored');
  });

  it('drops a client that stops reading, without holding everything the others type', async () => {
    const { server, connect, url } = await setUp({ ACCORD_MAX_BUFFERED_BYTES: String(1 * MiB) });
    const writer = await connect();
    const reader = await connect();
    const slow = await openRawSocket(url);
    // Stop reading at the TCP level: the kernel buffers fill, then the server's send buffer grows.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const before = rssBytes(server.child.pid!);
    const latencies: number[] = [];
    for (let i = 0; i < 40; i++) {
      writer.write(`${i} ${'typed text '.repeat(20_000)}`);
      latencies.push(await deliveryMs(writer, reader, `marker ${i}`));
    }
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/accord_messages_rejected_total\{reason="client too slow"\} [1-9]/);
    expect(rssBytes(server.child.pid!) - before).toBeLessThan(64 * MiB);
    expect(percentile(latencies, 0.95)).toBeLessThan(250);
    slow.socket.terminate();
  });

  it('keeps presence honest and latency low under an awareness flood with forged client ids', async () => {
    const { connect, url } = await setUp();
    const a = await connect();
    const b = await connect();
    a.provider.awareness.setLocalStateField('cursor', { at: -1 });
    await waitFor(() => b.provider.awareness.getStates().get(a.doc.clientID), 'presence of A');
    const flooder = await openRawSocket(url);
    // A forged entry, as no honest awareness instance would write it.
    const encodeEntry = (clientId: number, clock: number) =>
      encodeAwarenessEntries([{ clientId, clock, state: { cursor: { at: clock }, user: { name: 'forged' } } }]);
    let flooding = true;
    const flood = (async () => {
      for (let clock = 1; flooding && flooder.socket.readyState === flooder.socket.OPEN; clock++) {
        // The first entry announces the flooder's own id; every later one forges someone else's.
        const clientId = clock === 1 ? 777 : clock % 2 === 0 ? a.doc.clientID : 424242;
        flooder.socket.send(awarenessFrame(encodeEntry(clientId, clock)));
        if (clock % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) latencies.push(await deliveryMs(a, b, `during flood ${i}`));
    flooding = false;
    await flood;
    flooder.socket.close();
    expect(percentile(latencies, 0.95)).toBeLessThan(250);
    const seenByB = b.provider.awareness.getStates();
    expect(seenByB.has(424242)).toBe(false);
    expect(seenByB.get(a.doc.clientID)).toMatchObject({ cursor: { at: -1 } });
  });
});
