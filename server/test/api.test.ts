import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { startServer } from '../src/server.ts';
import { connectClient, upgradeStatus } from './helpers/collabClient.ts';
import { ORGANISER_TOKEN, type TestServer, tempDataDir, testEnv, withApi } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let logs = '';
let documentId: string;
let delegateToken: string;

beforeAll(async () => {
  const dataDir = tempDataDir();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  const running = await startServer(loadConfig(testEnv(dataDir)), pino({ level: 'trace' }, sink));
  server = withApi(running, dataDir);
  documentId = await server.createDocument('Recommendations');
  delegateToken = (await server.invite(documentId, 'delegate', 'Spain')).token;
});

afterAll(async () => {
  await server.close();
});

const expectError = async (response: Response, status: number, code: string) => {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
};

describe('REST API', () => {
  it('creates documents for organisers only, validating the body', async () => {
    await expectError(await server.api('POST', '/api/documents', { title: 'x' }, null), 401, 'unauthorized');
    await expectError(await server.api('POST', '/api/documents', { title: 'x' }, 'wrong-token'), 401, 'unauthorized');
    await expectError(await server.api('POST', '/api/documents', { title: 'x' }, delegateToken), 403, 'forbidden');
    await expectError(await server.api('POST', '/api/documents', {}), 400, 'bad_request');
    await expectError(await server.api('POST', '/api/documents', { title: '   ' }), 400, 'bad_request');
    await expectError(await server.api('POST', '/api/documents', { title: 'x'.repeat(201) }), 400, 'bad_request');
    await expectError(await server.api('POST', '/api/documents', { title: 'ok', admin: true }), 400, 'bad_request');
    const created = await server.api('POST', '/api/documents', { title: '  Session 2  ' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ title: 'Session 2', frozen: false, role: 'organiser' });
  });

  it('answers 400 to invalid JSON and 413 to an oversize body', async () => {
    const headers = { authorization: `Bearer ${ORGANISER_TOKEN}`, 'content-type': 'application/json' };
    await expectError(await fetch(`${server.url}/api/documents`, { method: 'POST', headers, body: '{"title":' }), 400, 'bad_request');
    const huge = JSON.stringify({ title: 'x'.repeat(400 * 1024) });
    await expectError(await fetch(`${server.url}/api/documents`, { method: 'POST', headers, body: huge }), 413, 'payload_too_large');
  });

  it('lists to each caller only the documents they belong to', async () => {
    const all = (await (await server.api('GET', '/api/documents')).json()) as { documents: { id: string }[] };
    expect(all.documents.length).toBeGreaterThanOrEqual(2);
    const mine = (await (await server.api('GET', '/api/documents', undefined, delegateToken)).json()) as {
      documents: { id: string; role: string }[];
    };
    expect(mine.documents).toEqual([expect.objectContaining({ id: documentId, role: 'delegate' })]);
  });

  it('returns 404 for unknown documents and 403 for documents of others', async () => {
    await expectError(await server.api('GET', '/api/documents/nope'), 404, 'not_found');
    const other = await server.createDocument('Other');
    await expectError(await server.api('GET', `/api/documents/${other}`, undefined, delegateToken), 403, 'forbidden');
    expect((await server.api('GET', `/api/documents/${documentId}`, undefined, delegateToken)).status).toBe(200);
  });

  it('creates, lists and revokes invites for organisers only', async () => {
    const route = `/api/documents/${documentId}/invites`;
    await expectError(await server.api('POST', route, { role: 'delegate', delegation: 'France' }, delegateToken), 403, 'forbidden');
    await expectError(await server.api('POST', route, { role: 'king', delegation: 'France' }), 400, 'bad_request');
    await expectError(await server.api('POST', route, { role: 'delegate' }), 400, 'bad_request');
    await expectError(await server.api('POST', '/api/documents/nope/invites', { role: 'delegate', delegation: 'France' }), 404, 'not_found');
    const created = await server.api('POST', route, { role: 'rapporteur', delegation: 'EUROJUST' });
    expect(created.status).toBe(201);
    const invite = (await created.json()) as { id: string; token: string; url: string; color: string };
    expect(invite.token.length).toBeGreaterThanOrEqual(43);
    expect(invite.url).toBe(`${server.url}/join#${invite.token}`);
    expect(invite.color).toMatch(/^#[0-9a-f]{6}$/);

    const list = (await (await server.api('GET', route)).json()) as { invites: Record<string, unknown>[] };
    expect(list.invites.some((row) => row.id === invite.id)).toBe(true);
    expect(list.invites.every((row) => !('token' in row))).toBe(true);
    await expectError(await server.api('GET', route, undefined, delegateToken), 403, 'forbidden');

    await expectError(await server.api('DELETE', `${route}/nope`), 404, 'not_found');
    const revoked = await server.api('DELETE', `${route}/${invite.id}`);
    expect(((await revoked.json()) as { revokedAt: string | null }).revokedAt).not.toBeNull();
    await expectError(await server.api('GET', '/api/me', undefined, invite.token), 401, 'unauthorized');
  });

  it('turns an invite into a named member with a session cookie', async () => {
    const invite = await server.invite(documentId, 'delegate', 'Morocco');
    await expectError(await server.api('POST', '/api/invites/preview', { token: 'unknown' }, null), 404, 'not_found');
    const preview = await server.api('POST', '/api/invites/preview', { token: invite.token }, null);
    expect(await preview.json()).toMatchObject({ documentId, documentTitle: 'Recommendations', role: 'delegate', delegation: 'Morocco' });
    await expectError(await server.api('POST', '/api/join', { token: invite.token }, null), 400, 'bad_request');
    await expectError(await server.api('POST', '/api/join', { token: 'unknown', name: 'Amina' }, null), 404, 'not_found');

    const joined = await server.api('POST', '/api/join', { token: invite.token, name: 'Amina' }, null);
    expect(joined.status).toBe(201);
    const setCookie = joined.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/accord_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = setCookie.split(';')[0]!;
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } });
    expect(await me.json()).toMatchObject({ kind: 'member', name: 'Amina', delegation: 'Morocco', role: 'delegate' });
    const members = (await (await server.api('GET', `/api/documents/${documentId}/members`)).json()) as { members: { name: string }[] };
    expect(members.members.map((member) => member.name)).toContain('Amina');

    await server.api('DELETE', `/api/documents/${documentId}/invites/${invite.id}`);
    await expectError(await server.api('POST', '/api/join', { token: invite.token, name: 'Late' }, null), 403, 'forbidden');
    await expectError(await fetch(`${server.url}/api/me`, { headers: { cookie } }), 401, 'unauthorized');
  });

  it('logs organisers in with their token only', async () => {
    await expectError(await server.api('POST', '/api/session/organiser', { token: 'guess' }, null), 401, 'unauthorized');
    const login = await server.api('POST', '/api/session/organiser', { token: ORGANISER_TOKEN }, null);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()).toMatchObject({ kind: 'organiser' });
    const logout = await fetch(`${server.url}/api/logout`, { method: 'POST', headers: { cookie } });
    expect(logout.status).toBe(204);
    await expectError(await fetch(`${server.url}/api/me`, { headers: { cookie } }), 401, 'unauthorized');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    await expectError(await server.api('GET', '/api/nothing-here'), 404, 'not_found');
  });

  it('reports health and Prometheus metrics', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', dependencies: { database: 'up' } });
    const client = await connectClient(server.wsUrl, documentId, delegateToken);
    client.write('counted');
    const value = (metrics: string, name: string) => Number(new RegExp(`^${name} (\\d+)`, 'm').exec(metrics)?.[1]);
    const scrape = async () => (await fetch(`${server.url}/metrics`)).text();
    await waitFor(async () => value(await scrape(), 'accord_updates_total') >= 1, 'the update counted');
    const first = await scrape();
    for (const name of ['accord_documents_loaded', 'accord_connections', 'accord_updates_total', 'accord_bytes_persisted_total']) {
      expect(value(first, name)).toBeGreaterThanOrEqual(1);
    }
    expect(first).toMatch(/^accord_process_cpu_user_seconds_total /m);
    // Counts keep going between scrapes: one more update, one more stored.
    client.write('counted again');
    await waitFor(async () => value(await scrape(), 'accord_updates_total') > value(first, 'accord_updates_total'), 'the next update counted');
    client.destroy();
  });

  it('never writes a token into the logs', async () => {
    await upgradeStatus(`${server.wsUrl}/${documentId}?token=${delegateToken}`);
    await server.api('GET', `/api/documents?token=${delegateToken}`, undefined, delegateToken);
    await upgradeStatus(`${server.wsUrl}/${documentId}?token=secret-wrong-token-123`);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(delegateToken);
    expect(logs).not.toContain(ORGANISER_TOKEN);
    expect(logs).not.toContain('secret-wrong-token-123');
  });
});
