import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Numbering } from '../../shared/api/numbering.ts';
import type { VersionList } from '../../shared/api/versions.ts';
import { type StableNumber, formatStableNumber } from '../../shared/domain/stableNumbers.ts';
import { readNumbering } from '../../shared/editor/stableNumbering.ts';
import { auditRows } from './helpers/auditLog.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { expectError, expectJson, joinWith } from './helpers/responses.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
const tokens = { rapporteur: '', spain: '', france: '', observer: '' };
const clients: CollabClient[] = [];
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-numbering-'));

const recommendation = (id: string): JSONContent => ({
  type: 'recommendation',
  attrs: { id },
  content: [{ type: 'paragraph', content: [{ type: 'text', text: `Text of ${id}` }] }],
});
const text = (ids: readonly string[]): JSONContent => ({ type: 'doc', content: ids.map(recommendation) });
const FIVE = ['r1', 'r2', 'r3', 'r4', 'r5'];

const url = (documentId: string, what = '') => `/api/documents/${documentId}/numbering${what}`;
const numbering = async (documentId: string, token?: string) => expectJson<Numbering>(await server.api('GET', url(documentId), undefined, token), 200);
const labels = (state: Numbering) => Object.fromEntries(state.numbers.map(({ id, number, deleted }) => [id, `${formatStableNumber(number, 'en')}${deleted ? ' [deleted]' : ''}`]));
const shownBy = (client: CollabClient, id: string): StableNumber | undefined => readNumbering(client.doc).numbers?.get(id);

async function connect(documentId: string, token: string) {
  const client = await connectClient(server.wsUrl, documentId, token);
  clients.push(client);
  return client;
}

