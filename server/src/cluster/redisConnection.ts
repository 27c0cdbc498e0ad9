import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Longest wait between two reconnection attempts: a restarted Redis is back in use within a second. */
const MAX_RECONNECT_DELAY_MS = 1000;

/**
 * One ioredis connection as Accord uses them: it reconnects forever, and a command sent while it is down fails at once
 * instead of queueing (pub/sub and the shared counters are worth nothing late, and a queue would grow without bound
 * during an outage). One warning when it is lost, one line when it is back: not one per failed attempt.
 */
export function connectRedis(url: string, role: string, logger: Logger): Redis {
  const redis = new Redis(url, {
    connectionName: `accord ${role}`,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 100, MAX_RECONNECT_DELAY_MS),
  });
  let lost = false;
  redis.on('error', (error: Error) => {
    if (lost) return;
    lost = true;
    logger.warn({ role, err: error }, 'Redis connection lost; reconnecting');
  });
  redis.on('ready', () => {
    if (!lost) return;
    lost = false;
    logger.info({ role }, 'Redis connection back');
  });
  return redis;
}

/** Closes politely when Redis is there (pending replies arrive first), at once when it is not. */
export async function closeRedis(redis: Redis): Promise<void> {
  await redis.quit().catch(() => redis.disconnect());
}
