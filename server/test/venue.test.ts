import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { DATABASE_FILE } from '../src/storage/database.ts';
import { listMigrations, migrate } from '../src/storage/migrate.ts';
import { connectClient, type CollabClient } from './helpers/collabClient.ts';
import { onPostgres, type TestServer, startTestServer, tempDataDir } from './helpers/testServer.ts';
import { expectError } from './helpers/responses.ts';
import { waitFor } from './helpers/waitFor.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const servers: TestServer[] = [];
const clients: CollabClient[] = [];

const start = async (options: Parameters<typeof startTestServer>[0] = {}) => {
  const server = await startTestServer(options);
  servers.push(server);
  return server;
};

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
});

const npmScript = (script: string, args: string[], env: Record<string, string>) =>
  execFileSync(process.execPath, ['--import', 'tsx', `server/src/commands/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

describe('venue operation', () => {
  it('in LAN mode listens on every interface and puts the network address in invite links', async () => {
    const server = await start({ env: { ACCORD_LAN: 'true', HOST: '0.0.0.0' } });
    const info = (await (await server.api('GET', '/api/server-info')).json()) as { publicUrl: string; lan: boolean };
    expect(info.lan).toBe(true);
    expect(info.publicUrl).toBe(server.publicUrl);
    const documentId = await server.createDocument();
    const invite = (await (await server.api('POST', `/api/documents/${documentId}/invites`, { role: 'delegate', delegation: 'Iraq' })).json()) as { url: string };
    expect(invite.url.startsWith(`${server.publicUrl}/join#`)).toBe(true);
    expect((await server.api('GET', '/api/server-info', undefined, (await server.invite(documentId, 'delegate')).token)).status).toBe(403);
  });

  it('offers the backup download on SQLite only; on PostgreSQL says to use pg_dump (409)', async () => {
    const server = await start();
    const info = (await (await server.api('GET', '/api/server-info')).json()) as { backupDownload: boolean };
    expect(info.backupDownload).toBe(!onPostgres);
    if (onPostgres) await expectError(await server.api('GET', '/api/backup'), 409, 'conflict');
    else expect((await server.api('GET', '/api/backup')).status).toBe(200);
  });

  it('serves HTTPS and WSS with a certificate, with Secure cookies', async () => {
    const dir = tempDataDir();
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert, '-days', '1'], { stdio: 'ignore' });
    const ca = fs.readFileSync(cert);
    const server = await start({ env: { ACCORD_TLS_CERT: cert, ACCORD_TLS_KEY: key } });
    expect(server.url.startsWith('https://')).toBe(true);

    const request = (route: string, method = 'GET', body?: unknown) =>
      new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
        const req = https.request(`${server.url}${route}`, { method, ca, headers: { 'content-type': 'application/json', authorization: `Bearer ${'organiser-token-for-tests-0123456789'}` } }, (res) => {
          let text = '';
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
        });
        req.on('error', reject);
        req.end(body === undefined ? undefined : JSON.stringify(body));
      });
    // Headers that browsers honour only on secure origins are sent here, and not over plain http (below).
    const page = await request('/');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['origin-agent-cluster']).toBe('?1');
    const plain = await start();
    const plainPage = await fetch(`${plain.url}/`);
    expect(plainPage.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(plainPage.headers.get('origin-agent-cluster')).toBeNull();
    const created = JSON.parse((await request('/api/documents', 'POST', { title: 'Secure' })).body) as { id: string };
    const invite = JSON.parse((await request(`/api/documents/${created.id}/invites`, 'POST', { role: 'delegate', delegation: 'Jordan' })).body) as { token: string; url: string };
    expect(invite.url.startsWith('https://')).toBe(true);
    const joined = await new Promise<string[]>((resolve, reject) => {
      const req = https.request(`${server.url}/api/join`, { method: 'POST', ca, headers: { 'content-type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.headers['set-cookie'] ?? []);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ token: invite.token, name: 'Layla' }));
    });
    expect(joined.join(';')).toMatch(/Secure/);

    class TrustingWebSocket extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { ca });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace('https', 'wss')}/collab`, created.id, doc, {
      params: { token: invite.token },
      WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    await waitFor(() => provider.synced, 'sync over WSS');
    provider.destroy();
  });

  // SQLite's file: a PostgreSQL database is backed up with pg_dump (checked in its own test).
  it.skipIf(onPostgres)('lets the organiser download a consistent backup of all data', async () => {
    const server = await start();
    const documentId = await server.createDocument('Backed up');
    const delegate = await server.invite(documentId, 'delegate');
    expect((await server.api('GET', '/api/backup', undefined, delegate.token)).status).toBe(403);
    const response = await server.api('GET', '/api/backup');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="?accord-[\w-]+\.sqlite"?$/);
    const file = path.join(tempDataDir(), 'download.sqlite');
    fs.writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT title FROM documents').all()).toEqual([{ title: 'Backed up' }]);
    copy.close();
  });

  // SQLite's file: a PostgreSQL database is backed up with pg_dump (checked in its own test).
  it.skipIf(onPostgres)('takes automatic backups only when data changed, keeping the newest ones', async () => {
    const server = await start({ env: { ACCORD_BACKUP_INTERVAL_MINUTES: '0', ACCORD_BACKUP_KEEP: '2' } });
    expect(await server.backups!.runOnce()).toBeUndefined();
    const documentId = await server.createDocument('One');
    const first = await server.backups!.runOnce();
    expect(first).toBeDefined();
    expect(await server.backups!.runOnce()).toBeUndefined();
    const { token } = await server.invite(documentId, 'delegate');
    const writer = await connectClient(server.wsUrl, documentId, token);
    clients.push(writer);
    for (let round = 0; round < 3; round++) {
      writer.write(`edit ${round}`);
      await waitFor(async () => (await server.backups!.runOnce()) !== undefined, 'a backup after the edit');
    }
    const automatic = fs.readdirSync(path.join(server.dataDir, 'backups')).filter((name) => name.startsWith('auto-'));
    expect(automatic).toHaveLength(2);
    expect(fs.readdirSync(path.join(server.dataDir, 'backups')).every((name) => name.endsWith('.sqlite'))).toBe(true);
  });

  // SQLite's file: a PostgreSQL database is backed up with pg_dump (checked in its own test).
  it.skipIf(onPostgres)('restores a backup into a fresh data dir: same documents to a stock client, same threads over REST', async () => {
    const source = await start();
    const documentId = await source.createDocument('Moved to another laptop');
    const { token } = await source.invite(documentId, 'rapporteur', 'Rapporteurs');
    const writer = await connectClient(source.wsUrl, documentId, token);
    clients.push(writer);
    writer.write('Recommendation text — التعاون القضائي');
    const anchor = Buffer.from(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(writer.doc.getXmlFragment('default'), 0))).toString('base64');
    const thread = await source.api('POST', `/api/documents/${documentId}/threads`, { anchorStart: anchor, anchorEnd: anchor, quote: 'Recommendation', visibility: 'everyone', body: 'Agreed?' }, token);
    expect(thread.status).toBe(201);
    await waitFor(async () => {
      const check = await connectClient(source.wsUrl, documentId, token);
      const text = check.text();
      check.destroy();
      return text.includes('التعاون');
    }, 'stored');
    const backup = path.join(tempDataDir(), 'venue.sqlite');
    npmScript('backup', [backup], { ACCORD_DATA_DIR: source.dataDir, LOG_LEVEL: 'silent' });
    const threadsBefore = await (await source.api('GET', `/api/documents/${documentId}/threads`)).json();

    const target = tempDataDir();
    const output = npmScript('restore', [backup], { ACCORD_DATA_DIR: target });
    expect(output).toContain('Restored');
    const restored = await start({ dataDir: target });
    const reader = await connectClient(restored.wsUrl, documentId, token);
    clients.push(reader);
    expect(reader.text()).toBe(writer.text());
    expect(await (await restored.api('GET', `/api/documents/${documentId}/threads`)).json()).toEqual(threadsBefore);
  });

  it('refuses to restore a file that is not an Accord backup', () => {
    const bogus = path.join(tempDataDir(), 'bogus.sqlite');
    fs.writeFileSync(bogus, 'not a database at all '.repeat(100));
    expect(() => npmScript('restore', [bogus], { ACCORD_DATA_DIR: tempDataDir() })).toThrow(/not a database|not an Accord backup/);
  });

  // SQLite's file: a PostgreSQL database is backed up with pg_dump (checked in its own test).
  it.skipIf(onPostgres)('migrates a database made by the previous schema version without loss', async () => {
    const dataDir = tempDataDir();
    const db = new Database(path.join(dataDir, DATABASE_FILE));
    const migrations = listMigrations();
    migrate(db, migrations.slice(0, migrations.length - 1));
    const previous = db.pragma('user_version', { simple: true }) as number;
    db.prepare("INSERT INTO documents (id, title, created_at) VALUES ('old-doc', 'Old', '2026-01-01T00:00:00.000Z')").run();
    // Two updates, the second depending on the first, each stored as the previous schema stored them.
    const doc = new Y.Doc();
    const appended: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => appended.push(update));
    const text = new Y.XmlText('Written before');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    doc.getXmlFragment('default').push([paragraph]);
    text.insert(text.length, ' the upgrade');
    const insert = db.prepare("INSERT INTO document_updates (document_id, seq, data) VALUES ('old-doc', ?, ?)");
    appended.forEach((update, index) => insert.run(index + 1, update));
    // A member who joined through an invite: migration 006 rebuilds the invites table the members refer to.
    db.prepare("INSERT INTO delegations (document_id, name, color) VALUES ('old-doc', 'Jordan', '#1d4ed8')").run();
    db.prepare(
      "INSERT INTO invites (id, document_id, token_hash, role, delegation, created_at) VALUES ('inv', 'old-doc', 'hash', 'delegate', 'Jordan', '2026-01-01T00:00:00.000Z')",
    ).run();
    db.prepare("INSERT INTO members (id, document_id, invite_id, name, joined_at) VALUES ('m1', 'old-doc', 'inv', 'Rania', '2026-01-01T00:00:00.000Z')").run();
    db.close();

    const server = await start({ dataDir });
    const check = new Database(path.join(dataDir, DATABASE_FILE), { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBeGreaterThan(previous);
    check.close();
    const { token } = await server.invite('old-doc', 'observer', 'Observers');
    const reader = await connectClient(server.wsUrl, 'old-doc', token);
    clients.push(reader);
    expect(reader.text()).toBe('Written before the upgrade');
    const members = (await (await server.api('GET', '/api/documents/old-doc/members')).json()) as { members: { name: string; role: string }[] };
    expect(members.members).toMatchObject([{ name: 'Rania', role: 'delegate', language: null }]);
  });
});
