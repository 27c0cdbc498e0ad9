import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../src/config.ts';
import { type RunningServer, startServer } from '../../src/server.ts';

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

/** Starts the real server in this process on a free port with a real SQLite file. */
export async function startTestServer(options: { dataDir?: string; env?: Record<string, string> } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDataDir();
  const server = await startServer(loadConfig(testEnv(dataDir, options.env)), pino({ level: 'silent' }));
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
