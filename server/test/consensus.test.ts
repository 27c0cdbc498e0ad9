import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENSUS_EVENTS, type ConsensusList, type RecommendationConsensus } from '../../shared/api/consensus.ts';
import { connectClient } from './helpers/collabClient.ts';
import { openEventStream } from './helpers/eventStream.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { auditRows } from './helpers/auditLog.ts';
import { expectJson, joinWith } from './helpers/responses.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
/** Sessions by person: a rapporteur, delegates of Spain (two) and France, an observer. */
const tokens = { rapporteur: '', spain: '', spain2: '', france: '', observer: '' };
const REC_A = '6f1c2a9e-0000-4000-8000-00000000000a';
const REC_B = '6f1c2a9e-0000-4000-8000-00000000000b';

const join = (inviteToken: string, name: string) => joinWith(server, inviteToken, name);

const recommendationUrl = (id: string, what: string) => `/api/documents/${documentId}/recommendations/${id}/${what}`;
const setStatus = (id: string, status: string, token?: string) => server.api('PUT', recommendationUrl(id, 'status'), { status }, token);
const reserve = (id: string, token: string, note?: string) =>
  server.api('PUT', recommendationUrl(id, 'reservation'), note === undefined ? {} : { note }, token);
const withdraw = (id: string, token: string) => server.api('DELETE', recommendationUrl(id, 'reservation'), undefined, token);
const list = async (token?: string) =>
  (await expectJson<ConsensusList>(await server.api('GET', `/api/documents/${documentId}/recommendations/statuses`, undefined, token), 200)).recommendations;

const audit = (subject: string) => auditRows(server.dataDir, subject, ['action', 'actor_name', 'details'] as const);

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Recommendations');
  tokens.rapporteur = await join((await server.invite(documentId, 'rapporteur', 'Chair')).token, 'Rita');
  tokens.spain = await join((await server.invite(documentId, 'delegate', 'Spain')).token, 'Ana');
  tokens.spain2 = await join((await server.invite(documentId, 'delegate', 'Spain')).token, 'Blas');
  tokens.france = await join((await server.invite(documentId, 'delegate', 'France')).token, 'Chloé');
  tokens.observer = await join((await server.invite(documentId, 'observer', 'Press')).token, 'Olga');
});

afterAll(async () => {
  await server?.close();
});

