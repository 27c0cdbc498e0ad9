import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './database.ts';

/** A timestamped file name for a backup, sortable by time. */
export function backupFileName(at: Date = new Date()): string {
  return `accord-${at.toISOString().replace(/[:.]/g, '-')}.sqlite`;
}

/**
 * Writes a consistent copy of the live database to `destination` with SQLite's online backup API (writers keep
 * working meanwhile), then checks the copy's integrity. Returns the copy's size in bytes.
 */
export async function backupDatabase(db: Db, destination: string): Promise<number> {
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial`;
  await db.backup(partial);
  const copy = new Database(partial);
  try {
    // A single self-contained file: the copy inherits WAL mode, which would leave -wal and -shm files beside it.
    copy.pragma('journal_mode = DELETE');
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`the backup failed its integrity check: ${String(result)}`);
  } finally {
    copy.close();
  }
  // Only a complete, checked copy ever carries the final name.
  fs.renameSync(partial, destination);
  return fs.statSync(destination).size;
}
