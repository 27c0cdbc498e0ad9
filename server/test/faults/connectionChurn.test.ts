import v8 from 'node:v8';
import vm from 'node:vm';
import * as awarenessProtocol from 'y-protocols/awareness';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awarenessFrame } from '../../../shared/protocol/wireFormat.ts';
import * as Y from 'yjs';
import { MiB } from '../helpers/processMemory.ts';
import { openRawSocket } from '../helpers/rawSocket.ts';
import { type TestServer, startTestServer } from '../helpers/testServer.ts';

// RSS of a process that has not collected its garbage says little about leaks, so this test runs the server in this
// process and measures the heap after a forced full collection.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

let server: TestServer;
let url: string;

beforeAll(async () => {
  server = await startTestServer();
  const documentId = await server.createDocument();
  const { token } = await server.invite(documentId, 'delegate');
  url = `${server.wsUrl}/${documentId}?token=${token}`;
});

afterAll(async () => {
  await server.close();
});

/** What a browser announces on connecting: its presence, under its own Yjs client id. */
function presence(): Uint8Array {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState({ user: { name: 'Visitor' } });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]);
  awareness.destroy();
  return awarenessFrame(update);
}

/** 2,000 connections, 200 at a time, that sync, announce their presence as browsers do, and close. */
async function round(): Promise<number> {
  for (let batch = 0; batch < 10; batch++) {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => openRawSocket(url)));
    for (const { socket } of sockets) socket.send(presence());
    for (const { socket } of sockets) socket.close();
    await Promise.all(sockets.map(({ closed }) => closed));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('connection churn', () => {
  it('opens and closes 2 x 2,000 connections with memory back near baseline', async () => {
    // Someone stays connected throughout, so the document stays loaded as at a meeting.
    const staying = await openRawSocket(url);
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    const first = await round();
    const second = await round();
    staying.socket.close();
    console.log(
      `connection churn: heap after a full collection ${(baseline / MiB).toFixed(1)} MiB before, ` +
        `${(first / MiB).toFixed(1)} after round 1, ${(second / MiB).toFixed(1)} after round 2 ` +
        `(round 2 added ${((second - first) / MiB).toFixed(2)} MiB)`,
    );
    expect(second - first).toBeLessThan(8 * MiB);
    expect(second - baseline).toBeLessThan(32 * MiB);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^accord_connections 0$/m);
  }, 180_000);
});
