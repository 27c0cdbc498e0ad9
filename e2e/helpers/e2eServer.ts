import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/src/config.ts';
import { type RunningServer, startServer } from '../../server/src/server.ts';
import { engineEnv, testEnv } from '../../server/test/helpers/testServer.ts';

export const ORGANISER_TOKEN = 'organiser-token-for-e2e-0123456789';

export interface E2eServer extends RunningServer {
  /** Calls the REST API as the organiser (bearer token). */
  api<T>(method: string, route: string, body?: unknown): Promise<T>;
  createDocument(title: string): Promise<string>;
  /** Creates an invite; returns its id and the link a person would open. */
  invite(documentId: string, role: string, delegation: string): Promise<{ id: string; url: string }>;
  revoke(documentId: string, inviteId: string): Promise<void>;
}

/**
 * The real Accord server in this process, on a free port, with a fresh data directory (or, with
 * ACCORD_TEST_ENGINE=postgres, a fresh PostgreSQL database) and no demo, serving the
 * built client from dist/client (run `vite build` first: `npm test` does). `env` overrides its settings, e.g.
 * `{ ACCORD_LAN: 'true', HOST: '0.0.0.0' }` for LAN mode.
 */
export async function startE2eServer(env: Record<string, string> = {}): Promise<E2eServer> {
  if (!fs.existsSync(path.resolve('dist/client/index.html'))) throw new Error('Build the client first: npx vite build');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-e2e-'));
  // Browsers see rooms unloaded as in production (the server tests' short grace exists to test unloading).
  const config = loadConfig(
    testEnv(dataDir, { ACCORD_ORGANISER_TOKEN: ORGANISER_TOKEN, ACCORD_UNLOAD_GRACE_MS: '10000', ...(await engineEnv(dataDir)), ...env }),
  );
  const server = await startServer(config, pino({ level: 'silent' }));
  const stop = server.close;

  const api = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers: { authorization: `Bearer ${ORGANISER_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  return Object.assign(server, {
    api,
    close: async () => {
      await stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
    createDocument: async (title: string) => (await api<{ id: string }>('POST', '/api/documents', { title })).id,
    invite: (documentId: string, role: string, delegation: string) =>
      api<{ id: string; url: string }>('POST', `/api/documents/${documentId}/invites`, { role, delegation }),
    revoke: async (documentId: string, inviteId: string) => {
      await api('DELETE', `/api/documents/${documentId}/invites/${inviteId}`);
    },
  });
}
