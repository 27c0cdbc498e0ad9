import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THREAD_LIMITS, type Thread } from '../../shared/api/threads.ts';
import { anchors } from './helpers/threadAnchors.ts';
import { type EventStream, openEventStream } from './helpers/eventStream.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { auditRows } from './helpers/auditLog.ts';
import { storedRows } from './helpers/storedRows.ts';
import { expectError, expectJson, sessionOf } from './helpers/responses.ts';

let server: TestServer;
let documentId: string;
/** Tokens by person: Spain and France delegations, a French rapporteur, a Spanish observer. */
const tokens = { spain: '', spain2: '', france: '', rapporteur: '', observer: '' };
let memberIds: { spain: string };

const newThread = (body: string, visibility = 'everyone') => ({ ...anchors(), quote: 'words', visibility, body });

/** Opens a thread as `token`'s holder; undefined is the organiser. */
async function createThread(token: string | undefined, body: string, visibility = 'everyone'): Promise<Thread> {
  return expectJson<Thread>(await server.api('POST', `/api/documents/${documentId}/threads`, newThread(body, visibility), token), 201);
}

async function listFor(token: string | undefined): Promise<Thread[]> {
  return (await expectJson<{ threads: Thread[] }>(await server.api('GET', `/api/documents/${documentId}/threads`, undefined, token), 200)).threads;
}

const audit = (subject: string) => auditRows(server.dataDir, subject, ['action', 'actor_id', 'actor_name', 'at', 'details'] as const);

async function join(inviteToken: string, name: string): Promise<{ session: string; memberId: string }> {
  const response = await server.api('POST', '/api/join', { token: inviteToken, name }, null);
  const me = await expectJson<{ memberId: string }>(response, 201);
  return { session: sessionOf(response), memberId: me.memberId };
}

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Recommendations');
  const spain = await join((await server.invite(documentId, 'delegate', 'Spain')).token, 'Ana');
  tokens.spain = spain.session;
  memberIds = { spain: spain.memberId };
  tokens.spain2 = (await join((await server.invite(documentId, 'delegate', 'Spain')).token, 'Blas')).session;
  tokens.france = (await server.invite(documentId, 'delegate', 'France')).token;
  tokens.rapporteur = (await server.invite(documentId, 'rapporteur', 'Rapporteurs')).token;
  tokens.observer = (await server.invite(documentId, 'observer', 'Spain')).token;
});

afterAll(async () => {
  await server.close();
});

