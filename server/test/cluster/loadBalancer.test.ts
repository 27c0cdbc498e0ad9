import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../../shared/api/threads.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { openEventStream } from '../helpers/eventStream.ts';
import { expectJson } from '../helpers/responses.ts';
import { type ServerProcess, spawnServer } from '../helpers/serverProcess.ts';
import { tempDataDir, withApi } from '../helpers/testServer.ts';
import { anchors } from '../helpers/threadAnchors.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startHaproxy, type TestHaproxy } from '../support/haproxy.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

let postgres: TestPostgres;
let redis: TestRedis;
let processes: ServerProcess[] = [];
let haproxy: TestHaproxy | undefined;
const clients: CollabClient[] = [];

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await haproxy?.stop();
  haproxy = undefined;
  await Promise.all(processes.map((process) => process.close()));
  processes = [];
});

afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop()]);
});

/** Two real Accord processes on one PostgreSQL database and one Redis, behind HAProxy; the REST API through it. */
async function cluster() {
  const env = { ACCORD_DATABASE_URL: postgres.createDatabase(), ACCORD_REDIS_URL: redis.url };
  processes = await Promise.all([spawnServer(tempDataDir(), env), spawnServer(tempDataDir(), env)]);
  haproxy = await startHaproxy(processes.map((process) => process.port));
  return { haproxy, front: withApi({ url: haproxy.url }, processes[0]!.dataDir) };
}

/** Open collaboration websockets on one process, read from its own /metrics (not through HAProxy). */
async function connectionsOn(process: ServerProcess): Promise<number> {
  const metrics = await (await fetch(`${process.url}/metrics`)).text();
  return Number(/^accord_connections (\d+)/m.exec(metrics)?.[1] ?? 0);
}

/** A document with a first paragraph written, so that every later write is a paragraph of its own, and a token. */
async function documentThrough(front: Awaited<ReturnType<typeof cluster>>['front'], wsUrl: string, title: string) {
  const documentId = await front.createDocument(title);
  const { id: inviteId, token } = await front.invite(documentId, 'delegate');
  const first = await connectClient(wsUrl, documentId, token);
  first.write(title);
  await waitFor(() => first.provider.synced && first.text() === title, 'the first paragraph');
  first.destroy();
  return { documentId, token, inviteId };
}

/** `count` delegates connected one after the other through HAProxy: round robin alternates their processes. */
async function delegates(wsUrl: string, documentId: string, token: string, count: number): Promise<CollabClient[]> {
  const connected: CollabClient[] = [];
  for (let i = 0; i < count; i++) {
    const client = await connectClient(wsUrl, documentId, token);
    clients.push(client);
    connected.push(client);
  }
  return connected;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const lines = (client: CollabClient) => client.text().split('\n').filter(Boolean).sort();

/**
 * Each client writes a paragraph of its own every 20 ms, `rounds` times; `during(round)` runs between rounds (a kill,
 * a restart). Returns every paragraph written, whether or not a server had acknowledged it.
 */
async function typeTogether(typists: CollabClient[], rounds: number, during: (round: number) => Promise<void> | void): Promise<string[]> {
  const written: string[] = [];
  for (let round = 0; round < rounds; round++) {
    typists.forEach((client, index) => {
      const paragraph = `c${index} r${round}`;
      client.write(paragraph);
      written.push(paragraph);
    });
    await during(round);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return written;
}

describe('two Accord processes behind HAProxy round robin', () => {
  it('spread delegates over both processes; copies converge, threads and revocations reach both', async () => {
    const { haproxy, front } = await cluster();
    const served = [];
    for (let i = 0; i < 4; i++) served.push(haproxy.servedBy(await fetch(`${haproxy.url}/healthz`)));
    expect(new Set(served)).toEqual(new Set([0, 1]));

    const { documentId, token, inviteId } = await documentThrough(front, haproxy.wsUrl, 'Spread');
    const typists = await delegates(haproxy.wsUrl, documentId, token, 4);
    expect(await Promise.all(processes.map(connectionsOn))).toEqual([2, 2]);
    typists.forEach((client, index) => client.write(`from ${index}`));
    for (const client of typists) await waitFor(() => lines(client).length === 5, 'every paragraph on every client', 1000);
    for (const client of typists) expect(lines(client)).toEqual(lines(typists[0]!));

    // A thread posted through HAProxy reaches streams held on both processes, the one that did not take it too.
    const streams = await Promise.all(processes.map((process) => openEventStream(`${process.url}/api/documents/${documentId}/events`, bearer(token))));
    try {
      await Promise.all(streams.map((stream) => stream.next((e) => e.event === 'threads', 'snapshot')));
      const posted = await front.api('POST', `/api/documents/${documentId}/threads`, { ...anchors(), quote: 'words', visibility: 'everyone', body: 'Across' });
      const thread = await expectJson<Thread>(posted, 201);
      const other = streams[1 - haproxy.servedBy(posted)]!;
      await other.next((e) => e.event === 'thread' && (e.data as Thread).id === thread.id, 'the thread on the other process', 1000);
    } finally {
      for (const stream of streams) stream.close();
    }

    // Revoked through HAProxy: the invite's sockets close on both processes within a second.
    const revokedAt = Date.now();
    expect((await front.api('DELETE', `/api/documents/${documentId}/invites/${inviteId}`)).status).toBe(200);
    for (const client of typists) await waitFor(() => client.closes.includes(CloseCode.inviteRevoked), 'socket closed as revoked', 1000);
    expect(Date.now() - revokedAt).toBeLessThan(1000);
  });

  it('lose nothing when one process is killed with SIGKILL mid-typing: its delegates reconnect to the other', async () => {
    const { haproxy, front } = await cluster();
    const { documentId, token } = await documentThrough(front, haproxy.wsUrl, 'Killed');
    const typists = await delegates(haproxy.wsUrl, documentId, token, 4);
    expect(await Promise.all(processes.map(connectionsOn))).toEqual([2, 2]);
    const [victim, survivor] = processes as [ServerProcess, ServerProcess];

    const written = await typeTogether(typists, 60, async (round) => {
      if (round !== 20) return;
      victim.child.kill('SIGKILL');
      expect(await victim.exited).toBe('SIGKILL');
    });

    // Everything any client wrote, acknowledged or not: y-websocket resends on reconnect what the server lacks.
    const everything = [...written, 'Killed'].sort();
    for (const client of typists) await waitFor(() => lines(client).length === everything.length, 'every paragraph after the kill', 8000);
    for (const client of typists) expect(lines(client)).toEqual(everything);
    expect(await connectionsOn(survivor)).toBe(4);
    const reader = await connectClient(haproxy.wsUrl, documentId, token);
    clients.push(reader);
    expect(lines(reader)).toEqual(everything);
  });

  it('converge with nothing lost when Redis restarts mid-typing', async () => {
    const { haproxy, front } = await cluster();
    const { documentId, token } = await documentThrough(front, haproxy.wsUrl, 'Redis restarted');
    const typists = await delegates(haproxy.wsUrl, documentId, token, 4);

    const written = await typeTogether(typists, 40, async (round) => {
      if (round === 15) await redis.restart(() => new Promise((resolve) => setTimeout(resolve, 300)));
    });

    const everything = [...written, 'Redis restarted'].sort();
    for (const client of typists) await waitFor(() => lines(client).length === everything.length, 'every paragraph after the restart', 5000);
    for (const client of typists) expect(lines(client)).toEqual(everything);
  });
});
