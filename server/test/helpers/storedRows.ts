import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../src/storage/database.ts';
import { PostgresDatabase } from '../../src/storage/sql/postgresDatabase.ts';
import type { SqlDatabase } from '../../src/storage/sql/sqlDatabase.ts';
import { SqliteDatabase } from '../../src/storage/sql/sqliteDatabase.ts';
import { postgresDatabaseOf } from './testServer.ts';

/**
 * Runs `use` on a connection of its own to the database of the test server on `dataDir`, on whichever engine it runs
 * (its SQLite file, or its PostgreSQL database in the suite's PostgreSQL pass): what the server stored, not what its
 * API says, and a way to damage it on purpose.
 */
export function withStoredDatabase<T>(dataDir: string, use: (db: SqlDatabase) => T): T {
  const url = postgresDatabaseOf(dataDir);
  const db = url ? new PostgresDatabase(url) : new SqliteDatabase(new Database(path.join(dataDir, DATABASE_FILE)));
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Rows read straight from the database of the test server on `dataDir` (withStoredDatabase). */
export function storedRows<R>(dataDir: string, sql: string, ...params: (string | number)[]): R[] {
  return withStoredDatabase(dataDir, (db) => db.prepare<typeof params, R>(sql).all(...params));
}
