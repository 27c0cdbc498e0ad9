import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { type TestServer, startTestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';
import { PostgresDatabase } from '../../src/storage/sql/postgresDatabase.ts';

let postgres: TestPostgres;
let redis: TestRedis;
/** A second Redis: a process on it hears nothing the others publish, as if the bus dropped every message. */
let deafRedis: TestRedis;
const servers: TestServer[] = [];
const clients: CollabClient[] = [];

beforeAll(async () => {
  [postgres, redis, deafRedis] = await Promise.all([startPostgres(), startRedis(), startRedis()]);
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
});

afterAll(async () => {
  await Promise.all([postgres?.stop(), redis?.stop(), deafRedis?.stop()]);
});

/** Processes of one cluster: one PostgreSQL database, each on the Redis given. */
let databaseUrl: string;

async function cluster(redisUrls: string[]): Promise<TestServer[]> {
  databaseUrl = postgres.createDatabase();
  const started = await Promise.all(
    redisUrls.map((redisUrl) => startTestServer({ env: { ACCORD_DATABASE_URL: databaseUrl, ACCORD_REDIS_URL: redisUrl } })),
  );
  servers.push(...started);
  return started;
}

async function connect(server: TestServer, documentId: string, token: string): Promise<CollabClient> {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
}

/** A document whose first paragraph is written, so that every later write is a paragraph of its own. */
async function documentOn(server: TestServer, title: string): Promise<{ documentId: string; token: string }> {
  const documentId = await server.createDocument(title);
  const { token } = await server.invite(documentId, 'delegate');
  const first = await connectClient(server.wsUrl, documentId, token);
  first.write(title);
  await waitFor(() => first.provider.synced && first.text() === title, 'the first paragraph');
  first.destroy();
  return { documentId, token };
}

/** The updates of a document stored in the cluster's database, not yet compacted. */
function storedUpdates(databaseUrl: string, documentId: string): number {
  const db = new PostgresDatabase(databaseUrl);
  try {
    return db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?').get(documentId)!.n;
  } finally {
    db.close();
  }
}

/** Every paragraph each client wrote, in whatever order the merge put them. */
const lines = (client: CollabClient) => client.text().split('\n').filter(Boolean).sort();

describe('two processes sharing PostgreSQL and Redis', () => {
  it('relay each other’s stored changes: delegates on different processes converge at once', async () => {
    const [a, b] = await cluster([redis.url, redis.url]);
    const { documentId, token } = await documentOn(a!, 'Across processes');
    const onA = await connect(a!, documentId, token);
    const onB = await connect(b!, documentId, token);
    onA.write('from A');
    onB.write('from B');
    for (const client of [onA, onB]) await waitFor(() => lines(client).length === 3, 'both paragraphs', 1000);
    expect(lines(onA)).toEqual(lines(onB));
  });

  it('converge within seconds when every message is lost, from storage alone', async () => {
    const [a, b] = await cluster([redis.url, deafRedis.url]);
    const { documentId, token } = await documentOn(a!, 'Nothing heard');
    const onA = await connect(a!, documentId, token);
    const onB = await connect(b!, documentId, token);
    for (let i = 0; i < 10; i++) {
      onA.write(`A${i}`);
      onB.write(`B${i}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const client of [onA, onB]) await waitFor(() => lines(client).length === 21, 'every paragraph', 4000);
    expect(lines(onA)).toEqual(lines(onB));
  });

  it('converge, nothing lost, while the subscriptions are cut again and again mid-typing', async () => {
    const [a, b] = await cluster([redis.url, redis.url]);
    const { documentId, token } = await documentOn(a!, 'Cut subscriptions');
    const onA = await connect(a!, documentId, token);
    const onB = await connect(b!, documentId, token);
    const admin = new Redis(redis.url);
    try {
      for (let i = 0; i < 30; i++) {
        onA.write(`A${i}`);
        onB.write(`B${i}`);
        // Redis keeps nothing for a subscriber that is gone: what is published until it is back is lost to it.
        if (i % 5 === 0) await admin.call('CLIENT', 'KILL', 'TYPE', 'pubsub');
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    } finally {
      admin.disconnect();
    }
    for (const client of [onA, onB]) await waitFor(() => lines(client).length === 61, 'every paragraph', 4000);
    expect(lines(onA)).toEqual(lines(onB));
    const reader = await connect(b!, documentId, token);
    expect(lines(reader)).toEqual(lines(onA));
  });

  it('keep what another process stored when one compacts its copy of the document', async () => {
    const [a, b] = await cluster([redis.url, deafRedis.url]);
    const { documentId, token } = await documentOn(a!, 'Compacted');
    const onB = await connect(b!, documentId, token);
    const onA = await connect(a!, documentId, token);
    onA.write('A before');
    onB.write('B, unheard by A');
    await waitFor(() => storedUpdates(databaseUrl, documentId) >= 3, 'both stored');
    // A's copy may lack B's paragraph (A hears nothing from B until its tail check); it compacts when its last client goes.
    onA.destroy();
    await waitFor(() => storedUpdates(databaseUrl, documentId) === 0, 'compaction on unload', 3000);
    const reader = await connect(a!, documentId, token);
    expect(lines(reader)).toEqual(['A before', 'B, unheard by A', 'Compacted']);
  });
});
