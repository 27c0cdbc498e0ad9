/**
 * The storage port every repository is written against: the part of better-sqlite3's API Accord uses, which both
 * engines implement (SQLite embedded, PostgreSQL for a cluster; docs/decisions/0013-storage-on-postgresql.md).
 *
 * Calls are synchronous, as better-sqlite3's are: a write has committed when the call returns. The relay's rules
 * (store before relay, refuse an update before it is applied) are written for that; PostgreSQL keeps them through
 * libpq's blocking calls. SQL in repositories is the dialect both engines share: `?` or `@name` parameters,
 * `ON CONFLICT`, `COALESCE`, `RETURNING`, no engine functions.
 */
export type SqlParam = string | number | bigint | Uint8Array | null;

export interface SqlRunResult {
  /** Rows inserted, updated or deleted by the statement. */
  changes: number;
}

export interface SqlStatement<P extends unknown[] = unknown[], R = unknown> {
  run(...params: P): SqlRunResult;
  get(...params: P): R | undefined;
  all(...params: P): R[];
}

export type SqlDialect = 'sqlite' | 'postgres';

export interface SqlDatabase {
  readonly dialect: SqlDialect;
  /** Prepares once; `P` is the positional parameters, or `[{ name: value }]` for `@name` parameters. */
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R>;
  /** Wraps `fn` so each call runs in one transaction (a savepoint when nested): all of its writes or none. */
  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T;
  /**
   * Runs `write` (one statement or one transaction) so that its commit does not wait for the disk: it becomes durable
   * with the next flush of the relay's group commit, which precedes anything relayed. On an engine whose commits are
   * durable anyway (PostgreSQL) it just runs `write`.
   */
  unsynced<T>(write: () => T): T;
  /** Runs one or more statements with no parameters (migrations). */
  exec(sql: string): void;
  close(): void;
}
