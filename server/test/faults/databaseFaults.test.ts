import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { DATABASE_FILE } from '../../src/storage/database.ts';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { spawnServer } from '../helpers/serverProcess.ts';
import { onPostgres, type TestServer, startTestServer, tempDataDir } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

const clients: CollabClient[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Every paragraph stored for the document, read straight from the database file. */
function storedParagraphs(dataDir: string, documentId: string): Set<string> {
  const db = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
  try {
    const state = db.prepare('SELECT state FROM document_states WHERE document_id = ?').get(documentId) as { state: Buffer } | undefined;
    const updates = db.prepare('SELECT data FROM document_updates WHERE document_id = ? ORDER BY seq').all(documentId) as { data: Buffer }[];
    const doc = new Y.Doc();
    for (const update of [...(state ? [state.state] : []), ...updates.map((row) => row.data)]) Y.applyUpdate(doc, update);
    return new Set(doc.getXmlFragment('default').toArray().map((node) => (node as Y.XmlElement).toArray().map(String).join('')));
  } finally {
    db.close();
  }
}

const isRoot = process.getuid?.() === 0;

// The disk under SQLite's file; PostgreSQL's unavailability has its own tests.
describe.skipIf(onPostgres)('database faults', () => {
  // Mounting a tiny filesystem needs root, which CI has (.ci/run runs as root).
  it.runIf(isRoot)('relays nothing it could not store when the disk is full, and resumes when space returns', async () => {
    const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-tinyfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mountPoint]);
    cleanups.push(() => {
      execFileSync('umount', ['-l', mountPoint]);
    });
    const dataDir = path.join(mountPoint, 'data');
    const server: TestServer = await startTestServer({ dataDir, env: { ACCORD_COMPACT_AFTER_UPDATES: '100000' } });
    cleanups.push(() => server.close());
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connectClient(server.wsUrl, documentId, token);
    const reader = await connectClient(server.wsUrl, documentId, token);
    clients.push(writer, reader);

    // Leave a little room, then write until the database cannot grow.
    const filler = path.join(mountPoint, 'filler');
    const free = fs.statfsSync(mountPoint);
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free.bavail * free.bsize - 400 * 1024)));
    for (let i = 0; i < 60 && !writer.closes.includes(CloseCode.storageFailure); i++) {
      writer.write(`paragraph ${i} ${'x'.repeat(20_000)}`);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    await waitFor(() => writer.closes.includes(CloseCode.storageFailure), 'the writer is told storing failed');

    const received = reader.text().split('\n').filter(Boolean);
    const stored = storedParagraphs(dataDir, documentId);
    expect(received.filter((paragraph) => !stored.has(paragraph))).toEqual([]);

    fs.rmSync(filler);
    const expected = writer.text();
    const fresh = await connectClient(server.wsUrl, documentId, token);
    clients.push(fresh);
    await waitFor(() => fresh.text() === expected, 'everything written once space returns', 10_000);
    const check = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  });

  it('refuses to start with a clear message while another process locks the database, then starts once it is released', async () => {
    const dataDir = tempDataDir();
    const first = await spawnServer(dataDir);
    const documentId = await first.createDocument('Locked');
    await first.close();

    const locker = new Database(path.join(dataDir, DATABASE_FILE));
    locker.exec('BEGIN EXCLUSIVE');
    await expect(spawnServer(dataDir)).rejects.toThrow(/locked by another process/);
    locker.exec('ROLLBACK');
    locker.close();

    const second = await spawnServer(dataDir);
    cleanups.push(() => second.close());
    expect((await second.api('GET', `/api/documents/${documentId}`)).status).toBe(200);
  });
});
