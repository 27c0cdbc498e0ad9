import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Counts failed credentials per client address. Past the limit, the address gets 429 for the rest of the minute, so
 * tokens cannot be guessed by brute force (they have 256 bits anyway) and a flood of bad logins stays cheap.
 */
export class AuthFailureLimiter {
  private readonly limiter: RateLimiterMemory;

  constructor(private readonly perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
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
