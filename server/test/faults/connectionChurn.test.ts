import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function round(): Promise<number> {
  for (let batch = 0; batch < 10; batch++) {
    const sockets = await Promise.all(Array.from({ length: 200 }, () => openRawSocket(url)));
    for (const { socket } of sockets) socket.close();
    await Promise.all(sockets.map(({ closed }) => closed));
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('connection churn', () => {
  it('opens and closes 2 x 2,000 connections with memory back near baseline', async () => {
    const first = await round();
    const second = await round();
    expect(second - first).toBeLessThan(8 * MiB);
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    expect(metrics).toMatch(/^accord_connections 0$/m);
  });
});
