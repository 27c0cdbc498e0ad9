import type Database from 'better-sqlite3';
import { UnsyncedCommit } from '../unsyncedCommit.ts';
import type { SqlDatabase, SqlStatement } from './sqlDatabase.ts';

/** The storage port over an open better-sqlite3 connection, which already has this API. */
export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  /** Commits that skip the WAL flush; whether the configured mode needs a flush after them at all. */
  readonly unsyncedCommit: UnsyncedCommit;

  /** `connection`: for the SQLite-only parts (pragmas, WAL, backups), which know they run on SQLite. */
  constructor(readonly connection: Database.Database) {
    this.unsyncedCommit = new UnsyncedCommit(connection);
  }

  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): SqlStatement<P, R> {
    return this.connection.prepare(sql) as unknown as SqlStatement<P, R>;
  }

  transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T {
    return this.connection.transaction(fn) as unknown as (...args: A) => T;
  }

  unsynced<T>(write: () => T): T {
    return this.unsyncedCommit.run(write);
  }

  exec(sql: string): void {
    this.connection.exec(sql);
  }

  close(): void {
    this.connection.close();
  }
}
