import type { PostgresDatabase } from './sql/postgresDatabase.ts';

/** How often an unavailable PostgreSQL is asked whether it is back. */
const PROBE_INTERVAL_MS = 1000;

/**
 * While PostgreSQL is unavailable, asks it every second whether it answers again, so that a process with nothing to
 * store learns it is back too (and lets its clients in again). Nothing runs while it answers: calls find a loss.
 * Returns the function that stops probing.
 */
export function probeWhileUnavailable(db: PostgresDatabase, intervalMs = PROBE_INTERVAL_MS): () => void {
  let timer: NodeJS.Timeout | undefined;
  const stopProbing = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const stopListening = db.onAvailability((unavailable) => {
    if (unavailable === undefined) return stopProbing();
    timer ??= setInterval(() => {
      try {
        db.ping();
      } catch {
        // Still unavailable: asked again at the next tick.
      }
    }, intervalMs);
    timer.unref();
  });
  return () => {
    stopListening();
    stopProbing();
  };
}