/** A document with recommendations r1…r5, its numbering locked by the rapporteur; and a delegate's editor on it. */
async function lockedDocument(ids: readonly string[] = FIVE) {
  const documentId = await server.createDocument('Numbered');
  for (const [role, delegation] of [['rapporteur', 'Chair'], ['delegate', 'Spain'], ['delegate', 'France'], ['observer', 'Press']] as const) {
    const token = await joinWith(server, (await server.invite(documentId, role, delegation)).token, delegation);
    if (role === 'rapporteur') tokens.rapporteur = token;
    else if (role === 'observer') tokens.observer = token;
    else if (delegation === 'Spain') tokens.spain = token;
    else tokens.france = token;
  }
  const editor = await connect(documentId, tokens.spain);
  editor.replaceContent(text(ids));
  await waitFor(async () => (await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text()).includes(`Text of ${ids.at(-1)}`), 'the text stored');
  await expectJson<Numbering>(await server.api('POST', url(documentId, '/lock'), undefined, tokens.rapporteur), 200);
  return { documentId, editor };
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  await server?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('locking the numbering', () => {
  it('keeps the numbers readers saw (1…N), lets rapporteurs and organisers lock once, and refuses everyone else', async () => {
    const documentId = await server.createDocument('Lock');
    const rapporteur = await joinWith(server, (await server.invite(documentId, 'rapporteur', 'Chair')).token, 'Rita');
    const delegate = await joinWith(server, (await server.invite(documentId, 'delegate', 'Spain')).token, 'Ana');
    const observer = await joinWith(server, (await server.invite(documentId, 'observer', 'Press')).token, 'Olga');
    const editor = await connect(documentId, delegate);
    editor.replaceContent(text(['a', 'b', 'c']));
    await waitFor(async () => (await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text()).includes('Text of c'), 'the text stored');
    expect(await numbering(documentId, observer)).toEqual({ locked: false, lockedAt: null, lockedBy: null, numbers: [], renumbering: null });

    await expectError(await server.api('POST', url(documentId, '/lock'), undefined, delegate), 403, 'forbidden');
    await expectError(await server.api('POST', url(documentId, '/lock'), undefined, observer), 403, 'forbidden');
    expect((await server.api('POST', url(documentId, '/lock'), undefined, null)).status).toBe(401);
    await expectError(await server.api('POST', url(documentId, '/renumber')), 409, 'conflict');

    const locked = await expectJson<Numbering>(await server.api('POST', url(documentId, '/lock'), undefined, rapporteur), 200);
    expect(locked).toMatchObject({ locked: true, lockedBy: 'Rita' });
    expect(labels(locked)).toEqual({ a: '1', b: '2', c: '3' });
    await waitFor(() => shownBy(editor, 'c'), 'the lock reaches the editor');
    await expectError(await server.api('POST', url(documentId, '/lock')), 409, 'conflict');
    expect(auditRows(server.dataDir, documentId, ['action', 'actor_name'] as const)).toContainEqual({ action: 'numbering.lock', actor_name: 'Rita (Chair)' });
  });

  it('is refused on a frozen document and on an unknown one', async () => {
    const documentId = await server.createDocument('Frozen');
    expect((await server.api('POST', `/api/documents/${documentId}/freeze`, { frozen: true })).status).toBe(200);
    await expectError(await server.api('POST', url(documentId, '/lock')), 403, 'forbidden');
    await expectError(await server.api('POST', url('00000000-0000-4000-8000-000000000000', '/lock')), 404, 'not_found');
  });
});

describe('numbers after the lock', () => {
  it('numbers a recommendation inserted after 4 as 4bis and the next as 4ter, changing no other number', async () => {
    const { documentId, editor } = await lockedDocument();
    editor.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'r5']));
    await waitFor(() => shownBy(editor, 'a'), '4bis assigned');
    editor.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'b', 'r5']));
    await waitFor(() => shownBy(editor, 'b'), '4ter assigned');
    expect(labels(await numbering(documentId))).toEqual({ r1: '1', r2: '2', r3: '3', r4: '4', a: '4bis', b: '4ter', r5: '5' });
  });

  it('keeps a deleted recommendation’s number taken and every other number as it was; a moved one keeps its number', async () => {
    const { documentId, editor } = await lockedDocument();
    editor.replaceContent(text(['r5', 'r1', 'r3', 'r4']));
    await waitFor(async () => (await numbering(documentId)).numbers.find((entry) => entry.id === 'r2')?.deleted, 'deletion seen');
    editor.replaceContent(text(['r5', 'r1', 'new', 'r3', 'r4']));
    await waitFor(() => shownBy(editor, 'new'), 'new numbered');
    expect(labels(await numbering(documentId))).toEqual({ r1: '1', new: '1bis', r2: '2 [deleted]', r3: '3', r4: '4', r5: '5' });
  });

  it('gives two delegations inserting after 4 at the same time, offline, distinct numbers once they reconnect', async () => {
    const { documentId, editor: spain } = await lockedDocument();
    const france = await connect(documentId, tokens.france);
    spain.provider.disconnect();
    france.provider.disconnect();
    spain.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'es', 'r5']));
    france.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'fr', 'r5']));
    // Offline, nobody has numbered them yet: the editors show a provisional number.
    expect(shownBy(spain, 'es')).toBeUndefined();
    spain.provider.connect();
    france.provider.connect();
    for (const client of [spain, france]) await waitFor(() => shownBy(client, 'es') && shownBy(client, 'fr'), 'both numbered everywhere');
    const both = labels(await numbering(documentId));
    expect([both.es, both.fr].sort()).toEqual(['4bis', '4ter']);
    expect(formatStableNumber(shownBy(france, 'es')!, 'en')).toBe(both.es);
  });

  it('keeps the numbering across a restart', async () => {
    const { documentId, editor } = await lockedDocument();
    editor.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'r5']));
    await waitFor(() => shownBy(editor, 'a'), '4bis assigned');
    editor.destroy();
    const { dataDir } = server;
    await server.close();
    server = await startTestServer({ dataDir });
    expect(labels(await numbering(documentId))).toEqual({ r1: '1', r2: '2', r3: '3', r4: '4', a: '4bis', r5: '5' });
    const reopened = await connect(documentId, tokens.france);
    reopened.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'b', 'r5']));
    await waitFor(() => shownBy(reopened, 'b'), '4ter assigned after the restart');
    expect(formatStableNumber(shownBy(reopened, 'b')!, 'en')).toBe('4ter');
  });
});