describe('creating threads', () => {
  it('opens a thread with its first comment, authored by the caller', async () => {
    const thread = await createThread(tokens.spain, 'Should this say "shall"?');
    expect(thread).toMatchObject({
      documentId,
      author: { id: memberIds.spain, name: 'Ana', delegation: 'Spain' },
      visibility: 'everyone',
      quote: 'words',
      status: 'open',
      resolvedBy: null,
      outcome: null,
      comments: [{ author: { id: memberIds.spain, name: 'Ana' }, body: 'Should this say "shall"?', editedAt: null, deletedAt: null }],
    });
    expect(thread.author.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await listFor(tokens.france)).map((t) => t.id)).toContain(thread.id);
  });

  it('names scripts using an invite token directly after their invite, and the organiser as organiser', async () => {
    const byInvite = await createThread(tokens.france, 'From a script');
    expect(byInvite.author).toMatchObject({ id: expect.stringMatching(/^invite:/), name: 'France', delegation: 'France' });
    const byOrganiser = await createThread(undefined, 'From the chair');
    expect(byOrganiser.author).toMatchObject({ id: 'organiser', name: 'Organiser' });
  });

  it('validates every field', async () => {
    const route = `/api/documents/${documentId}/threads`;
    const bad = [
      {},
      { ...newThread('x'), body: '' },
      { ...newThread('x'), body: '   \n ' },
      { ...newThread('x'), body: 'x'.repeat(THREAD_LIMITS.commentLength + 1) },
      { ...newThread('x'), quote: 'q'.repeat(THREAD_LIMITS.quoteLength + 1) },
      { ...newThread('x'), visibility: 'secret' },
      { ...newThread('x'), anchorStart: 'not an anchor' },
      { ...newThread('x'), anchorEnd: 'AAAA' },
      { ...newThread('x'), mark: 'thread-1' },
    ];
    for (const body of bad) await expectError(await server.api('POST', route, body, tokens.spain), 400, 'bad_request');
    expect((await createThread(tokens.spain, 'x'.repeat(THREAD_LIMITS.commentLength))).comments[0]!.body).toHaveLength(
      THREAD_LIMITS.commentLength,
    );
  });

  it('refuses observers (403), strangers (401), non-members (403) and unknown documents (404)', async () => {
    const route = `/api/documents/${documentId}/threads`;
    await expectError(await server.api('POST', route, newThread('hi'), tokens.observer), 403, 'forbidden');
    await expectError(await server.api('POST', route, newThread('hi'), null), 401, 'unauthorized');
    await expectError(await server.api('GET', route, undefined, null), 401, 'unauthorized');
    const other = await server.createDocument('Other');
    await expectError(await server.api('POST', `/api/documents/${other}/threads`, newThread('hi'), tokens.spain), 403, 'forbidden');
    await expectError(await server.api('GET', `/api/documents/${other}/threads`, undefined, tokens.spain), 403, 'forbidden');
    await expectError(await server.api('POST', '/api/documents/nope/threads', newThread('hi')), 404, 'not_found');
    expect(await listFor(tokens.observer)).not.toHaveLength(0);
  });

  it('stores script and HTML payloads verbatim and returns them as JSON text', async () => {
    const payload = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3)) javascript:alert(4)';
    const thread = await createThread(tokens.spain, payload);
    const fetched = await expectJson<Thread>(await server.api('GET', `/api/threads/${thread.id}`, undefined, tokens.france), 200);
    expect(fetched.comments[0]!.body).toBe(payload);
    expect((await listFor(tokens.france)).find((t) => t.id === thread.id)!.comments[0]!.body).toBe(payload);
  });
});

describe('visibility', () => {
  let internal: Thread;
  let forRapporteurs: Thread;
  let everyone: Thread;

  beforeAll(async () => {
    internal = await createThread(tokens.spain, 'Between us: concede point 3', 'delegation');
    forRapporteurs = await createThread(tokens.spain, 'For the chair only', 'rapporteurs');
    everyone = await createThread(tokens.spain, 'Open to all');
  });

  const idsFor = async (token: string | undefined) => new Set((await listFor(token)).map((t) => t.id));

  it('lists each thread only to those its visibility admits', async () => {
    const spain2 = await idsFor(tokens.spain2);
    const observer = await idsFor(tokens.observer);
    for (const ids of [spain2, observer]) expect([internal.id, forRapporteurs.id, everyone.id].every((id) => ids.has(id))).toBe(true);
    const france = await idsFor(tokens.france);
    expect([france.has(internal.id), france.has(forRapporteurs.id), france.has(everyone.id)]).toEqual([false, false, true]);
    const rapporteur = await idsFor(tokens.rapporteur);
    expect([rapporteur.has(internal.id), rapporteur.has(forRapporteurs.id), rapporteur.has(everyone.id)]).toEqual([false, true, true]);
    const organiser = await idsFor(undefined);
    expect([organiser.has(internal.id), organiser.has(forRapporteurs.id), organiser.has(everyone.id)]).toEqual([false, true, true]);
  });

  it('answers 404 to every direct call on a thread outside one’s visibility', async () => {
    for (const token of [tokens.france, tokens.rapporteur, undefined]) {
      const base = `/api/threads/${internal.id}`;
      const commentId = internal.comments[0]!.id;
      await expectError(await server.api('GET', base, undefined, token), 404, 'not_found');
      await expectError(await server.api('POST', `${base}/comments`, { body: 'peek' }, token), 404, 'not_found');
      await expectError(await server.api('PATCH', `${base}/comments/${commentId}`, { body: 'x' }, token), 404, 'not_found');
      await expectError(await server.api('DELETE', `${base}/comments/${commentId}`, undefined, token), 404, 'not_found');
      await expectError(await server.api('POST', `${base}/resolve`, {}, token), 404, 'not_found');
      await expectError(await server.api('POST', `${base}/reopen`, undefined, token), 404, 'not_found');
    }
    await expectError(await server.api('GET', `/api/threads/${forRapporteurs.id}`, undefined, tokens.france), 404, 'not_found');
    expect((await server.api('GET', `/api/threads/${forRapporteurs.id}`, undefined, tokens.rapporteur)).status).toBe(200);
  });

  it('answers 404 to members of other documents and to unknown threads', async () => {
    const other = await server.createDocument('Elsewhere');
    const stranger = (await server.invite(other, 'rapporteur', 'Spain')).token;
    await expectError(await server.api('GET', `/api/threads/${everyone.id}`, undefined, stranger), 404, 'not_found');
    await expectError(await server.api('POST', `/api/threads/${everyone.id}/comments`, { body: 'x' }, stranger), 404, 'not_found');
    await expectError(await server.api('POST', '/api/threads/nope/comments', { body: 'x' }, tokens.spain), 404, 'not_found');
    await expectError(await server.api('POST', '/api/threads/nope/resolve', {}), 404, 'not_found');
  });
});

