import type { SqlDatabase } from './sql/sqlDatabase.ts';

/**
 * The cluster's job turns on PostgreSQL: a transaction-scoped advisory lock on the key's hash, taken first in the
 * transaction that does the work. PostgreSQL releases it at commit or rollback, and when the holder's connection dies
 * (a process killed mid-job), so no turn outlives its process and nothing has to expire. Two keys with the same hash
 * only wait for each other.
 */
export class PostgresJobLocks {
  private readonly lock;

  constructor(private readonly db: SqlDatabase) {
    this.lock = db.prepare<[string]>('SELECT pg_advisory_xact_lock(hashtext(?))');
  }

  exclusively<T>(key: string, work: () => T): T {
    return this.db.transaction(() => {
      this.lock.get(`accord-job:${key}`);
      return work();
    })();
  }
}