describe('renumbering', () => {
  it('lets only the organiser turn the numbers into 1…N in one change, between two named versions', async () => {
    const { documentId, editor } = await lockedDocument();
    editor.replaceContent(text(['r1', 'r3', 'r4', 'a', 'r5']));
    await waitFor(() => shownBy(editor, 'a'), '4bis assigned');
    await expectError(await server.api('POST', url(documentId, '/renumber'), undefined, tokens.rapporteur), 403, 'forbidden');
    await expectError(await server.api('POST', url(documentId, '/renumber'), undefined, tokens.spain), 403, 'forbidden');

    const renumbered = await expectJson<Numbering>(await server.api('POST', url(documentId, '/renumber')), 200);
    expect(labels(renumbered)).toEqual({ r1: '1', r3: '2', r4: '3', a: '4', r5: '5' });
    expect(renumbered.renumbering?.rows.map(({ id, from, to }) => [id, formatStableNumber(from, 'en'), to && formatStableNumber(to, 'en')])).toEqual([
      ['r1', '1', '1'],
      ['r2', '2', null],
      ['r3', '3', '2'],
      ['r4', '4', '3'],
      ['a', '4bis', '4'],
      ['r5', '5', '5'],
    ]);
    await waitFor(() => shownBy(editor, 'r5')?.base === 5 && shownBy(editor, 'a')?.suffix === 0, 'editors see the new numbers');
    const { versions } = await expectJson<VersionList>(await server.api('GET', `/api/documents/${documentId}/versions`), 200);
    expect(versions.map((version) => version.name)).toEqual(expect.arrayContaining(['Before renumbering', 'Renumbered']));
    expect(auditRows(server.dataDir, documentId, ['action'] as const)).toContainEqual({ action: 'numbering.renumber' });
    // A reconnecting editor re-sends its whole delete set, with the numbers the renumbering replaced: not a write.
    editor.provider.disconnect();
    editor.provider.connect();
    await waitFor(() => editor.provider.synced, 'reconnected');
    // Still locked: a recommendation inserted after the renumbering gets a suffix again.
    editor.replaceContent(text(['r1', 'r3', 'x', 'r4', 'a', 'r5']));
    await waitFor(() => shownBy(editor, 'x'), 'numbered after renumbering');
    expect(formatStableNumber(shownBy(editor, 'x')!, 'en')).toBe('2bis');
  });
});


it('refuses a client that writes the numbering itself (4424), keeping the server\'s numbers', async () => {
  const { documentId, editor } = await lockedDocument();
  await waitFor(() => shownBy(editor, 'r5'), 'numbers reached the editor');
  editor.doc.getMap('numbers').set('r5', { base: 1, suffix: 0 });
  await waitFor(() => editor.closes.includes(4424), 'refused');
  const forger = await connect(documentId, tokens.france);
  forger.doc.getMap('numbering').delete('lock');
  await waitFor(() => forger.closes.includes(4424), 'refused');
  expect(labels(await numbering(documentId))).toEqual({ r1: '1', r2: '2', r3: '3', r4: '4', r5: '5' });
});

it('accepts a reloaded editor whose cached copy, loaded before the sync, re-sends the server\'s numbers', async () => {
  const { documentId, editor } = await lockedDocument();
  editor.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'r5']));
  await waitFor(() => shownBy(editor, 'a'), '4bis assigned');
  const cached = Y.encodeStateAsUpdate(editor.doc);
  // A reloaded page's socket opens while its browser cache (y-indexeddb) is still loading: the cache lands in the
  // empty document before the server's answer and goes out as an update holding the numbers the server wrote.
  const doc = new Y.Doc();
  const reloaded = await connectClient(server.wsUrl, documentId, tokens.spain, { doc, waitForSync: false });
  clients.push(reloaded);
  let resent = false;
  reloaded.provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected' || resent) return;
    resent = true;
    Y.applyUpdate(doc, cached, 'browser cache');
  });
  await waitFor(() => reloaded.provider.synced || reloaded.closes.length > 0, 'reloaded editor synced or closed');
  expect(resent).toBe(true);
  expect(reloaded.closes).toEqual([]);
  reloaded.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'b', 'r5']));
  await waitFor(() => shownBy(reloaded, 'b'), '4ter assigned');
  expect(labels(await numbering(documentId))).toEqual({ r1: '1', r2: '2', r3: '3', r4: '4', a: '4bis', b: '4ter', r5: '5' });
});

