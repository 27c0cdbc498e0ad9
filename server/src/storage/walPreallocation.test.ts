import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, type Db, openDatabase } from './database.ts';
import { preallocateWal } from './walPreallocation.ts';

const dirs: string[] = [];
const open: Db[] = [];

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-wal-'));
  dirs.push(dir);
  return dir;
}

function openIn(dir: string): Db {
  const db = openDatabase(dir, { synchronous: 'FULL' });
  open.push(db);
  return db;
}

const walSize = (dir: string) => fs.statSync(path.join(dir, `${DATABASE_FILE}-wal`)).size;

function addDocuments(db: Db, from: number, count: number): void {
  const insert = db.prepare("INSERT INTO documents (id, title, created_at) VALUES (?, ?, '2026-11-29T00:00:00.000Z')");
  for (let i = from; i < from + count; i++) insert.run(`doc-${i}`, `Document ${i}`);
}

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('preallocateWal', () => {
  it('gives the WAL the size it reaches before a checkpoint, so commits overwrite it instead of growing it', () => {
    const dir = dataDir();
    const db = openIn(dir);
    const { bytes } = preallocateWal(db);
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    expect(bytes).toBeGreaterThan(1000 * pageSize);
    expect(walSize(dir)).toBe(bytes);
    addDocuments(db, 0, 200);
    expect(walSize(dir)).toBe(bytes);
  });

  it('leaves a WAL that recovers every commit after a crash (SQLite stops reading at the zeros)', () => {
    const dir = dataDir();
    const db = openIn(dir);
    preallocateWal(db);
    addDocuments(db, 0, 50);
    // What a kill -9 leaves on disk: the database file and the WAL as they are, the commits not checkpointed.
    const crashed = dataDir();
    for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) fs.copyFileSync(path.join(dir, file), path.join(crashed, file));
    const recovered = openIn(crashed);
    expect(recovered.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 50 });
    expect(recovered.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('writes nothing while another connection still reads frames of the WAL, and loses nothing', () => {
    const dir = dataDir();
    const db = openIn(dir);
    addDocuments(db, 0, 20);
    const reader = new Database(path.join(dir, DATABASE_FILE), { readonly: true });
    open.push(reader);
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM documents').get();
    const before = walSize(dir);

    expect(preallocateWal(db)).toEqual({ bytes: 0, skipped: 'another process is reading the WAL' });
    expect(walSize(dir)).toBe(before);
    reader.exec('COMMIT');
    addDocuments(db, 20, 5);
    expect(db.prepare('SELECT count(*) AS n FROM documents').get()).toEqual({ n: 25 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