describe('replies, edits and deletions', () => {
  let thread: Thread;

  beforeAll(async () => {
    thread = await createThread(tokens.spain, 'First');
  });

  it('lets members reply and refuses observers', async () => {
    const replied = await expectJson<Thread>(await server.api('POST', `/api/threads/${thread.id}/comments`, { body: 'Agreed' }, tokens.france), 201);
    expect(replied.comments.map((c) => [c.author.delegation, c.body])).toEqual([
      ['Spain', 'First'],
      ['France', 'Agreed'],
    ]);
    await expectError(await server.api('POST', `/api/threads/${thread.id}/comments`, { body: 'me too' }, tokens.observer), 403, 'forbidden');
    await expectError(await server.api('POST', `/api/threads/${thread.id}/comments`, { body: '' }, tokens.france), 400, 'bad_request');
    await expectError(await server.api('POST', `/api/threads/${thread.id}/comments`, { text: 'x' }, tokens.france), 400, 'bad_request');
  });

  it('lets only the author edit a comment', async () => {
    const commentId = thread.comments[0]!.id;
    const route = `/api/threads/${thread.id}/comments/${commentId}`;
    await expectError(await server.api('PATCH', route, { body: 'hijacked' }, tokens.spain2), 403, 'forbidden');
    await expectError(await server.api('PATCH', route, { body: 'hijacked' }, tokens.france), 403, 'forbidden');
    await expectError(await server.api('PATCH', route, { body: 'hijacked' }), 403, 'forbidden');
    await expectError(await server.api('PATCH', route, { body: ' ' }, tokens.spain), 400, 'bad_request');
    await expectError(await server.api('PATCH', `/api/threads/${thread.id}/comments/nope`, { body: 'x' }, tokens.spain), 404, 'not_found');
    const edited = await expectJson<Thread>(await server.api('PATCH', route, { body: 'First, amended' }, tokens.spain), 200);
    expect(edited.comments[0]).toMatchObject({ body: 'First, amended', editedAt: expect.any(String), deletedAt: null });
  });

  it('keeps a deleted comment as "deleted" without its text, and audits the deletion', async () => {
    const commentId = thread.comments[0]!.id;
    const route = `/api/threads/${thread.id}/comments/${commentId}`;
    await expectError(await server.api('DELETE', route, undefined, tokens.france), 403, 'forbidden');
    const deleted = await expectJson<Thread>(await server.api('DELETE', route, undefined, tokens.spain), 200);
    expect(deleted.comments).toHaveLength(2);
    expect(deleted.comments[0]).toMatchObject({ id: commentId, body: null, deletedAt: expect.any(String) });
    await expectError(await server.api('PATCH', route, { body: 'back' }, tokens.spain), 409, 'conflict');
    await expectError(await server.api('DELETE', route, undefined, tokens.spain), 409, 'conflict');
    expect(storedRows(server.dataDir, 'SELECT body FROM comments WHERE id = ?', commentId)).toEqual([{ body: '' }]);
    expect(audit(commentId)).toEqual([
      expect.objectContaining({ action: 'comment.delete', actor_id: memberIds.spain, actor_name: 'Ana (Spain)', details: JSON.stringify({ threadId: thread.id }) }),
    ]);
  });
});

