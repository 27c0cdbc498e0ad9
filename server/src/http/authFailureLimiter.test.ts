import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../test/support/redis.ts';
import { waitFor } from '../../test/helpers/waitFor.ts';
import { AuthFailureLimiter } from './authFailureLimiter.ts';

/** A connection per limiter, as each process of a cluster has its own. */
async function connected(url: string): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, retryStrategy: () => 50 });
  await waitFor(() => redis.status === 'ready', 'the limiter connection ready');
  return redis;
}

describe('AuthFailureLimiter', () => {
  let redis: TestRedis;
  const connections: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const connection of connections) connection.disconnect();
    await redis.stop();
  });

  async function sharedLimiter(perMinute: number): Promise<AuthFailureLimiter> {
    const connection = await connected(redis.url);
    connections.push(connection);
    return new AuthFailureLimiter(perMinute, connection);
  }

  it('in memory, counts one process’s failures per address', async () => {
    const limiter = new AuthFailureLimiter(3);
    const other = new AuthFailureLimiter(3);
    for (let i = 0; i < 3; i++) await limiter.failed('10.0.0.1');
    expect(await limiter.blocked('10.0.0.1')).toBe(true);
    expect(await limiter.blocked('10.0.0.2')).toBe(false);
    expect(await other.blocked('10.0.0.1')).toBe(false);
  });

  it('on Redis, two processes share one count per address, kept for a minute', async () => {
    const [a, b] = [await sharedLimiter(3), await sharedLimiter(3)];
    await a.failed('10.0.1.1');
    await b.failed('10.0.1.1');
    expect(await a.blocked('10.0.1.1')).toBe(false);
    await a.failed('10.0.1.1');
    expect(await a.blocked('10.0.1.1')).toBe(true);
    expect(await b.blocked('10.0.1.1')).toBe(true);
    expect(await b.blocked('10.0.1.2')).toBe(false);

    const reader = await connected(redis.url);
    connections.push(reader);
    const keys = await reader.keys('*10.0.1.1');
    expect(keys).toHaveLength(1);
    const ttl = await reader.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it('counts in memory while Redis is away rather than letting every attempt through', async () => {
    const limiter = await sharedLimiter(2);
    await redis.restart(async () => {
      await waitFor(() => connections.at(-1)!.status !== 'ready', 'the connection lost');
      await limiter.failed('10.0.2.1');
      await limiter.failed('10.0.2.1');
      expect(await limiter.blocked('10.0.2.1')).toBe(true);
      expect(await limiter.blocked('10.0.2.2')).toBe(false);
    });
  });
});
