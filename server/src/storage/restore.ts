import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from './database.ts';
import { latestSchemaVersion } from './migrate.ts';

export class RestoreError extends Error {}

/**
 * Puts a backup in place as the data directory's database. The backup is checked first (a sound SQLite file, an
 * Accord schema no newer than this version knows); any current database is moved aside, never deleted. Accord must
 * be stopped: while any process has the current database open, the restore is refused and nothing is changed. Accord
 * migrates the restored file on its next start if the backup came from an older version.
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
  const current = fs.existsSync(target) ? takeSoleAccess(target) : undefined;
  try {
    // Copied whole under another name first, so the data directory never holds half a database under the real one.
    const incoming = `${target}.restoring`;
    fs.copyFileSync(backupFile, incoming);
    syncFile(incoming);
    let movedAside: string | undefined;
    if (current) {
      movedAside = `${target}.before-restore-${at.toISOString().replace(/[:.]/g, '-')}`;
      fs.renameSync(target, movedAside);
      // Files beside the database belong to the one moved aside; a WAL left beside the restored file would be read into it.
      for (const suffix of ['-wal', '-shm']) {
        if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, movedAside + suffix);
      }
    }
    fs.renameSync(incoming, target);
    return { movedAside };
  } finally {
    current?.close();
  }
}

/**
 * Opens the current database for this process alone, or refuses when any other process has it open. A running Accord
 * holds a shared lock on its database for as long as it runs (SQLite keeps one on a WAL database while a connection is
 * open) and the operating system drops it when the process ends, however it ends: a crashed server blocks nothing.
 * Holding the exclusive lock until the file is moved aside also keeps a server from opening it meanwhile. The WAL is
 * folded into the file, so the database moved aside is complete on its own.
 */
function takeSoleAccess(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new RestoreError(
        `${file} is in use: Accord (or another program) has it open. Stop Accord, then run the restore again. ` +
          'Nothing was changed.',
      );
    }
    throw new RestoreError(`${file} cannot be locked for the restore: ${(error as Error).message}. Nothing was changed.`);
  }
  try {
    db.pragma('journal_mode = DELETE');
  } catch {
    // A damaged file (one reason to restore) may not take it; its WAL, if any, is moved aside beside it.
  }
  return db;
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
