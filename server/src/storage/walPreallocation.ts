import fs from 'node:fs';
import type { Db } from './database.ts';

/** SQLite's WAL file header, and each frame's header before its page. */
const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
/** A commit can take the WAL past the checkpoint threshold by its own frames; these cover a few pages more. */
const SPARE_FRAMES = 16;
const ZEROS = Buffer.alloc(64 * 1024);

/**
 * Gives the WAL file, at start, the size it reaches before each checkpoint, written with zeros (as PostgreSQL's
 * wal_init_zero does for its segments). Why: SQLite reuses the WAL from its start after a checkpoint, so once it has
 * grown every commit overwrites blocks already on disk, and the fdatasync before relaying flushes those blocks only.
 * While it grows, each fdatasync must also journal the file's new size: on this machine's ext4 that doubles its cost
 * (263 → 123 µs wall, 125 → 64 µs CPU for a 2-page commit), paid by every keystroke for the first ~1,000 pages of
 * changes after each start (docs/performance.md).
 *
 * Safe because SQLite reads a WAL only up to its first invalid frame (zeros never pass the checksum and salts), and
 * because the zeros go in only while this connection holds the write lock and the WAL is empty: no other connection
 * (a backup, `organiser-link`) can have frames in it or write some meanwhile. Skipped, with the reason, when that
 * cannot be had at once (another process reads the WAL or holds the lock) or the disk has no room: nothing is lost,
 * commits then append.
 */
export function preallocateWal(db: Db): WalPreallocation {
  if (db.memory) return { bytes: 0, skipped: 'in-memory database' };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const checkpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  const target = WAL_HEADER_BYTES + (checkpointPages + SPARE_FRAMES) * (FRAME_HEADER_BYTES + pageSize);
  // Skipping costs only speed, so nothing here waits for another process or stops the server from starting.
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 0');
  try {
    const [checkpoint] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (checkpoint?.busy !== 0) return { bytes: 0, skipped: 'another process is reading the WAL' };
    db.exec('BEGIN IMMEDIATE');
    return fillEmptyWal(`${db.name}-wal`, target);
  } catch (error) {
    return { bytes: 0, skipped: (error as Error).message };
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

export interface WalPreallocation {
  bytes: number;
  /** Why nothing was written. */
  skipped?: string;
}

function fillEmptyWal(walFile: string, target: number): WalPreallocation {
  if (!fs.existsSync(walFile) || fs.statSync(walFile).size !== 0) return { bytes: 0, skipped: 'the WAL is not empty' };
  const fd = fs.openSync(walFile, 'r+');
  try {
    for (let offset = 0; offset < target; offset += ZEROS.length) {
      fs.writeSync(fd, ZEROS, 0, Math.min(ZEROS.length, target - offset), offset);
    }
    fs.fdatasyncSync(fd);
    return { bytes: target };
  } catch (error) {
    // A nearly full disk: the space is left to the data (commits then append, as without preallocation).
    fs.ftruncateSync(fd, 0);
    return { bytes: 0, skipped: (error as Error).message };
  } finally {
    fs.closeSync(fd);
  }
}
