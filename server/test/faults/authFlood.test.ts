import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type CollabClient, connectClient, upgradeStatus } from '../helpers/collabClient.ts';
import { type TestServer, startTestServer } from '../helpers/testServer.ts';

let server: TestServer;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

const upgradeFrom = (url: string, localAddress: string) => upgradeStatus(url, { localAddress });

describe('authentication floods', () => {
  it('answers 429 to an address after its failed attempts, fast, while others are unaffected', async () => {
    server = await startTestServer();
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const started = performance.now();
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) statuses.push(await upgradeFrom(`${server.wsUrl}/${documentId}?token=wrong-${i}`, '127.0.0.2'));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30).every((status) => status === 429)).toBe(true);
    // Even the right token is refused from that address for the rest of the minute…
    expect(await upgradeFrom(`${server.wsUrl}/${documentId}?token=${token}`, '127.0.0.2')).toBe(429);
    const api = await fetch(`${server.url}/api/me`, { headers: { authorization: 'Bearer wrong' } });
    expect(api.status).toBe(401);
    // …while everyone else works normally.
    const honest = await connectClient(server.wsUrl, documentId, token);
    clients.push(honest);
    expect(honest.provider.wsconnected).toBe(true);
  });

  it('drops a connection that never sends its request', async () => {
    server = await startTestServer();
    const socket = net.connect(server.port, '127.0.0.1');
    // Read what the server may say before it closes: when Node's own header timeout (checked every second) comes
    // before the idle guard, it answers 408 first, and a socket whose data nobody reads never ends, so never closes.
    socket.resume();
    const started = performance.now();
    await new Promise((resolve) => socket.on('close', resolve));
    expect(performance.now() - started).toBeLessThan(12_000);
    const honest = await fetch(`${server.url}/healthz`);
    expect(honest.status).toBe(200);
  }, 20_000);
});
