import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALTERNATIVE_EVENTS, type AlternativesList, type RecommendationAlternatives } from '../../shared/api/alternatives.ts';
import { auditRows } from './helpers/auditLog.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { openEventStream } from './helpers/eventStream.ts';
import { expectError, expectJson, joinWith } from './helpers/responses.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
let writer: CollabClient;
/** Sessions: a rapporteur, delegates of Morocco, Jordan (two) and Spain, an observer. */
const people = { rapporteur: '', morocco: '', jordan: '', jordan2: '', spain: '', observer: '' };
const REC_A = '7a1c2a9e-0000-4000-8000-00000000000a';
const REC_B = '7a1c2a9e-0000-4000-8000-00000000000b';

const url = (recommendationId: string, what = '') => `/api/documents/${documentId}/recommendations/${recommendationId}${what}`;
const propose = (recommendationId: string, text: string, token: string, justification?: string) =>
  server.api('POST', url(recommendationId, '/alternatives'), justification === undefined ? { text } : { text, justification }, token);
const support = (recommendationId: string, number: number, token: string) => server.api('PUT', url(recommendationId, `/alternatives/${number}/support`), undefined, token);
const unsupport = (recommendationId: string, number: number, token: string) => server.api('DELETE', url(recommendationId, `/alternatives/${number}/support`), undefined, token);
const retain = (recommendationId: string, alternative: number, token?: string) => server.api('POST', url(recommendationId, '/retain'), { alternative }, token);
const list = async (token?: string) =>
  (await expectJson<AlternativesList>(await server.api('GET', `/api/documents/${documentId}/alternatives`, undefined, token), 200)).recommendations;

const recommendation = (id: string, text: string) => ({ type: 'recommendation', attrs: { id }, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Alternatives');
  const join = async (role: string, delegation: string, name: string) => joinWith(server, (await server.invite(documentId, role, delegation)).token, name);
  people.rapporteur = await join('rapporteur', 'Chair', 'Rita');
  people.morocco = await join('delegate', 'Morocco', 'Amina');
  people.jordan = await join('delegate', 'Jordan', 'Omar');
  people.jordan2 = await join('delegate', 'Jordan', 'Lina');
  people.spain = await join('delegate', 'Spain', 'Ana');
  people.observer = await join('observer', 'Press', 'Olga');
  writer = await connectClient(server.wsUrl, documentId, people.rapporteur);
  writer.replaceContent({
    type: 'doc',
    content: [recommendation(REC_A, 'States should share screening data.'), recommendation(REC_B, 'Interpreters should be available.')],
  });
  await waitFor(async () => (await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text()).includes('Interpreters'), 'stored text');
});

afterAll(async () => {
  writer?.destroy();
  await server?.close();
});

