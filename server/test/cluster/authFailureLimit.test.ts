import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgradeStatus } from '../helpers/collabClient.ts';
import { type TestServer, startTestServer } from '../helpers/testServer.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

const upgradeFrom = (url: string, localAddress: string) => upgradeStatus(url, { localAddress });

describe('two Accord processes on one Redis', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let servers: TestServer[];
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { ACCORD_DATABASE_URL: postgres.createDatabase(), ACCORD_REDIS_URL: redis.url, ACCORD_AUTH_FAILURES_PER_MINUTE: '4' };
    servers = [await startTestServer({ env }), await startTestServer({ env })];
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all([redis.stop(), postgres.stop()]);
  });

  it('count failed credentials together: a guesser spread over both is refused by both', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const documentId = await a.createDocument();
    const { token } = await a.invite(documentId, 'delegate');
    for (const server of [a, b, a, b]) expect(await upgradeFrom(`${server.wsUrl}/${documentId}?token=wrong`, '127.0.0.7')).toBe(401);
    // Two failures each: alone, neither process would have reached its limit of four.
    expect(await upgradeFrom(`${a.wsUrl}/${documentId}?token=${token}`, '127.0.0.7')).toBe(429);
    expect(await upgradeFrom(`${b.wsUrl}/${documentId}?token=wrong`, '127.0.0.7')).toBe(429);
    expect(await upgradeFrom(`${a.wsUrl}/${documentId}?token=${token}`, '127.0.0.8')).toBe(101);
  });
});
