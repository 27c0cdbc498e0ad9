import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { DATABASE_FILE } from '../src/storage/database.ts';
import { latestSchemaVersion } from '../src/storage/migrate.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { onPostgres, type TestServer, startTestServer, tempDataDir, testEnv } from './helpers/testServer.ts';
import { storedRows, withStoredDatabase } from './helpers/storedRows.ts';
import { waitFor } from './helpers/waitFor.ts';

const clients: CollabClient[] = [];
const servers: TestServer[] = [];

const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
};

const connect = async (server: TestServer, documentId: string, token: string) => {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
};

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
});

const rowCounts = (dataDir: string, documentId: string) => {
  const [updates] = storedRows<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM document_updates WHERE document_id = ?', documentId);
  const [states] = storedRows<{ n: number }>(dataDir, 'SELECT COUNT(*) AS n FROM document_states WHERE document_id = ?', documentId);
  return { updates: updates!.n, states: states!.n };
};

/** The editor text of a document's compacted state row, as XML. */
const compactedText = (dataDir: string, documentId: string): string => {
  const [row] = storedRows<{ state: Buffer }>(dataDir, 'SELECT state FROM document_states WHERE document_id = ?', documentId);
  const doc = new Y.Doc();
  if (row) Y.applyUpdate(doc, row.state);
  return doc.getXmlFragment('default').toString();
};

describe('persistence', () => {
  it('serves everything after a restart, in the first sync', async () => {
    const first = await start();
    const documentId = await first.createDocument();
    const { token } = await first.invite(documentId, 'delegate');
    const writer = await connect(first, documentId, token);
    for (let i = 0; i < 50; i++) writer.write(`Paragraph ${i}`);
    const reader = await connect(first, documentId, token);
    await waitFor(() => reader.text() === writer.text(), 'relay');
    const expected = writer.text();
    writer.destroy();
    reader.destroy();
    await first.close();

    const second = await start({ dataDir: first.dataDir });
    const fresh = await connect(second, documentId, token);
    expect(fresh.text()).toBe(expected);
  });

  it('compacts into one state row with identical content', async () => {
    const server = await start({ env: { ACCORD_COMPACT_AFTER_UPDATES: '10', ACCORD_UNLOAD_GRACE_MS: '50' } });
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(server, documentId, token);
    for (let i = 0; i < 25; i++) writer.write(`Recommendation text ${i} — التعاون`);
    const reader = await connect(server, documentId, token);
    await waitFor(() => reader.text() === writer.text(), 'relay');
    const expected = writer.text();
    const during = rowCounts(server.dataDir, documentId);
    expect(during.states).toBe(1);
    expect(during.updates).toBeLessThan(10);

    writer.destroy();
    reader.destroy();
    await waitFor(() => rowCounts(server.dataDir, documentId).updates === 0, 'compaction on unload');
    const again = await connect(server, documentId, token);
    expect(again.text()).toBe(expected);
  });

  it('keeps a document loaded while a client reconnects within the grace period, and reloads it after', async () => {
    const server = await start({ env: { ACCORD_UNLOAD_GRACE_MS: '300' } });
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const metric = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/^accord_documents_loaded (\d+)/m.exec(text)?.[1]);
    };
    const first = await connect(server, documentId, token);
    first.write('kept');
    first.destroy();
    const second = await connect(server, documentId, token);
    expect(second.text()).toBe('kept');
    expect(await metric()).toBe(1);
    second.destroy();
    await waitFor(async () => (await metric()) === 0, 'unload after grace');
    const third = await connect(server, documentId, token);
    expect(third.text()).toBe('kept');
  });

  // SQLite's file: PostgreSQL checks its own pages.
  it.skipIf(onPostgres)('refuses to start on a database that fails its integrity check, leaving the file untouched', async () => {
    const dataDir = tempDataDir();
    const first = await start({ dataDir });
    await first.createDocument();
    await first.close();
    servers.length = 0;
    const file = path.join(dataDir, DATABASE_FILE);
    const bytes = fs.readFileSync(file);
    // Overwrite whole pages past the header with garbage, as a failing disk would.
    bytes.fill(0xa5, 4096, 3 * 4096);
    fs.writeFileSync(file, bytes);
    const damaged = fs.readFileSync(file);
    await expect(startServer(loadConfig(testEnv(dataDir)), pino({ level: 'silent' }))).rejects.toThrow(/integrity|malformed|not a database/i);
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);
  });

  it('refuses a file that is not a database at all', async () => {
    const dataDir = tempDataDir();
    fs.writeFileSync(path.join(dataDir, DATABASE_FILE), 'this is not sqlite '.repeat(400));
    await expect(startServer(loadConfig(testEnv(dataDir)), pino({ level: 'silent' }))).rejects.toThrow(/Cannot open the database|not a database/);
  });

  it('refuses, untouched, a database migrated by a newer Accord', async () => {
    const dataDir = tempDataDir();
    const file = path.join(dataDir, DATABASE_FILE);
    const newer = new Database(file);
    newer.pragma(`user_version = ${latestSchemaVersion() + 1}`);
    newer.close();
    const before = fs.readFileSync(file);
    await expect(startServer(loadConfig(testEnv(dataDir)), pino({ level: 'silent' }))).rejects.toThrow(/written by a newer Accord/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('never serves, nor stores over, a document whose stored history cannot be read', async () => {
    const server = await start();
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connect(server, documentId, token);
    writer.write('precious');
    writer.destroy();
    await waitFor(() => compactedText(server.dataDir, documentId).includes('precious'), 'compacted');

    withStoredDatabase(server.dataDir, (db) =>
      db.prepare('INSERT INTO document_updates (document_id, seq, data) VALUES (?, 1, ?)').run(documentId, Buffer.from([1, 200, 200, 200, 7])),
    );

    const victim = await connectClient(server.wsUrl, documentId, token, { waitForSync: false });
    clients.push(victim);
    await waitFor(() => victim.closes.length > 0, 'refusal');
    expect(victim.closes[0]).toBe(4500);
    victim.write('would overwrite');
    expect(compactedText(server.dataDir, documentId)).toContain('precious');
  });
});