describe('exports of a locked document', () => {
  const download = async (documentId: string, query: string) => {
    const response = await server.api('GET', `/api/documents/${documentId}/export?${query}`);
    expect(response.status).toBe(200);
    return response;
  };
  const exported = async (documentId: string, query: string) => (await download(documentId, query)).text();
  /** The text of each paragraph of a Word export. */
  const docxParagraphs = async (documentId: string, query: string) => {
    const docx = await JSZip.loadAsync(Buffer.from(await (await download(documentId, `format=docx&${query}`)).arrayBuffer()));
    const xml = await docx.file('word/document.xml')!.async('string');
    return xml.split('</w:p>').map((paragraph) => paragraph.replace(/<[^>]+>/g, '').trim()).filter(Boolean);
  };
  /** The lines of a PDF export, as pdftotext reads them. */
  const pdfLines = async (documentId: string, query: string) => {
    const file = path.join(folder, `${documentId}.pdf`);
    fs.writeFileSync(file, Buffer.from(await (await download(documentId, `format=pdf&${query}`)).arrayBuffer()));
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).split('\n').map((line) => line.trim());
  };

  it('print the stable numbers in every language, "2 [deleted]" only in the review copy, and the correspondence after a renumbering', async () => {
    const { documentId, editor } = await lockedDocument();
    editor.replaceContent(text(['r1', 'r3', 'r4', 'a', 'r5']));
    await waitFor(() => shownBy(editor, 'a'), '4bis assigned');

    const clean = await exported(documentId, 'format=md');
    expect(clean.match(/Recommendation [^\s*]+/g)).toEqual(['Recommendation 1', 'Recommendation 3', 'Recommendation 4', 'Recommendation 4bis', 'Recommendation 5']);
    const review = await exported(documentId, 'format=md&kind=review');
    // Markdown escapes the square brackets of "[deleted]".
    expect(review.match(/Recommendation [^*]+|deleted/g)).toEqual([
      'Recommendation 1',
      'Recommendation 2 \\[deleted\\]',
      'Recommendation 3',
      'Recommendation 4',
      'Recommendation 4bis',
      'Recommendation 5',
    ]);
    expect(await exported(documentId, 'format=html&lang=ar')).toContain('التوصية 4 مكرراً');
    expect(await exported(documentId, 'format=html&lang=fr')).toContain('Recommandation 4bis');
    // The deleted one is a single line in its place, in every review copy and language, never a label and a "[deleted]".
    const paragraphs = await docxParagraphs(documentId, 'kind=review');
    const deleted = paragraphs.indexOf('Recommendation 2 [deleted]');
    expect(paragraphs.slice(deleted - 1, deleted + 2)).toEqual(['Text of r1', 'Recommendation 2 [deleted]', 'Recommendation 3']);
    expect(await docxParagraphs(documentId, 'kind=review&lang=ar')).toContain('التوصية 2 [محذوفة]');
    expect(await exported(documentId, 'format=html&kind=review')).toMatch(/<p class="recommendation-number">Recommendation 2 \[deleted\]<\/p>\n<\/section>/);
    expect((await pdfLines(documentId, 'kind=review')).filter((line) => /Recommendation|deleted/.test(line))).toEqual([
      'Recommendation 1',
      'Recommendation 2 [deleted]',
      'Recommendation 3',
      'Recommendation 4',
      'Recommendation 4bis',
      'Recommendation 5',
    ]);
    const annex = await exported(documentId, 'format=md&kind=annex');
    expect(annex).toContain('Recommendation 4bis: Draft');
    expect(annex).not.toContain('correspondence of numbers');

    await expectJson<Numbering>(await server.api('POST', url(documentId, '/renumber')), 200);
    const renumbered = await exported(documentId, 'format=md&kind=annex');
    expect(renumbered.match(/Recommendation \d\S*(?=\*\*)/g)).toEqual(['Recommendation 1', 'Recommendation 2', 'Recommendation 3', 'Recommendation 4', 'Recommendation 5']);
    expect(renumbered).toContain('Annex: correspondence of numbers');
    const correspondence = ['1 becomes 1', '2 deleted', '3 becomes 2', '4 becomes 3', '4bis becomes 4', '5 becomes 5'];
    for (const line of correspondence) expect(renumbered).toContain(line);
    const pdfText = await pdfLines(documentId, 'kind=annex');
    for (const line of correspondence) expect(pdfText).toContain(line);
    const akn = await exported(documentId, 'format=akn');
    expect(akn).toContain('<num>Recommendation 4</num>');
  });

  it('show a saved version with the numbers of its moment, and compare them', async () => {
    const { documentId, editor } = await lockedDocument();
    editor.replaceContent(text(['r1', 'r2', 'r3', 'r4', 'a', 'r5']));
    await waitFor(() => shownBy(editor, 'a'), '4bis assigned');
    const saved = await expectJson<{ id: string }>(await server.api('POST', `/api/documents/${documentId}/versions`, { name: 'Second reading' }), 201);
    await expectJson<Numbering>(await server.api('POST', url(documentId, '/renumber')), 200);
    const content = await expectJson<{ numbers: { id: string; number: StableNumber }[] | null }>(
      await server.api('GET', `/api/documents/${documentId}/versions/${saved.id}`),
      200,
    );
    expect(content.numbers?.find((entry) => entry.id === 'a')?.number).toEqual({ base: 4, suffix: 1 });
    const comparison = await expectJson<{ recommendations: { id: string; from: StableNumber | null; to: StableNumber | null }[] }>(
      await server.api('GET', `/api/documents/${documentId}/compare?from=${saved.id}&to=current`),
      200,
    );
    expect(comparison.recommendations).toEqual([]);
    const version = await exported(documentId, `format=md&version=${saved.id}`);
    expect(version).toContain('Recommendation 4bis');
  });
});
