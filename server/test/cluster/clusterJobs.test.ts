import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentProcedures } from '../../../shared/api/procedures.ts';
import { AuditLogRepository } from '../../src/storage/auditLogRepository.ts';
import { ProcedureRepository } from '../../src/storage/procedureRepository.ts';
import { PostgresDatabase } from '../../src/storage/sql/postgresDatabase.ts';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { spawnServer } from '../helpers/serverProcess.ts';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';
import { type TestServer, startTestServer, tempDataDir } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';

// Two Accord processes on one PostgreSQL database (issue 20): each job happens once, and a dead process's is taken over.

let postgres: TestPostgres;
let smtp: TestSmtp;
const servers: { close(): Promise<void> }[] = [];
const clients: CollabClient[] = [];

beforeAll(async () => {
  postgres = await startPostgres();
  smtp = await startSmtp();
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const reader of readers.values()) reader.close();
  readers.clear();
});

afterAll(async () => {
  await smtp?.close();
  await postgres?.stop();
});

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const count = (subject: string) => smtp.subjects().filter((entry) => entry === subject).length;

/** Each process looks at the stored procedures every 100 ms, and e-mails the test's SMTP server. */
const clusterEnv = (url: string, env: Record<string, string> = {}) => ({
  ACCORD_DATABASE_URL: url,
  ACCORD_JOB_RESCAN_MS: '100',
  ACCORD_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
  ...env,
});

async function twoServers(env: Record<string, string> = {}): Promise<[TestServer, TestServer, string]> {
  const url = postgres.createDatabase();
  const first = await startTestServer({ env: clusterEnv(url, env) });
  servers.push(first);
  const second = await startTestServer({ env: clusterEnv(url, env) });
  servers.push(second);
  return [first, second, url];
}

/**
 * The test's own connection to each database it reads, kept for the test: opening and closing a libpq connection
 * at every poll of waitFor once aborted the test process in libuv (uv__finish_close), one run in five.
 */
const readers = new Map<string, PostgresDatabase>();

function rows<R>(url: string, sql: string, ...params: string[]): R[] {
  let db = readers.get(url);
  if (!db) readers.set(url, (db = new PostgresDatabase(url)));
  return db.prepare<string[], R>(sql).all(...params);
}

const auditCount = (url: string, action: string, subject: string) =>
  rows<{ n: number }>(url, 'SELECT COUNT(*) AS n FROM audit_log WHERE action = ? AND subject = ?', action, subject)[0]!.n;

const proceduresOf = async (server: TestServer, id: string) =>
  (await (await server.api('GET', `/api/documents/${id}/procedures`)).json()) as DocumentProcedures;

const connect = async (server: TestServer, id: string, role = 'delegate') => {
  const client = await connectClient(server.wsUrl, id, (await server.invite(id, role, 'Spain')).token);
  clients.push(client);
  return client;
};

