import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';

export const ORGANISER_TOKEN = 'organiser-token-for-tests-0123456789';

export interface TestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
  /** Calls the REST API; `token` defaults to the organiser's. */
  api(method: string, route: string, body?: unknown, token?: string | null): Promise<Response>;
  /** Creates a document and returns its id. */
  createDocument(title?: string): Promise<string>;
  /** Creates an invite and returns its token. */
  invite(documentId: string, role: string, delegation?: string): Promise<{ id: string; token: string }>;
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'accord-test-'));
}

/** Env for a test server: no demo, silent, quick unloads; override anything. */
export function testEnv(dataDir: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: '0',
    HOST: '127.0.0.1',
    ACCORD_DATA_DIR: dataDir,
    ACCORD_ORGANISER_TOKEN: ORGANISER_TOKEN,
    ACCORD_SEED_DEMO: 'false',
    LOG_LEVEL: 'silent',
    ACCORD_UNLOAD_GRACE_MS: '100',
    ...overrides,
  };
}

/** The engine this run of the suite stores in: ACCORD_TEST_ENGINE=postgres for the PostgreSQL pass, SQLite otherwise. */
export const onPostgres = process.env.ACCORD_TEST_ENGINE === 'postgres';

let postgres: Promise<TestPostgres> | undefined;
/** The PostgreSQL database of each data dir, so that a server restarted on the same data dir finds its data again. */
const databases = new Map<string, string>();

/** The PostgreSQL database a test server on `dataDir` uses, in the suite's PostgreSQL pass. */
export function postgresDatabaseOf(dataDir: string): string | undefined {
  return databases.get(dataDir);
}

/**
 * With ACCORD_TEST_ENGINE=postgres (the suite's PostgreSQL pass), the servers of each data dir get a database of their
 * own on a PostgreSQL server this test file starts; otherwise the data dir's SQLite file.
 */
export async function engineEnv(dataDir: string): Promise<Record<string, string>> {
  if (!onPostgres) return {};
  postgres ??= startPostgres();
  const server = await postgres;
  const url = databases.get(dataDir) ?? server.createDatabase();
  databases.set(dataDir, url);
  return { ACCORD_DATABASE_URL: url };
}

/** Starts the real server in this process on a free port with a real SQLite file (or PostgreSQL database). */
export async function startTestServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const env = { ...(await engineEnv(dataDir)), ...options.env };
  // ACCORD_TEST_LOG=error (or any pino level) shows the servers' logs when a test fails for a reason it cannot see.
  const server = await startServer(loadConfig(testEnv(dataDir, env)), pino({ level: process.env.ACCORD_TEST_LOG ?? 'silent' }));
  return withApi(server, dataDir);
}

/** REST helpers around any running server at `url`. */
export function withApi<T extends { url: string }>(server: T, dataDir: string): T & TestServer {
  const api = (method: string, route: string, body?: unknown, token: string | null = ORGANISER_TOKEN) =>
    fetch(`${server.url}${route}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return Object.assign(server, {
    dataDir,
    wsUrl: `${server.url.replace(/^http/, 'ws')}/collab`,
    api,
    async createDocument(title = 'Test document') {
      const response = await api('POST', '/api/documents', { title });
      if (response.status !== 201) throw new Error(`create document: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    },
    async invite(documentId: string, role: string, delegation = 'Spain') {
      const response = await api('POST', `/api/documents/${documentId}/invites`, { role, delegation });
      if (response.status !== 201) throw new Error(`invite: ${response.status} ${await response.text()}`);
      return (await response.json()) as { id: string; token: string };
    },
  }) as T & TestServer;
}
