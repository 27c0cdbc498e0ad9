import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';
import { DATABASE_FILE } from '../../src/storage/database.ts';
import { type CollabClient, connectClient, upgradeStatus } from '../helpers/collabClient.ts';
import { spawnServer } from '../helpers/serverProcess.ts';
import { onPostgres, type TestServer, startTestServer, tempDataDir, testEnv, withApi } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const clients: CollabClient[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Runs `npm run backup|restore` as the operator would: its own process, configured by the environment. */
function command(name: 'backup' | 'restore', dataDir: string, file: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `server/src/commands/${name}.ts`, file], {
    cwd: ROOT,
    env: { ...process.env, ...testEnv(dataDir) },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Names, inodes, sizes and modification times of everything in the data directory. */
function listing(dataDir: string): string[] {
  return fs
    .readdirSync(dataDir)
    .sort()
    .map((name) => {
      const stat = fs.statSync(path.join(dataDir, name));
      return `${name} ${stat.ino} ${stat.isFile() ? `${stat.size} ${stat.mtimeMs}` : 'dir'}`;
    });
}

async function connect(url: string, documentId: string, token: string): Promise<CollabClient> {
  const client = await connectClient(url, documentId, token);
  clients.push(client);
  return client;
}

/**
 * A new document with a writer and a reader, "BEFORE" written and acknowledged, then backed up by `npm run backup`
 * into a file of its own.
 */
async function backedUpDocument(server: Pick<TestServer, 'wsUrl' | 'createDocument' | 'invite'>, dataDir: string) {
  const documentId = await server.createDocument();
  const { token } = await server.invite(documentId, 'delegate');
  const writer = await connect(server.wsUrl, documentId, token);
  const reader = await connect(server.wsUrl, documentId, token);
  writer.write('BEFORE');
  await waitFor(() => reader.text() === 'BEFORE', 'BEFORE acknowledged');
  const backup = path.join(tempDataDir(), 'b.sqlite');
  expect(command('backup', dataDir, backup).status).toBe(0);
  return { documentId, token, writer, reader, backup };
}

// SQLite's file replaced under a running server; PostgreSQL has no file to replace.
describe.skipIf(onPostgres)('replacing the database under Accord', () => {
  it('refuses `npm run restore` while Accord runs, touching nothing, and loses no acknowledged edit', async () => {
    const dataDir = tempDataDir();
    let server = await startTestServer({ dataDir });
    cleanups.push(() => server.close());
    const { documentId, token, writer, reader, backup } = await backedUpDocument(server, dataDir);
    writer.write('AFTER-BACKUP');
    await waitFor(() => reader.text() === 'BEFORE\nAFTER-BACKUP', 'AFTER-BACKUP acknowledged');

    // Quiet now: nothing the server does on its own may change the directory while the restore runs.
    const before = listing(dataDir);
    const restore = command('restore', dataDir, backup);
    expect(restore.status).not.toBe(0);
    expect(restore.output).toMatch(/in use.*Stop Accord.*Nothing was changed/s);
    expect(listing(dataDir)).toEqual(before);

    writer.write('AFTER-RESTORE-ATTEMPT');
    await waitFor(() => reader.text().endsWith('AFTER-RESTORE-ATTEMPT'), 'still serving');
    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    server = await startTestServer({ dataDir });
    const check = await connect(server.wsUrl, documentId, token);
    expect(check.text()).toBe('BEFORE\nAFTER-BACKUP\nAFTER-RESTORE-ATTEMPT');
  });

  it('lets a restore run after a server was killed, keeping its last edits in the file moved aside', async () => {
    const dataDir = tempDataDir();
    const crashed = await spawnServer(dataDir);
    cleanups.push(() => crashed.close());
    const { documentId, token, writer, reader, backup } = await backedUpDocument(crashed, dataDir);
    writer.write('AFTER-BACKUP');
    await waitFor(() => reader.text() === 'BEFORE\nAFTER-BACKUP', 'AFTER-BACKUP acknowledged');
    for (const client of clients.splice(0)) client.destroy();
    crashed.child.kill('SIGKILL');
    await crashed.exited;

    const restore = command('restore', dataDir, backup);
    expect(restore.output).toMatch(/Restored/);
    expect(restore.status).toBe(0);
    const movedAside = /kept as (\S+)/.exec(restore.output)![1]!;

    const restored = await startTestServer({ dataDir });
    cleanups.push(() => restored.close());
    expect((await connect(restored.wsUrl, documentId, token)).text()).toBe('BEFORE');
    // The crashed server's WAL was folded into the file moved aside: its edits are there, complete on their own.
    const asideDir = tempDataDir();
    fs.copyFileSync(movedAside, path.join(asideDir, DATABASE_FILE));
    const aside = await startTestServer({ dataDir: asideDir });
    cleanups.push(() => aside.close());
    expect((await connect(aside.wsUrl, documentId, token)).text()).toBe('BEFORE\nAFTER-BACKUP');
  });

  it('stops accepting edits, with 4500, 503 and a log line, once its database file is moved away and replaced', async () => {
    const dataDir = tempDataDir();
    const log: string[] = [];
    const running = await startServer(loadConfig(testEnv(dataDir)), pino({ level: 'error' }, { write: (line: string) => log.push(line) }));
    const server = withApi(running, dataDir);
    cleanups.push(() => server.close());
    const { documentId, token, writer, reader, backup } = await backedUpDocument(server, dataDir);
    // The backup command blocked this process (and the server in it) for a while: let the overdue periodic check run
    // now, so that the edit below reaches the server well before the next one.
    writer.write('SETTLED');
    await waitFor(() => reader.text() === 'BEFORE\nSETTLED', 'SETTLED acknowledged');

    // What `npm run restore` used to do under a running server: move the files aside, copy the backup in.
    const file = path.join(dataDir, DATABASE_FILE);
    for (const suffix of ['', '-wal', '-shm']) {
      if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, `${file}.aside${suffix}`);
    }
    fs.copyFileSync(backup, file);
    // Written at once: the group commit, not the timer, must notice that it would store it where nobody reads.
    writer.write('AFTER-REPLACE');

    await waitFor(() => writer.closes.includes(CloseCode.storageFailure), 'the writer is told', 5000);
    await waitFor(() => reader.closes.includes(CloseCode.storageFailure), 'every socket is closed', 5000);
    expect(reader.text()).toBe('BEFORE\nSETTLED');
    expect(log.join('')).toMatch(/database file was replaced or removed/);
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=${token}`)).toBe(503);
    const create = await server.api('POST', '/api/documents', { title: 'Lost' });
    expect(create.status).toBe(503);
    expect(((await create.json()) as { error: { code: string } }).error.code).toBe('unavailable');
    expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
  });

  it('notices a removed database file on its own, without any edit', async () => {
    const dataDir = tempDataDir();
    const server = await startTestServer({ dataDir });
    cleanups.push(() => server.close());
    const documentId = await server.createDocument();
    const { token } = await server.invite(documentId, 'delegate');
    const reader = await connect(server.wsUrl, documentId, token);
    fs.rmSync(path.join(dataDir, DATABASE_FILE));
    await waitFor(() => reader.closes.includes(CloseCode.storageFailure), 'closed by the periodic check', 5000);
    expect(await upgradeStatus(`${server.wsUrl}/${documentId}?token=${token}`)).toBe(503);
  });
});