describe('alternatives', () => {
  it('numbers alternatives Alt 1, Alt 2 in order, each with its delegation and justification, audited', async () => {
    const first = await expectJson<RecommendationAlternatives>(
      await propose(REC_A, 'States shall share screening data through secure channels.', people.morocco, 'Binding language'),
      201,
    );
    expect(first.alternatives).toEqual([
      expect.objectContaining({ number: 1, delegation: 'Morocco', proposedBy: 'Amina', justification: 'Binding language', status: 'open', supporters: [] }),
    ]);
    const second = await expectJson<RecommendationAlternatives>(await propose(REC_A, 'States may share screening data.', people.jordan), 201);
    expect(second.alternatives.map((alternative) => [alternative.number, alternative.delegation, alternative.justification])).toEqual([
      [1, 'Morocco', 'Binding language'],
      [2, 'Jordan', null],
    ]);
    expect(auditRows(server.dataDir, REC_A, ['action', 'actor_name'] as const)).toEqual([
      { action: 'alternative.propose', actor_name: 'Amina (Morocco)' },
      { action: 'alternative.propose', actor_name: 'Omar (Jordan)' },
    ]);
  });

  it('lets other delegations support an alternative and withdraw their support, one entry per delegation', async () => {
    const supported = await expectJson<RecommendationAlternatives>(await support(REC_A, 2, people.spain), 200);
    expect(supported.alternatives[1]!.supporters).toEqual([expect.objectContaining({ delegation: 'Spain', name: 'Ana' })]);
    await expectJson(await support(REC_A, 1, people.jordan), 200);
    await expectJson(await support(REC_A, 1, people.jordan2), 200);
    expect((await list(people.observer))[0]!.alternatives[0]!.supporters.map((entry) => entry.delegation)).toEqual(['Jordan']);
    await expectError(await support(REC_A, 2, people.jordan), 409, 'conflict');
    expect((await expectJson<RecommendationAlternatives>(await unsupport(REC_A, 1, people.jordan2), 200)).alternatives[0]!.supporters).toEqual([]);
    await expectError(await unsupport(REC_A, 1, people.jordan), 404, 'not_found');
  });

  it('keeps justification and withdrawal to the proposing delegation', async () => {
    await expectError(await server.api('PATCH', url(REC_A, '/alternatives/2'), { justification: 'x' }, people.morocco), 403, 'forbidden');
    const justified = await expectJson<RecommendationAlternatives>(
      await server.api('PATCH', url(REC_A, '/alternatives/2'), { justification: 'Leaves room for national law' }, people.jordan2),
      200,
    );
    expect(justified.alternatives[1]!.justification).toBe('Leaves room for national law');
    await expectError(await server.api('DELETE', url(REC_A, '/alternatives/1'), undefined, people.jordan), 403, 'forbidden');
    await expectError(await server.api('DELETE', url(REC_A, '/alternatives/9'), undefined, people.jordan), 404, 'not_found');
  });

  it('refuses observers, organisers proposing, delegates retaining, bad input and other documents', async () => {
    await expectError(await propose(REC_A, 'Observer text', people.observer), 403, 'forbidden');
    await expectError(await support(REC_A, 1, people.observer), 403, 'forbidden');
    await expectError(await propose(REC_A, 'Organiser text', undefined as unknown as string), 403, 'forbidden');
    await expectError(await retain(REC_A, 1, people.morocco), 403, 'forbidden');
    await expectError(await retain(REC_A, 1, people.observer), 403, 'forbidden');
    expect((await propose(REC_A, 'x', null as unknown as string)).status).toBe(401);
    await expectError(await propose(REC_A, '   ', people.morocco), 400, 'bad_request');
    await expectError(await propose(REC_A, 'x'.repeat(4001), people.morocco), 400, 'bad_request');
    await expectError(await propose('not an id!', 'Text', people.morocco), 400, 'bad_request');
    await expectError(await support(REC_A, 0, people.spain), 400, 'bad_request');
    await expectError(await retain(REC_A, -1, people.rapporteur), 400, 'bad_request');
    const other = await server.createDocument('Other');
    const outsider = await joinWith(server, (await server.invite(other, 'delegate', 'Spain')).token, 'Out');
    await expectError(await propose(REC_A, 'Text', outsider), 403, 'forbidden');
    await expectError(await server.api('GET', `/api/documents/${documentId}/alternatives`, undefined, outsider), 403, 'forbidden');
  });

  it('retains Alt 1: its wording replaces the text for every editor, the others are kept as not retained', async () => {
    const stream = await openEventStream(`${server.url}/api/documents/${documentId}/events`, { authorization: `Bearer ${people.observer}` });
    const reader = await connectClient(server.wsUrl, documentId, people.observer);
    try {
      const snapshot = await stream.next((event) => event.event === ALTERNATIVE_EVENTS.snapshot, 'alternatives snapshot');
      expect((snapshot.data as AlternativesList).recommendations[0]!.alternatives).toHaveLength(2);
      const started = Date.now();
      const retained = await expectJson<RecommendationAlternatives>(await retain(REC_A, 1, people.rapporteur), 200);
      expect(retained.alternatives.map((alternative) => [alternative.number, alternative.status])).toEqual([
        [1, 'retained'],
        [2, 'not_retained'],
      ]);
      expect(retained.alternatives[0]).toMatchObject({ replacedText: 'States should share screening data.', decidedBy: { name: 'Rita', delegation: 'Chair' } });
      await stream.next(
        (event) => event.event === ALTERNATIVE_EVENTS.changed && (event.data as RecommendationAlternatives).alternatives[0]!.status === 'retained',
        'live retain',
      );
      await waitFor(() => reader.text().includes('States shall share screening data through secure channels.'), 'retained wording in a reader');
      expect(Date.now() - started).toBeLessThan(1000);
      expect(reader.text()).not.toContain('States should share screening data.');
      expect(reader.text()).toContain('Interpreters should be available.');
    } finally {
      stream.close();
      reader.destroy();
    }
    await expectError(await retain(REC_A, 2, people.rapporteur), 409, 'conflict');
    await expectError(await support(REC_A, 2, people.spain), 409, 'conflict');
  });

  it('retains Alt 0 (the current text): every open alternative closes, the text stays', async () => {
    await expectJson(await propose(REC_B, 'Interpreters shall be available.', people.spain), 201);
    await expectError(await retain(REC_B, 5, people.rapporteur), 404, 'not_found');
    const kept = await expectJson<RecommendationAlternatives>(await retain(REC_B, 0), 200);
    expect(kept.alternatives[0]).toMatchObject({ number: 1, status: 'not_retained', decidedBy: { name: 'Organiser' } });
    expect(await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text()).toContain('Interpreters should be available.');
    // A number is never given again, even after a withdrawal.
    await expectJson(await propose(REC_B, 'Withdrawn soon.', people.spain), 201);
    const withdrawn = await expectJson<RecommendationAlternatives>(await server.api('DELETE', url(REC_B, '/alternatives/2'), undefined, people.spain), 200);
    expect(withdrawn.alternatives[1]).toMatchObject({ number: 2, status: 'withdrawn' });
    expect((await expectJson<RecommendationAlternatives>(await propose(REC_B, 'Third.', people.morocco), 201)).alternatives[2]!.number).toBe(3);
  });

  it('refuses a retained alternative on a recommendation that is not in the text (404), changing nothing', async () => {
    const missing = '7a1c2a9e-0000-4000-8000-0000000000ff';
    await expectJson(await propose(missing, 'Orphan wording.', people.morocco), 201);
    await expectError(await retain(missing, 1, people.rapporteur), 404, 'not_found');
    expect((await list()).find((entry) => entry.recommendationId === missing)!.alternatives[0]!.status).toBe('open');
  });

  it('after the deadline, refuses new alternatives from delegates (403 deadline_passed); support and rapporteurs go on', async () => {
    await expectJson(await server.api('PUT', `/api/documents/${documentId}/deadline`, { at: new Date(Date.now() - 1000).toISOString(), timeZone: 'UTC' }), 200);
    try {
      await expectError(await propose(REC_B, 'Too late.', people.jordan), 403, 'deadline_passed');
      await expectJson(await support(REC_B, 3, people.jordan), 200);
      await expectJson(await propose(REC_B, 'The rapporteur may still.', people.rapporteur), 201);
    } finally {
      await expectJson(await server.api('DELETE', `/api/documents/${documentId}/deadline`), 200);
    }
  });

  it('refuses every alternative change while the document is frozen', async () => {
    await expectJson(await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true }), 200);
    try {
      await expectError(await propose(REC_B, 'Frozen.', people.morocco), 403, 'forbidden');
      await expectError(await support(REC_B, 3, people.spain), 403, 'forbidden');
      await expectError(await retain(REC_B, 3, people.rapporteur), 403, 'forbidden');
      expect((await list(people.observer)).length).toBeGreaterThan(0);
    } finally {
      await expectJson(await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: false }), 200);
    }
  });

  it('prints open alternatives under their recommendation in every export, and decided ones in the annex', async () => {
    const exported = async (query: string) => server.api('GET', `/api/documents/${documentId}/export?${query}`, undefined, people.observer);
    const open = 'Alt 3 (Morocco; supported by Jordan): Third.';
    const markdown = await (await exported('format=md&kind=annex')).text();
    expect(markdown).toContain('**Alt 3 (Morocco; supported by Jordan):** Third.');
    expect(markdown).toContain('**Alt 4 (Chair):** The rapporteur may still.');
    expect(markdown.indexOf('Interpreters should be available.')).toBeLessThan(markdown.indexOf('Alt 3 (Morocco'));
    const annex = markdown.slice(markdown.indexOf('Annex: consensus status'));
    expect(annex).toContain('Alt 1 (Morocco) retained');
    expect(annex).toContain('Alt 2 (Jordan, Spain) not retained');
    expect(annex).toContain('Alt 2 (Spain) withdrawn');
    expect(await (await exported('format=md&kind=review')).text()).toContain('**Alt 3 (Morocco; supported by Jordan):** Third.');
    expect(await (await exported('format=html')).text()).toContain('<strong>Alt 3 (Morocco; supported by Jordan): </strong>Third.');
    const french = await (await exported('format=md&lang=fr')).text();
    expect(french).toContain('**Variante 3 (Morocco; appuyée par Jordan)\u00a0:**');

    const docx = await JSZip.loadAsync(Buffer.from(await (await exported('format=docx')).arrayBuffer()));
    const xml = (await docx.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    expect(xml).toContain(open);
    const pdfFile = path.join(server.dataDir, 'alternatives.pdf');
    fs.writeFileSync(pdfFile, Buffer.from(await (await exported('format=pdf')).arrayBuffer()));
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')).toContain(open);
    const aknFile = path.join(server.dataDir, 'alternatives.xml');
    fs.writeFileSync(aknFile, await (await exported('format=akn')).text());
    expect(fs.readFileSync(aknFile, 'utf8')).toContain('Alt 3 (Morocco; supported by Jordan)');
    execFileSync('xmllint', ['--noout', '--schema', path.join(import.meta.dirname, 'fixtures/akn/akomantoso30.xsd'), aknFile], { stdio: 'pipe' });
    // A saved version is exported as it was: today's alternatives are not printed into it.
    const clean = await (await exported('format=md')).text();
    expect(clean).toContain('Alt 3');
    expect(clean).not.toContain('not retained');
  });
});
