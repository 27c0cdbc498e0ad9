import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../../shared/api/threads.ts';
import { anchors } from '../helpers/threadAnchors.ts';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { type CollabClient, connectClient } from '../helpers/collabClient.ts';
import { type EventStream, openEventStream } from '../helpers/eventStream.ts';
import { expectJson, joinWith } from '../helpers/responses.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from '../helpers/testServer.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { startPostgres, type TestPostgres } from '../support/postgres.ts';
import { startRedis, type TestRedis } from '../support/redis.ts';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const threadEvent = (id: string) => (event: { event: string; data: unknown }) => event.event === 'thread' && (event.data as Thread).id === id;

describe('two Accord processes sharing PostgreSQL and Redis', () => {
  let postgres: TestPostgres;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let documentId: string;
  const streams: EventStream[] = [];
  const clients: CollabClient[] = [];

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    const env = { ACCORD_DATABASE_URL: postgres.createDatabase(), ACCORD_REDIS_URL: redis.url };
    a = await startTestServer({ env });
    b = await startTestServer({ env });
    documentId = await a.createDocument('Shared');
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
    for (const client of clients.splice(0)) client.destroy();
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await Promise.all([redis?.stop(), postgres?.stop()]);
  });

  const openOn = async (server: TestServer, headers: Record<string, string>) => {
    const stream = await openEventStream(`${server.url}/api/documents/${documentId}/events`, headers);
    streams.push(stream);
    await stream.next((e) => e.event === 'threads', 'snapshot');
    return stream;
  };
  const connectOn = async (server: TestServer, token: string) => {
    const client = await connectClient(server.wsUrl, documentId, token);
    clients.push(client);
    return client;
  };
  const thread = async (token: string, body: string, visibility: string) =>
    expectJson<Thread>(
      await a.api('POST', `/api/documents/${documentId}/threads`, { ...anchors(), quote: 'words', visibility, body }, token),
      201,
    );

  it('delivers threads and comments made on A to streams on B within a second, filtered per recipient there', async () => {
    const spain = await joinWith(a, (await a.invite(documentId, 'delegate', 'Spain')).token, 'Ana');
    const spainToo = await joinWith(a, (await a.invite(documentId, 'delegate', 'Spain')).token, 'Blas');
    const france = (await a.invite(documentId, 'delegate', 'France')).token;
    const atB = { spain: await openOn(b, { cookie: `accord_session=${spainToo}` }), france: await openOn(b, bearer(france)) };

    const internal = await thread(spain, 'Between us', 'delegation');
    await atB.spain.next(threadEvent(internal.id), 'delegation thread at Spain on B');
    const open = await thread(spain, 'For everyone', 'everyone');
    const reply = await expectJson<Thread>(await a.api('POST', `/api/threads/${open.id}/comments`, { body: 'A reply' }, france), 201);
    const replied = (e: { event: string; data: unknown }) => threadEvent(open.id)(e) && (e.data as Thread).comments.length === 2;
    for (const stream of [atB.spain, atB.france]) await stream.next(replied, 'the comment on B');
    expect((atB.france.events.find(replied)!.data as Thread).comments.map((c) => c.id)).toEqual(reply.comments.map((c) => c.id));
    // France's stream got the later thread and comment, in order: the delegation's thread would have come before.
    expect(JSON.stringify(atB.france.events)).not.toContain(internal.id);
  });

  it('closes a revoked invite’s sockets and ends its stream on B within a second', async () => {
    const invite = await a.invite(documentId, 'delegate', 'Italy');
    const client = await connectOn(b, invite.token);
    const stream = await openOn(b, bearer(invite.token));
    const revokedAt = Date.now();
    expect((await a.api('DELETE', `/api/documents/${documentId}/invites/${invite.id}`)).status).toBe(200);
    await waitFor(() => client.closes.includes(CloseCode.inviteRevoked), 'socket on B closed as revoked', 1000);
    await stream.ended;
    expect(Date.now() - revokedAt).toBeLessThan(1000);
    expect(stream.events.filter((e) => e.event === 'thread')).toEqual([]);
  });

  it('makes an editor on B read-only when A freezes the document, and writable again when A unfreezes it', async () => {
    const delegate = (await a.invite(documentId, 'delegate', 'Spain')).token;
    const writer = await connectOn(b, delegate);
    writer.write('Before the freeze');
    const reader = await connectOn(b, ORGANISER_TOKEN);
    await waitFor(() => reader.text().includes('Before the freeze'), 'relay on B');

    expect((await a.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true })).status).toBe(200);
    await waitFor(() => writer.closes.includes(CloseCode.accessChanged), 'editor on B told to re-read its access', 1000);
    await waitFor(() => writer.provider.synced && writer.provider.wsconnected, 'editor on B back');
    writer.write('During the freeze');
    // A write the server takes reaches the other editor at once; give it well over that.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(reader.text()).not.toContain('During the freeze');

    const closes = writer.closes.length;
    expect((await a.api('POST', `/api/documents/${documentId}/freeze`, { frozen: false })).status).toBe(200);
    await waitFor(() => writer.closes.length > closes, 'editor on B told again', 1000);
    // On reconnection the editor sends what was refused, and it is taken now.
    await waitFor(() => reader.text().includes('During the freeze'), 'writes accepted again on B');
  });

  it('sends the language counts to streams on B, and closes B’s sockets of a language version A removes', async () => {
    const watcher = await openOn(b, bearer(ORGANISER_TOKEN));
    expect((await a.api('POST', `/api/documents/${documentId}/languages`, { language: 'fr' })).status).toBe(201);
    const withFrench = (e: { event: string; data: unknown }) =>
      e.event === 'languages-changed' && (e.data as { versions: { language: string }[] }).versions.some((v) => v.language === 'fr');
    await watcher.next(withFrench, 'the counts with French on B', 2000);
    const client = await connectClient(b.wsUrl, `${documentId}/languages/fr`, ORGANISER_TOKEN);
    clients.push(client);
    expect((await a.api('DELETE', `/api/documents/${documentId}/languages/fr`)).status).toBe(204);
    await waitFor(() => client.closes.includes(CloseCode.accessChanged), 'the French room on B closed', 1000);
  });

  it('counts the bus per process and says when Redis is down without calling the process unhealthy', async () => {
    const figure = async (server: TestServer, name: string) =>
      Number(new RegExp(`^${name} (\\d+)`, 'm').exec(await (await fetch(`${server.url}/metrics`)).text())?.[1]);
    expect(await figure(a, 'accord_redis_published_total')).toBeGreaterThan(0);
    expect(await figure(b, 'accord_redis_received_total')).toBeGreaterThan(0);
    expect(await figure(b, 'accord_redis_up')).toBe(1);
    const reconnects = await figure(b, 'accord_redis_reconnects_total');
    await redis.restart(async () => {
      await waitFor(async () => (await figure(b, 'accord_redis_up')) === 0, 'the bus down on B');
      const health = await fetch(`${b.url}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', dependencies: { database: 'up', redis: 'down' } });
    });
    await waitFor(async () => (await figure(b, 'accord_redis_up')) === 1, 'the bus back on B');
    expect(await figure(b, 'accord_redis_reconnects_total')).toBe(reconnects + 1);
  });
});
