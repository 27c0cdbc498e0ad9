import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './database.ts';
import { latestSchemaVersion } from './migrate.ts';

export class RestoreError extends Error {}

/**
 * Puts a backup in place as the data directory's database. The backup is checked first (a sound SQLite file, an
 * Accord schema no newer than this version knows); any current database is moved aside, never deleted. Accord must
 * be stopped; it migrates the restored file on its next start if the backup came from an older version.
 */
export function restoreBackup(backupFile: string, dataDir: string, at: Date = new Date()): { movedAside: string | undefined } {
  if (!fs.existsSync(backupFile)) throw new RestoreError(`No such backup file: ${backupFile}`);
  let backup: Database.Database;
  try {
    backup = new Database(backupFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new RestoreError(`${backupFile} is not a database: ${(error as Error).message}`);
  }
  try {
    const integrity = backup.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new RestoreError(`${backupFile} failed its integrity check: ${String(integrity)}`);
    const hasDocuments = backup.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'documents'").get();
    if (!hasDocuments) throw new RestoreError(`${backupFile} is not an Accord backup (no documents table).`);
    const version = backup.pragma('user_version', { simple: true }) as number;
    const known = latestSchemaVersion();
    if (version > known) {
      throw new RestoreError(`${backupFile} comes from a newer Accord (schema ${version}, this one knows ${known}); upgrade Accord first.`);
    }
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    throw new RestoreError(`${backupFile} cannot be read: ${(error as Error).message}`);
  } finally {
    backup.close();
  }

  fs.mkdirSync(dataDir, { recursive: true });
  const target = path.join(dataDir, DATABASE_FILE);
  let movedAside: string | undefined;
  if (fs.existsSync(target)) {
    movedAside = `${target}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(target, movedAside);
    // The WAL and shared-memory files belong to the database moved aside.
    for (const suffix of ['-wal', '-shm']) {
      if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, movedAside + suffix);
    }
  }
  fs.copyFileSync(backupFile, target);
  return { movedAside };
}