describe('procedures on two processes', () => {
  it('adopts a silence procedure once and sends each notice once', async () => {
    const [first, second, url] = await twoServers();
    const id = await first.createDocument('Joint statement');
    const notify = ['chair@venue.example'];
    // Both processes find the 24-hour notices due at once: the deadline's on the next rescan of each.
    expect((await second.api('PUT', `/api/documents/${id}/deadline`, { at: inMs(3 * 60 * 60_000), timeZone: 'UTC', notify })).status).toBe(200);
    expect((await first.api('POST', `/api/documents/${id}/silence`, { at: inMs(1500), timeZone: 'UTC', notify })).status).toBe(201);
    const silenceId = (await proceduresOf(first, id)).silence!.id;

    await waitFor(() => count('Adopted under silence procedure: Joint statement') > 0, 'adoption notice', 8000);
    expect((await proceduresOf(second, id)).silence?.status).toBe('adopted');
    // Several rescans of both processes later, still one of each.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(count('Adopted under silence procedure: Joint statement')).toBe(1);
    expect(count('Silence procedure ends in 24 hours: Joint statement')).toBe(1);
    expect(count('Deadline in 24 hours: Joint statement')).toBe(1);
    expect(auditCount(url, 'silence.adopted', silenceId)).toBe(1);
  });

  it('lets one of two connections settle and record each notice, whatever order they read in', async () => {
    const [server, , url] = await twoServers();
    const id = await server.createDocument('Race');
    const [one, two] = [new PostgresDatabase(url), new PostgresDatabase(url)];
    try {
      const [a, b] = [one, two].map((db) => new ProcedureRepository(db, new AuditLogRepository(db)));
      const audit = { documentId: id, actorId: 'accord', actorName: 'Accord', action: 'silence.adopted', subject: 'race', at: inMs(0), details: {} };
      a!.insertSilence(
        { id: 'race', documentId: id, versionId: 'v', deadline: inMs(-1), timeZone: 'UTC', notify: [], actorId: 'x', actor: { name: 'X', delegation: 'Y' }, openedAt: inMs(-10) },
        { ...audit, action: 'silence.open' },
      );
      // Both read the open procedure before either writes, as two processes' timers firing together do.
      expect([a!.openSilences(), b!.openSilences()].map((open) => open.map((silence) => silence.id))).toEqual([['race'], ['race']]);
      expect([a!.markSilenceReminded('race', inMs(0)), b!.markSilenceReminded('race', inMs(0))]).toEqual([true, false]);
      const settle = (repository: ProcedureRepository) => repository.settleSilence('race', { status: 'adopted', at: inMs(0) }, audit);
      expect([settle(b!), settle(a!)]).toEqual([true, false]);
      expect(auditCount(url, 'silence.adopted', 'race')).toBe(1);
    } finally {
      one.close();
      two.close();
    }
  });

  it('settles the next deadline on the other process once the one that opened it is killed', async () => {
    const url = postgres.createDatabase();
    const spawn = async () => {
      const child = await spawnServer(tempDataDir(), clusterEnv(url));
      servers.push(child);
      return child;
    };
    const [doomed, survivor] = [await spawn(), await spawn()];
    const id = await doomed.createDocument('Declaration of Lisbon');
    expect((await doomed.api('POST', `/api/documents/${id}/silence`, { at: inMs(2000), timeZone: 'UTC', notify: ['chair@venue.example'] })).status).toBe(201);
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    await waitFor(async () => (await proceduresOf(survivor, id)).silence?.status === 'adopted', 'adoption by the survivor', 8000);
    await waitFor(() => count('Adopted under silence procedure: Declaration of Lisbon') === 1, 'adoption notice');
    const silenceId = (await proceduresOf(survivor, id)).silence!.id;
    expect(auditCount(url, 'silence.adopted', silenceId)).toBe(1);
  });
});

describe('automatic snapshots on two processes', () => {
  const autoSnapshots = (url: string, id: string) =>
    rows<{ created_at: string; state: Buffer }>(url, "SELECT created_at, state FROM versions WHERE document_id = ? AND kind = 'auto' ORDER BY created_at", id);

  it('takes one automatic snapshot per period while both edit the document', async () => {
    const interval = 400;
    const [first, second, url] = await twoServers({ ACCORD_SNAPSHOT_INTERVAL_MS: String(interval), ACCORD_UNLOAD_GRACE_MS: '60000' });
    const id = await first.createDocument('Shared text');
    const writers = [await connect(first, id), await connect(second, id)];
    const typingUntil = Date.now() + 3000;
    for (let i = 0; Date.now() < typingUntil; i++) {
      writers[i % 2]!.write(`line ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const taken = autoSnapshots(url, id).map((row) => Date.parse(row.created_at));
    // Each process alone would take one per period: about twice as many, some a few milliseconds apart.
    expect(taken.length).toBeGreaterThanOrEqual(3);
    expect(taken.length).toBeLessThanOrEqual(Math.ceil(3000 / interval));
    for (let i = 1; i < taken.length; i++) expect(taken[i]! - taken[i - 1]!).toBeGreaterThanOrEqual(interval);
  });

  it('takes one snapshot when the last editors leave both processes at once', async () => {
    const [first, second, url] = await twoServers();
    const id = await first.createDocument('Left together');
    const writers = [await connect(first, id), await connect(second, id)];
    const stored = () => rows(url, 'SELECT 1 FROM document_updates WHERE document_id = ?', id).length;
    const before = stored();
    writers[0]!.write('From the first process');
    writers[1]!.write('From the second process');
    await waitFor(() => stored() >= before + 2, 'both changes stored');
    for (const writer of clients.splice(0)) writer.destroy();
    await waitFor(() => autoSnapshots(url, id).length > 0, 'snapshot on leave');
    // Both processes unloaded the document (grace 100 ms); the second found the same text already kept.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const snapshots = autoSnapshots(url, id);
    expect(snapshots).toHaveLength(1);
    // It holds both processes' words: the text as stored, not one process's copy.
    for (const words of ['From the first process', 'From the second process']) expect(snapshots[0]!.state.includes(Buffer.from(words))).toBe(true);
  });
});
