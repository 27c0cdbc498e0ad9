import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { latestSchemaVersion, migrate } from './migrate.ts';

export type Db = Database.Database;

export interface OpenOptions {
  /** FULL: a committed update survives power loss. NORMAL: it survives a process crash only. */
  synchronous: 'FULL' | 'NORMAL';
  /**
   * 'migrate' (the default) brings the schema to this version's; 'as-is' leaves it as it is, for a tool that only
   * copies the file (`npm run backup`), which must not change the schema under a server of another version.
   */
  schema?: 'migrate' | 'as-is';
}

/** The data file was found damaged; the server must not serve it (nor replace it with an empty one). */
export class DatabaseIntegrityError extends Error {}

/** Another process holds the database's write lock (another Accord on the same data dir, or a tool). */
export class DatabaseLockedError extends Error {}

export const DATABASE_FILE = 'accord.sqlite';

/** SQLite's page cache for the server's connection: SQLite's own default size. */
const PAGE_CACHE_KIB = 2000;

/**
 * Opens (creating if missing) the database in `dataDir`, checks its integrity, sets the pragmas and applies pending
 * migrations. Pragmas are set on every open because SQLite does not persist synchronous or foreign_keys.
 */
export function openDatabase(dataDir: string, options: OpenOptions): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  let db: Db;
  try {
    db = new Database(file, { fileMustExist: false });
    db.pragma('busy_timeout = 5000');
    checkIntegrity(db, file);
    if (options.schema !== 'as-is') refuseNewerSchema(db, file);
  } catch (error) {
    if (error instanceof DatabaseIntegrityError) throw error;
    throw new DatabaseIntegrityError(
      `Cannot open the database ${file}: ${(error as Error).message}. ` +
        'It is left untouched; restore it from a backup or move it aside to start empty.',
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  // Checkpoints keep the WAL near 4 MiB; after one, a WAL that grew past 64 MiB (a long-running reader held it) is
  // truncated back instead of keeping its size on disk forever.
  db.pragma('wal_autocheckpoint = 1000');
  db.pragma('journal_size_limit = 67108864');
  db.pragma('foreign_keys = ON');
  // better-sqlite3 builds SQLite with a 16 MB page cache (SQLite's own default is 2 MB). Appended updates are written
  // once and read back only when a document loads, yet each fills the cache with its pages: under a load of large
  // changes the cache filled to 15 MiB of pages nobody read again, and kept it (docs/reliability.md, issue 14).
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  takeWriteLockOnce(db, file);
  if (options.schema !== 'as-is') migrate(db);
  return db;
}

/** Fails fast, with a clear message, when another process keeps the database locked for writing. */
function takeWriteLockOnce(db: Db, file: string): void {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new DatabaseLockedError(
        `The database ${file} is locked by another process (is another Accord running on this data directory?). ` +
          'Stop it, or choose another ACCORD_DATA_DIR.',
      );
    }
    throw error;
  }
}

function checkIntegrity(db: Db, file: string): void {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  const problems = rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
  if (problems.length > 0) {
    db.close();
    throw new DatabaseIntegrityError(
      `The database ${file} failed its integrity check (${problems.slice(0, 3).join('; ')}). ` +
        'Accord will not serve it. Restore it from a backup (see docs/operations.md); it has not been modified.',
    );
  }
}

/** A database migrated by a newer Accord holds tables this version would write wrongly (e.g. after a rollback). */
function refuseNewerSchema(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const known = latestSchemaVersion();
  if (version <= known) return;
  db.close();
  throw new DatabaseIntegrityError(
    `The database ${file} was written by a newer Accord (schema ${version}; this one knows up to ${known}). ` +
      'It is left untouched; run that newer Accord, or restore a backup made by this version (see docs/operations.md).',
  );
}
