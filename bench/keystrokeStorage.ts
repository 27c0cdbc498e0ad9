/**
 * What storing one keystroke costs, in process: the real database (openDatabase, migrations, synchronous=FULL) in a
 * data directory on the benchmark's disk, and the path the relay's group commit takes for a turn holding one change —
 * `appendManyUnsynced` (the commit) then `syncNow` (the WAL flush that must end before anything is relayed). Real
 * keystroke updates, typed into a Tiptap paragraph of a Y.Doc. Twice: with the WAL preallocated as the server does at
 * start, and with a WAL that grows with every commit (the server's first ~1,000 pages of changes before this was done).
 * Figures: wall time of the commit and of the flush (p50/p99), CPU (user+system, this process) and WAL bytes per
 * keystroke. Options: --keystrokes=2000.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { DATABASE_FILE, openDatabase } from '../server/src/storage/database.ts';
import { preallocateWal } from '../server/src/storage/walPreallocation.ts';
import { sqliteUpdates } from '../server/src/storage/openStorage.ts';
import { SqliteDatabase } from '../server/src/storage/sql/sqliteDatabase.ts';
import type { BenchOptions } from './lib/benchOptions.ts';
import { summarizeLatencies } from './lib/percentiles.ts';
import { fixed, formatTable } from './lib/table.ts';

const FRAMES_COUNTED_OVER = 200;

export interface KeystrokeStorageOptions {
  keystrokes: number;
}

export function keystrokeStorageOptions(options: BenchOptions, quick: boolean): KeystrokeStorageOptions {
  return { keystrokes: Math.max(FRAMES_COUNTED_OVER, options.positiveInteger('keystrokes', quick ? 500 : 2000)) };
}

/** One update per character, as a delegate's editor sends them. */
function keystrokeUpdates(count: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  const text = new Y.XmlText();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [text]);
  doc.getXmlFragment('default').push([paragraph]);
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) text.insert(text.length, 'Les délégations recommandent '[i % 29]!);
  return updates;
}

function measure(preallocated: boolean, updates: readonly Uint8Array[]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-store-'));
  const db = openDatabase(dataDir, { synchronous: 'FULL' });
  try {
    if (preallocated && preallocateWal(db).bytes === 0) throw new Error('the WAL could not be preallocated');
    db.prepare("INSERT INTO documents (id, title, created_at) VALUES ('bench', 'Bench', '2026-11-29T00:00:00.000Z')").run();
    const repository = sqliteUpdates(new SqliteDatabase(db));
    const walFile = path.join(dataDir, `${DATABASE_FILE}-wal`);
    const walBefore = fs.statSync(walFile).size;
    let walGrowth = Number.NaN;
    const commitMs: number[] = [];
    const flushMs: number[] = [];
    const cpuBefore = process.cpuUsage();
    for (const update of updates) {
      const started = performance.now();
      repository.appendManyUnsynced([{ documentId: 'bench', update }]);
      const committed = performance.now();
      repository.syncNow();
      flushMs.push(performance.now() - committed);
      commitMs.push(committed - started);
      // Counted before the first checkpoint (1,000 pages), after which SQLite writes the WAL from its start again.
      if (commitMs.length === FRAMES_COUNTED_OVER) walGrowth = fs.statSync(walFile).size - walBefore;
    }
    const cpu = process.cpuUsage(cpuBefore);
    repository.close();
    return {
      commit: summarizeLatencies(commitMs),
      flush: summarizeLatencies(flushMs),
      cpuUs: (cpu.user + cpu.system) / updates.length,
      // A preallocated WAL does not grow, so only the growing one shows what each keystroke writes.
      walBytes: preallocated ? Number.NaN : walGrowth / FRAMES_COUNTED_OVER,
    };
  } finally {
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function runKeystrokeStorage({ keystrokes }: KeystrokeStorageOptions): void {
  const updates = keystrokeUpdates(keystrokes);
  console.log(`Keystroke storage: ${keystrokes} single-character updates, each committed and flushed on its own (FULL), in ${os.tmpdir()}.`);
  // Alternating, twice each: the disk's own noise then shows as the spread between rounds.
  const rows: string[][] = [];
  for (let round = 1; round <= 2; round++) {
    for (const preallocated of [true, false]) {
      const figures = measure(preallocated, updates);
      rows.push([
        preallocated ? 'WAL preallocated (as served)' : 'WAL growing',
        String(round),
        fixed(figures.commit.p50 * 1000, 0),
        fixed(figures.commit.p99 * 1000, 0),
        fixed(figures.flush.p50 * 1000, 0),
        fixed(figures.flush.p99 * 1000, 0),
        fixed(figures.cpuUs, 0),
        Number.isNaN(figures.walBytes) ? '-' : fixed(figures.walBytes, 0),
      ]);
    }
  }
  console.log(
    formatTable(['WAL', 'round', 'commit p50 µs', 'commit p99 µs', 'flush p50 µs', 'flush p99 µs', 'CPU µs/keystroke', 'WAL bytes/keystroke'], rows),
  );
}
