import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Counts failed credentials per client address. Past the limit, the address gets 429 for the rest of the minute, so
 * tokens cannot be guessed by brute force (they have 256 bits anyway) and a flood of bad logins stays cheap.
 *
 * With `redis` (ACCORD_REDIS_URL) the count is kept there, shared by every process of a cluster: behind a load
 * balancer a guesser's attempts are spread over the processes, and each counting alone would allow N times the
 * limit. While Redis is unreachable each process counts in its own memory rather than letting everyone through.
 */
export class AuthFailureLimiter {
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly perMinute: number,
    redis?: Redis,
  ) {
    const inMemory = new RateLimiterMemory({ points: perMinute, duration: 60 });
    this.limiter = redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: 'accord:auth-failures',
          points: perMinute,
          duration: 60,
          // Not queued behind a dead connection: a login waits for no reconnection.
          rejectIfRedisNotReady: true,
          insuranceLimiter: inMemory,
        })
      : inMemory;
  }

  async blocked(address: string | undefined): Promise<boolean> {
    const state = await this.limiter.get(address ?? 'unknown');
    return state !== null && state.consumedPoints >= this.perMinute;
  }

  async failed(address: string | undefined): Promise<void> {
    // consume() rejects once the limit is passed; that is the state blocked() reports, not an error here.
    await this.limiter.consume(address ?? 'unknown').catch(() => undefined);
  }
}