describe('consensus status', () => {
  it('lets the rapporteur and the organiser set a status, audited, and shows it to every member', async () => {
    const set = await expectJson<RecommendationConsensus>(await setStatus(REC_A, 'under_discussion', tokens.rapporteur), 200);
    expect(set).toMatchObject({ recommendationId: REC_A, status: 'under_discussion', setBy: { name: 'Rita', delegation: 'Chair' } });
    await expectJson(await setStatus(REC_B, 'agreed'), 200);
    for (const token of [tokens.observer, tokens.france, undefined]) {
      const statuses = await list(token);
      expect(statuses.find((entry) => entry.recommendationId === REC_A)?.status).toBe('under_discussion');
      expect(statuses.find((entry) => entry.recommendationId === REC_B)?.status).toBe('agreed');
    }
    expect(audit(REC_A)).toEqual([
      { action: 'recommendation.status', actor_name: 'Rita (Chair)', details: JSON.stringify({ status: 'under_discussion', previous: 'draft' }) },
    ]);
  });

  it('refuses status changes by delegates and observers (403) and without credentials (401), changing nothing', async () => {
    for (const token of [tokens.spain, tokens.observer]) {
      const refused = await expectJson<{ error: { code: string } }>(await setStatus(REC_A, 'agreed', token), 403);
      expect(refused.error.code).toBe('forbidden');
    }
    expect((await setStatus(REC_A, 'agreed', null as unknown as string)).status).toBe(401);
    expect((await list()).find((entry) => entry.recommendationId === REC_A)?.status).toBe('under_discussion');
    expect(audit(REC_A)).toHaveLength(1);
  });

  it('validates the status and the recommendation id', async () => {
    expect((await setStatus(REC_A, 'adopted', tokens.rapporteur)).status).toBe(400);
    expect((await setStatus('not an id!', 'agreed', tokens.rapporteur)).status).toBe(400);
    expect((await reserve(REC_A, tokens.spain, 'x'.repeat(501))).status).toBe(400);
  });

  it('lets a delegation enter, amend and withdraw its own reservation; an agreed text becomes agreed with reservation', async () => {
    const reserved = await expectJson<RecommendationConsensus>(await reserve(REC_B, tokens.spain, 'pending consultation with capital'), 200);
    expect(reserved.status).toBe('agreed_with_reservation');
    expect(reserved.setStatus).toBe('agreed');
    expect(reserved.reservations).toEqual([
      expect.objectContaining({ delegation: 'Spain', note: 'pending consultation with capital', enteredBy: { name: 'Ana', delegation: 'Spain' } }),
    ]);
    await expectJson(await reserve(REC_B, tokens.france), 200);
    // Another delegate of Spain speaks for the same delegation: one reservation per delegation, note replaced.
    const amended = await expectJson<RecommendationConsensus>(await reserve(REC_B, tokens.spain2, 'on paragraph 2'), 200);
    expect(amended.reservations.map((r) => [r.delegation, r.note])).toEqual(
      expect.arrayContaining([
        ['Spain', 'on paragraph 2'],
        ['France', null],
      ]),
    );
    expect(amended.reservations).toHaveLength(2);

    await expectJson(await withdraw(REC_B, tokens.france), 200);
    const back = await expectJson<RecommendationConsensus>(await withdraw(REC_B, tokens.spain), 200);
    expect(back.status).toBe('agreed');
    expect(back.reservations).toEqual([]);
    expect((await withdraw(REC_B, tokens.spain)).status).toBe(404);
    expect(audit(REC_B).map((row) => row.action)).toEqual([
      'recommendation.status',
      'recommendation.reserve',
      'recommendation.reserve',
      'recommendation.reserve',
      'recommendation.withdraw',
      'recommendation.withdraw',
    ]);
  });

  it('refuses reservations from rapporteurs, observers and organisers (403)', async () => {
    for (const token of [tokens.rapporteur, tokens.observer, undefined]) {
      expect((await reserve(REC_A, token as string)).status).toBe(403);
      expect((await withdraw(REC_A, token as string)).status).toBe(403);
    }
  });

  it('refuses every consensus change while the document is frozen', async () => {
    const frozenDoc = await server.createDocument('Frozen');
    const delegate = (await server.invite(frozenDoc, 'delegate', 'Spain')).token;
    expect((await server.api('POST', `/api/documents/${frozenDoc}/freeze`, { frozen: true })).status).toBe(200);
    const url = `/api/documents/${frozenDoc}/recommendations/${REC_A}`;
    expect((await server.api('PUT', `${url}/status`, { status: 'agreed' })).status).toBe(403);
    expect((await server.api('PUT', `${url}/reservation`, {}, delegate)).status).toBe(403);
  });

  it('keeps members of other documents out (403)', async () => {
    const other = await server.createDocument('Other');
    const outsider = (await server.invite(other, 'rapporteur', 'Chair')).token;
    expect((await setStatus(REC_A, 'agreed', outsider)).status).toBe(403);
    expect((await server.api('GET', `/api/documents/${documentId}/recommendations/statuses`, undefined, outsider)).status).toBe(403);
  });

  it('sends the statuses on the live channel: a snapshot first, then each change', async () => {
    const stream = await openEventStream(`${server.url}/api/documents/${documentId}/events`, { authorization: `Bearer ${tokens.france}` });
    try {
      expect(stream.status).toBe(200);
      const snapshot = await stream.next((event) => event.event === CONSENSUS_EVENTS.snapshot, 'consensus snapshot');
      expect((snapshot.data as ConsensusList).recommendations.map((entry) => entry.recommendationId)).toEqual(expect.arrayContaining([REC_A, REC_B]));

      await expectJson(await setStatus(REC_A, 'agreed', tokens.rapporteur), 200);
      const changed = await stream.next(
        (event) => event.event === CONSENSUS_EVENTS.changed && (event.data as RecommendationConsensus).status === 'agreed',
        'status change',
      );
      expect((changed.data as RecommendationConsensus).recommendationId).toBe(REC_A);

      await expectJson(await reserve(REC_A, tokens.spain, 'scrutiny'), 200);
      const reservation = await stream.next(
        (event) => event.event === CONSENSUS_EVENTS.changed && (event.data as RecommendationConsensus).reservations.length === 1,
        'reservation',
      );
      expect(reservation.data).toMatchObject({ recommendationId: REC_A, status: 'agreed_with_reservation', reservations: [{ delegation: 'Spain', note: 'scrutiny' }] });
    } finally {
      stream.close();
    }
  });

  it('lists every recommendation with its status and reservations in the annex export', async () => {
    const client = await connectClient(server.wsUrl, documentId, tokens.rapporteur);
    try {
      const fragment = client.doc.getXmlFragment('default');
      const recommendation = (id: string, content: string) => {
        const element = new Y.XmlElement('recommendation');
        element.setAttribute('id', id);
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText(content)]);
        element.insert(0, [paragraph]);
        return element;
      };
      fragment.push([
        recommendation(REC_B, 'States should share screening data through secure channels only when necessary.'),
        recommendation('6f1c2a9e-0000-4000-8000-00000000000c', 'A third recommendation without status.'),
        recommendation(REC_A, 'Interpreters should be available at every stage.'),
      ]);
      await waitFor(async () => {
        const md = await (await server.api('GET', `/api/documents/${documentId}/export?format=md&kind=annex`)).text();
        return md.includes('Interpreters') ? md : undefined;
      }, 'stored text');
    } finally {
      client.destroy();
    }
    const markdown = await (await server.api('GET', `/api/documents/${documentId}/export?format=md&kind=annex`, undefined, tokens.observer)).text();
    const annex = markdown.slice(markdown.indexOf('Annex: consensus status'));
    expect(annex).toContain('**Recommendation 1: Agreed**');
    expect(annex).toContain('States should share screening data through secure channels…');
    expect(annex).toContain('**Recommendation 2: Draft**');
    expect(annex).toContain('**Recommendation 3: Agreed with reservation**');
    expect(annex).toContain('Reservations: Spain (scrutiny)');

    const html = await (await server.api('GET', `/api/documents/${documentId}/export?format=html&kind=annex`)).text();
    expect(html).toContain('Recommendation 3: Agreed with reservation');
    const clean = await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text();
    expect(clean).not.toContain('consensus status');
  });
});