describe('resolving', () => {
  let thread: Thread;

  beforeAll(async () => {
    thread = await createThread(tokens.spain, 'Delete paragraph 4?');
  });

  it('refuses delegates and observers with 403, even on a direct call', async () => {
    for (const token of [tokens.spain, tokens.france, tokens.observer]) {
      await expectError(await server.api('POST', `/api/threads/${thread.id}/resolve`, { outcome: 'mine' }, token), 403, 'forbidden');
    }
    expect((await listFor(tokens.spain)).find((t) => t.id === thread.id)!.status).toBe('open');
  });

  it('lets a rapporteur resolve with an outcome and an organiser reopen, each audited', async () => {
    await expectError(await server.api('POST', `/api/threads/${thread.id}/resolve`, { outcome: 'x'.repeat(501) }, tokens.rapporteur), 400, 'bad_request');
    const resolved = await expectJson<Thread>(
      await server.api('POST', `/api/threads/${thread.id}/resolve`, { outcome: '  accepted as amended ' }, tokens.rapporteur),
      200,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      outcome: 'accepted as amended',
      resolvedBy: { name: 'Rapporteurs', delegation: 'Rapporteurs' },
      resolvedAt: expect.any(String),
    });
    await expectError(await server.api('POST', `/api/threads/${thread.id}/resolve`, {}, tokens.rapporteur), 409, 'conflict');
    await expectError(await server.api('POST', `/api/threads/${thread.id}/reopen`, undefined, tokens.spain), 403, 'forbidden');
    const reopened = await expectJson<Thread>(await server.api('POST', `/api/threads/${thread.id}/reopen`), 200);
    expect(reopened).toMatchObject({ status: 'open', outcome: null, resolvedBy: null, resolvedAt: null });
    await expectError(await server.api('POST', `/api/threads/${thread.id}/reopen`), 409, 'conflict');
    const withoutOutcome = await expectJson<Thread>(await server.api('POST', `/api/threads/${thread.id}/resolve`), 200);
    expect(withoutOutcome).toMatchObject({ status: 'resolved', outcome: null, resolvedBy: { id: 'organiser' } });

    const rows = audit(thread.id);
    expect(rows.map((row) => [row.action, row.actor_name, JSON.parse(row.details) as unknown])).toEqual([
      ['thread.resolve', 'Rapporteurs (Rapporteurs)', { outcome: 'accepted as amended' }],
      ['thread.reopen', 'Organiser (Organisers)', { previousOutcome: 'accepted as amended' }],
      ['thread.resolve', 'Organiser (Organisers)', { outcome: null }],
    ]);
    for (const row of rows) expect(Date.parse(row.at)).not.toBeNaN();
  });
});

describe('frozen documents', () => {
  it('refuse every thread write but keep threads readable', async () => {
    const thread = await createThread(tokens.spain, 'Before the freeze');
    expect((await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true })).status).toBe(200);
    try {
      await expectError(await server.api('POST', `/api/documents/${documentId}/threads`, newThread('late'), tokens.spain), 403, 'forbidden');
      await expectError(await server.api('POST', `/api/threads/${thread.id}/comments`, { body: 'late' }, tokens.france), 403, 'forbidden');
      const commentRoute = `/api/threads/${thread.id}/comments/${thread.comments[0]!.id}`;
      await expectError(await server.api('PATCH', commentRoute, { body: 'late' }, tokens.spain), 403, 'forbidden');
      await expectError(await server.api('DELETE', commentRoute, undefined, tokens.spain), 403, 'forbidden');
      await expectError(await server.api('POST', `/api/threads/${thread.id}/resolve`, {}, tokens.rapporteur), 403, 'forbidden');
      expect((await listFor(tokens.france)).some((t) => t.id === thread.id)).toBe(true);
    } finally {
      expect((await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: false })).status).toBe(200);
    }
  });
});

