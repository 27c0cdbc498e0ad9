import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { connectClient, upgradeStatus } from '../helpers/collabClient.ts';
import { expectError } from '../helpers/responses.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

const OUTAGE_MS = 10_000;

const figure = (metrics: string, name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(metrics)?.[1]);

describe('a process whose PostgreSQL stops for ten seconds', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let server: TestServer;
  let databaseUrl: string;
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    databaseUrl = postgres.createDatabase();
    server = await startTestServer({ env: { ACCORD_DATABASE_URL: databaseUrl, ACCORD_REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await server?.close();
    await Promise.all([redis?.stop(), postgres?.stop()]);
  });

  const health = async () => {
    const response = await fetch(`${server.url}/healthz`);
    return { status: response.status, body: (await response.json()) as { status: string; dependencies: Record<string, string> } };
  };
  const scrape = async () => (await fetch(`${server.url}/metrics`)).text();

  it('refuses edits with the storage-failure code, answers 503, and takes them again once it is back', async () => {
    // The bus subscribes once the server is listening.
    await waitFor(async () => (await health()).body.dependencies.redis === 'up', 'the bus up');
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', dependencies: { database: 'up', redis: 'up' } } });
    const documentId = await server.createDocument('Outage');
    const { token } = await server.invite(documentId, 'delegate', 'Spain');
    const writer = await connectClient(server.wsUrl, documentId, token);
    const reader = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
    writer.write('BEFORE');
    await waitFor(() => reader.text() === 'BEFORE', 'relay before the outage');
    const before = await scrape();
    expect(figure(before, 'accord_redis_up')).toBe(1);
    expect(figure(before, 'accord_postgres_queries_total')).toBeGreaterThan(0);

    await postgres.stop();
    const stoppedAt = Date.now();
    writer.write('DURING');
    await waitFor(() => writer.closes.includes(CloseCode.storageFailure), 'the writer is told', 5000);
    await waitFor(() => reader.closes.includes(CloseCode.storageFailure), 'every socket is closed', 5000);
    // Not stored, so not relayed: nobody was sent what could be lost.
    expect(reader.text()).toBe('BEFORE');
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=${token}`)).toBe(503);
    await expectError(await server.api('GET', `/api/documents/${documentId}`), 503, 'unavailable');
    await expectError(await server.api('POST', '/api/documents', { title: 'During' }), 503, 'unavailable');
    expect(await health()).toEqual({
      status: 503,
      body: expect.objectContaining({ status: 'database_unavailable', dependencies: { database: 'down', redis: 'up' } }),
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // Still refused while it lasts: the clients' reconnections are turned away, and nothing reaches the reader.
    expect(reader.text()).toBe('BEFORE');
    expect(writer.provider.wsconnected).toBe(false);

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt))));
    await postgres.start();
    const startedAt = Date.now();
    await waitFor(() => reader.text() === 'BEFORE\nDURING', 'the refused edit sent again and taken', 10_000);
    const resumedMs = Date.now() - startedAt;
    expect((await server.api('GET', `/api/documents/${documentId}`)).status).toBe(200);
    expect((await health()).status).toBe(200);
    const after = await scrape();
    expect(figure(after, 'accord_postgres_reconnects_total')).toBeGreaterThanOrEqual(1);
    expect(figure(after, 'accord_postgres_errors_total')).toBeGreaterThanOrEqual(1);
    writer.destroy();
    reader.destroy();

    // What was acknowledged before and taken after is stored: another process on the same database has both.
    const other = await startTestServer({ env: { ACCORD_DATABASE_URL: databaseUrl } });
    try {
      const late = await connectClient(other.wsUrl, documentId, ORGANISER_TOKEN);
      expect(late.text()).toBe('BEFORE\nDURING');
      late.destroy();
    } finally {
      await other.close();
    }
    console.log(`edits taken again ${resumedMs} ms after PostgreSQL was back`);
  }, 60_000);
});