describe('live channel', () => {
  const streams: EventStream[] = [];
  const open = async (headers: Record<string, string>) => {
    const stream = await openEventStream(`${server.url}/api/documents/${documentId}/events`, headers);
    streams.push(stream);
    return stream;
  };
  const bearer = (token: string | undefined) => ({ authorization: `Bearer ${token ?? ORGANISER_TOKEN}` });
  const threadEvent = (id: string) => (event: { event: string; data: unknown }) =>
    event.event === 'thread' && (event.data as Thread).id === id;

  afterAll(() => {
    for (const stream of streams) stream.close();
  });

  it('refuses strangers and non-members', async () => {
    expect((await open({})).status).toBe(401);
    const other = await server.createDocument('Closed');
    const stream = await openEventStream(`${server.url}/api/documents/${other}/events`, bearer(tokens.spain));
    streams.push(stream);
    expect(stream.status).toBe(403);
  });

  it('starts with a snapshot of the threads the recipient may see', async () => {
    const secret = await createThread(tokens.spain, 'Snapshot secret', 'delegation');
    const france = await open(bearer(tokens.france));
    const spain = await open({ cookie: `accord_session=${tokens.spain2}` });
    const snapshotIds = async (stream: EventStream) =>
      ((await stream.next((e) => e.event === 'threads', 'snapshot')).data as { threads: Thread[] }).threads.map((t) => t.id);
    expect(await snapshotIds(spain)).toContain(secret.id);
    expect(await snapshotIds(france)).not.toContain(secret.id);
  });

  it('delivers every change within a second, each only to those who may see the thread', async () => {
    const france = await open(bearer(tokens.france));
    const rapporteur = await open(bearer(tokens.rapporteur));
    const organiser = await open(bearer(undefined));
    const spain = await open({ cookie: `accord_session=${tokens.spain2}` });
    for (const stream of [france, rapporteur, organiser, spain]) await stream.next((e) => e.event === 'threads', 'snapshot');

    const internal = await createThread(tokens.spain, 'Internal', 'delegation');
    await spain.next(threadEvent(internal.id), 'internal thread at Spain');
    const chair = await createThread(tokens.spain, 'For the chair', 'rapporteurs');
    await spain.next(threadEvent(chair.id), 'chair thread at Spain');
    await rapporteur.next(threadEvent(chair.id), 'chair thread at the rapporteur');
    await organiser.next(threadEvent(chair.id), 'chair thread at the organiser');

    const open_ = await createThread(tokens.spain, 'Open');
    for (const stream of [france, rapporteur, organiser, spain]) await stream.next(threadEvent(open_.id), 'open thread everywhere');
    const reply = await expectJson<Thread>(await server.api('POST', `/api/threads/${open_.id}/comments`, { body: 'Reply' }, tokens.france), 201);
    await server.api('POST', `/api/threads/${open_.id}/resolve`, { outcome: 'withdrawn' }, tokens.rapporteur);
    await server.api('POST', `/api/threads/${internal.id}/comments`, { body: 'still internal' }, tokens.spain);
    const resolvedAtSpain = await spain.next(
      (e) => threadEvent(open_.id)(e) && (e.data as Thread).status === 'resolved',
      'resolution at Spain',
    );
    expect((resolvedAtSpain.data as Thread).comments.map((c) => c.id)).toEqual(reply.comments.map((c) => c.id));
    expect((resolvedAtSpain.data as Thread).outcome).toBe('withdrawn');
    await spain.next((e) => threadEvent(internal.id)(e) && (e.data as Thread).comments.length === 2, 'internal reply at Spain');
    // Spain's stream got the internal reply after the resolution; the others were sent the same events in the same
    // order, so once they have the resolution, anything about the internal thread would already be there.
    for (const stream of [france, rapporteur, organiser]) {
      await stream.next((e) => threadEvent(open_.id)(e) && (e.data as Thread).status === 'resolved', 'resolution');
    }
    for (const stream of [france, rapporteur, organiser]) {
      expect(stream.events.some(threadEvent(internal.id))).toBe(false);
      expect(JSON.stringify(stream.events)).not.toContain(internal.id);
    }
    expect(france.events.some(threadEvent(chair.id))).toBe(false);
  });

  it('ends the stream of a revoked invite at once, with no change to carry', async () => {
    const invite = await server.invite(documentId, 'delegate', 'Italy');
    const stream = await open(bearer(invite.token));
    await stream.next((e) => e.event === 'threads', 'snapshot');
    expect((await server.api('DELETE', `/api/documents/${documentId}/invites/${invite.id}`)).status).toBe(200);
    const ended = await Promise.race([stream.ended.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 1000))]);
    expect(ended).toBe(true);
    expect(stream.events.filter((e) => e.event === 'thread')).toEqual([]);
  });
});
