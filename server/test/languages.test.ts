import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { getSchema } from '@tiptap/core';
import JSZip from 'jszip';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LanguageList } from '../../shared/api/languages.ts';
import { blockWording } from '../../shared/editor/alignedBlocks.ts';
import { schemaExtensions } from '../../shared/editor/schemaExtensions.ts';
import { alignVersion, confirm, countStatuses } from '../../shared/editor/translationStatus.ts';
import { blockFragmentName, languageRoomName } from '../../shared/protocol/languageRooms.ts';
import { type CollabClient, connectClient, upgradeStatus } from './helpers/collabClient.ts';
import { openEventStream } from './helpers/eventStream.ts';
import { type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const schema = getSchema(schemaExtensions());
let server: TestServer;
let documentId: string;
const clients: CollabClient[] = [];

const call = (method: string, pathname: string, body?: unknown, token?: string) =>
  server.api(method, `/api/documents/${documentId}${pathname}`, body, token);

async function languages(token?: string): Promise<LanguageList> {
  const response = await call('GET', '/languages', undefined, token);
  expect(response.status).toBe(200);
  return (await response.json()) as LanguageList;
}

async function invite(body: object): Promise<string> {
  const response = await call('POST', '/invites', body);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function connect(room: string, token: string): Promise<CollabClient> {
  const client = await connectClient(server.wsUrl, room, token);
  clients.push(client);
  return client;
}

/** Replaces a new document's text (its one empty paragraph) with `blocks`, in one change. */
function startText(doc: Y.Doc, blocks: Y.XmlElement[]): void {
  const fragment = doc.getXmlFragment('default');
  doc.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, blocks);
  });
}

/** A source block (paragraph or recommendation) with its stable id, as an editor would write it. */
function block(id: string, text: string, type: 'paragraph' | 'recommendation' = 'paragraph'): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  if (type === 'paragraph') {
    paragraph.setAttribute('id', id);
    return paragraph;
  }
  const recommendation = new Y.XmlElement('recommendation');
  recommendation.setAttribute('id', id);
  recommendation.insert(0, [paragraph]);
  return recommendation;
}

/** Writes `text` as the translation of block `id` in a version's document. */
function translate(version: Y.Doc, id: string, text: string): void {
  const fragment = version.getXmlFragment(blockFragmentName(id));
  version.transact(() => {
    fragment.delete(0, fragment.length);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    fragment.insert(0, [paragraph]);
  });
}

const sourceOf = (doc: Y.Doc) => yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment('default'), schema);
const rowsOf = (source: Y.Doc, version: Y.Doc) =>
  alignVersion(sourceOf(source), version, schema).map((row) => ({
    id: row.id,
    source: blockWording(row.source),
    translation: row.translation ? blockWording(row.translation) : '',
    status: row.status,
  }));
const stored = (room: string, doc: Y.Doc) => waitFor(async () => (await storedRoomHas(room, doc)) || undefined, `${room} stored`);

/** Whether a fresh client of `room` receives everything `doc` holds (so the server stored it). */
async function storedRoomHas(room: string, doc: Y.Doc): Promise<boolean> {
  const probe = await connectClient(server.wsUrl, room, organiserInviteToken);
  try {
    return Y.encodeStateVector(probe.doc).toString() === Y.encodeStateVector(doc).toString();
  } finally {
    probe.destroy();
  }
}

let organiserInviteToken: string;

beforeEach(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Recommendations');
  organiserInviteToken = await invite({ role: 'organiser', delegation: 'Secretariat' });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

describe('language versions over REST', () => {
  it('adds, lists, refuses bad requests and removes, each with the right permission', async () => {
    const delegate = await invite({ role: 'delegate', delegation: 'Lebanon' });
    const observer = await invite({ role: 'observer', delegation: 'Press' });
    const rapporteur = await invite({ role: 'rapporteur', delegation: 'Chair' });

    expect((await call('POST', '/languages', { language: 'fr' })).status).toBe(201);
    const unknown = await call('POST', '/languages', { language: 'de' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const sameAsSource = await call('POST', '/languages', { language: 'en' });
    expect(sameAsSource.status).toBe(400);
    expect(((await sameAsSource.json()) as { error: { message: string } }).error.message).toMatch(/source language/);
    const again = await call('POST', '/languages', { language: 'fr' });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('conflict');
    expect((await call('POST', '/languages', { language: 'ar' }, rapporteur)).status).toBe(403);
    expect((await call('POST', '/languages', { language: 'ar' }, delegate)).status).toBe(403);
    expect((await call('POST', '/languages', { language: 'ar' })).status).toBe(201);

    const list = await languages(observer);
    expect(list).toEqual({
      source: 'en',
      versions: [
        { language: 'fr', upToDate: 0, needsUpdate: 0, untranslated: 0 },
        { language: 'ar', upToDate: 0, needsUpdate: 0, untranslated: 0 },
      ],
    });
    expect(await languages(delegate)).toEqual(list);

    expect((await call('PUT', '/source-language', { language: 'fr' })).status).toBe(409);
    expect((await call('DELETE', '/languages/fr', undefined, rapporteur)).status).toBe(403);
    expect((await call('DELETE', '/languages/es')).status).toBe(404);
    expect((await call('DELETE', '/languages/xx')).status).toBe(400);
    expect((await call('DELETE', '/languages/fr')).status).toBe(204);
    expect((await languages()).versions.map((version) => version.language)).toEqual(['ar']);
  });

  it('sets the source language at creation and while there is no version', async () => {
    const created = await server.api('POST', '/api/documents', { title: 'Textes', sourceLanguage: 'fr' });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { sourceLanguage: string }).sourceLanguage).toBe('fr');
    expect((await call('PUT', '/source-language', { language: 'ar' })).status).toBe(204);
    expect((await languages()).source).toBe('ar');
    expect((await call('POST', '/languages', { language: 'ar' })).status).toBe(400);
  });

  it('keeps a removed version\'s text and brings it back when the language is added again', async () => {
    const source = await connect(documentId, organiserInviteToken);
    startText(source.doc, [block('b1', 'Judges shall be independent.')]);
    await stored(documentId, source.doc);
    await call('POST', '/languages', { language: 'fr' });
    const version = await connect(languageRoomName(documentId, 'fr'), organiserInviteToken);
    translate(version.doc, 'b1', 'Les juges sont indépendants.');
    confirm(version.doc, 'b1', { source: 'Judges shall be independent.', by: 'Test', at: '2026-12-02T00:00:00.000Z' });
    await stored(languageRoomName(documentId, 'fr'), version.doc);
    expect((await call('DELETE', '/languages/fr')).status).toBe(204);
    await waitFor(() => version.closes.length > 0, 'the removed version\'s sockets closed');
    expect(await server.api('POST', `/api/documents/${documentId}/languages`, { language: 'fr' })).toHaveProperty('status', 201);
    expect((await languages()).versions).toEqual([{ language: 'fr', upToDate: 1, needsUpdate: 0, untranslated: 0 }]);
  });
});

describe('translators', () => {
  it('need a language that is a version of the document', async () => {
    expect((await call('POST', '/invites', { role: 'translator', delegation: 'Translators' })).status).toBe(400);
    const noVersion = await call('POST', '/invites', { role: 'translator', delegation: 'Translators', language: 'ar' });
    expect(noVersion.status).toBe(409);
    expect(await noVersion.json()).toEqual({
      error: { code: 'no_language_version', message: 'This document has no Arabic version yet: add it under Languages in the editor first.' },
    });
    expect((await call('POST', '/invites', { role: 'delegate', delegation: 'Egypt', language: 'ar' })).status).toBe(400);
    await call('POST', '/languages', { language: 'ar' });
    const response = await call('POST', '/invites', { role: 'translator', delegation: 'Translators', language: 'ar' });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ role: 'translator', language: 'ar' });
  });

  it('write their own language only: other rooms drop their changes, REST answers 403', async () => {
    const source = await connect(documentId, organiserInviteToken);
    startText(source.doc, [block('b1', 'Judges shall be independent.', 'recommendation')]);
    await stored(documentId, source.doc);
    await call('POST', '/languages', { language: 'ar' });
    await call('POST', '/languages', { language: 'fr' });
    const translator = await invite({ role: 'translator', delegation: 'Translators', language: 'ar' });
    const me = await server.api('GET', '/api/me', undefined, translator);
    expect(await me.json()).toMatchObject({ role: 'translator', language: 'ar' });

    // Its own language: stored and relayed.
    const arabic = await connect(languageRoomName(documentId, 'ar'), translator);
    translate(arabic.doc, 'b1', 'القضاة مستقلون.');
    await stored(languageRoomName(documentId, 'ar'), arabic.doc);

    // Another language, and the source: neither relayed nor stored.
    const frenchWatcher = await connect(languageRoomName(documentId, 'fr'), organiserInviteToken);
    const french = await connect(languageRoomName(documentId, 'fr'), translator);
    translate(french.doc, 'b1', 'Écrit par le traducteur arabe');
    const sourceAsTranslator = await connect(documentId, translator);
    sourceAsTranslator.write('Written by the Arabic translator');
    // A write by the organiser afterwards arrives: the translator's, sent before it, would have arrived first.
    const organiserFrench = await connect(languageRoomName(documentId, 'fr'), organiserInviteToken);
    translate(organiserFrench.doc, 'b1', 'Les juges sont indépendants.');
    await waitFor(() => frenchWatcher.doc.getXmlFragment(blockFragmentName('b1')).length > 0, 'the organiser\'s French arrives');
    const fresh = await connect(languageRoomName(documentId, 'fr'), organiserInviteToken);
    expect(blockWording(yXmlFragmentToProseMirrorRootNode(fresh.doc.getXmlFragment(blockFragmentName('b1')), schema))).toBe(
      'Les juges sont indépendants.',
    );
    const freshSource = await connect(documentId, organiserInviteToken);
    expect(freshSource.text()).not.toContain('Arabic translator');

    // REST: confirming in its own language works; in another, 403.
    expect((await call('POST', '/languages/fr/blocks/b1/confirmation', undefined, translator)).status).toBe(403);
    const confirmed = await call('POST', '/languages/ar/blocks/b1/confirmation', undefined, translator);
    expect(confirmed.status).toBe(201);
    expect(await confirmed.json()).toMatchObject({ blockId: 'b1', language: 'ar', source: 'Judges shall be independent.' });
    expect((await call('POST', '/languages/ar/blocks/nope/confirmation', undefined, translator)).status).toBe(404);
    // A delegate comments on versions but does not write them.
    const delegate = await invite({ role: 'delegate', delegation: 'Jordan' });
    expect((await call('POST', '/languages/ar/blocks/b1/confirmation', undefined, delegate)).status).toBe(403);
    // The confirmation reached the open editor of the Arabic version.
    await waitFor(() => arabic.doc.getMap('confirmations').has('b1'), 'the confirmation is relayed');
    expect((await languages(translator)).versions.find((version) => version.language === 'ar')).toEqual({
      language: 'ar',
      upToDate: 1,
      needsUpdate: 0,
      untranslated: 0,
    });
  });

  it('cannot open a room of a language the document does not have', async () => {
    await call('POST', '/languages', { language: 'ar' });
    const translator = await invite({ role: 'translator', delegation: 'Translators', language: 'ar' });
    const room = (path: string) => `${server.wsUrl}/${path}?token=${translator}`;
    expect(await upgradeStatus(room(languageRoomName(documentId, 'ar')))).toBe(101);
    expect(await upgradeStatus(room(languageRoomName(documentId, 'es')))).toBe(404);
    expect(await upgradeStatus(room(`${documentId}/languages/xx`))).toBe(404);
    expect(await upgradeStatus(room(`${documentId}/extra`))).toBe(404);
  });
});

/** A small deterministic PRNG (mulberry32), so a failing seed can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const textOf = (element: Y.XmlElement) => (element.get(0) as Y.XmlText).toString();

/** Appends `word` to the translation of block `id` (creating its paragraph if there is none yet). */
function appendTranslation(version: Y.Doc, id: string, word: string): void {
  const fragment = version.getXmlFragment(blockFragmentName(id));
  const first = fragment.get(0);
  if (first instanceof Y.XmlElement) {
    const text = first.get(0) as Y.XmlText;
    text.insert(text.length, ` ${word}`);
    return;
  }
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(word)]);
  fragment.insert(0, [paragraph]);
}

async function converged(docs: Y.Doc[], what: string): Promise<void> {
  await waitFor(() => {
    const vectors = docs.map((doc) => Y.encodeStateVector(doc).toString());
    return vectors.every((vector) => vector === vectors[0]);
  }, what, 10_000);
}

describe('alignment follows the source', () => {
  it('adds, removes and moves version blocks with the source', async () => {
    await call('POST', '/languages', { language: 'ar' });
    const source = await connect(documentId, organiserInviteToken);
    const version = await connect(languageRoomName(documentId, 'ar'), organiserInviteToken);
    const fragment = source.doc.getXmlFragment('default');
    startText(source.doc, [block('a', 'First.'), block('b', 'Second.', 'recommendation'), block('c', 'Third.')]);
    translate(version.doc, 'a', 'الأول.');
    translate(version.doc, 'b', 'الثاني.');
    translate(version.doc, 'c', 'الثالث.');
    expect(rowsOf(source.doc, version.doc).map((row) => [row.id, row.translation])).toEqual([
      ['a', 'الأول.'],
      ['b', 'الثاني.'],
      ['c', 'الثالث.'],
    ]);
    // Added between a and b: untranslated, at the same place.
    fragment.insert(1, [block('new', 'Inserted.')]);
    // c moves to the top (a move is a delete and an insert of the same block, id included).
    source.doc.transact(() => {
      fragment.delete(3, 1);
      fragment.insert(0, [block('c', 'Third.')]);
    });
    // b is removed.
    fragment.delete(3, 1);
    const rows = rowsOf(source.doc, version.doc);
    expect(rows.map((row) => [row.id, row.translation, row.status])).toEqual([
      ['c', 'الثالث.', 'untranslated'],
      ['a', 'الأول.', 'untranslated'],
      ['new', '', 'untranslated'],
    ]);
    // The server reads the same alignment from what it stored; b's translation is kept for a restore of b.
    await stored(documentId, source.doc);
    await stored(languageRoomName(documentId, 'ar'), version.doc);
    expect((await languages()).versions[0]).toEqual({ language: 'ar', upToDate: 0, needsUpdate: 0, untranslated: 3 });
    fragment.push([block('b', 'Second.', 'recommendation')]);
    expect(rowsOf(source.doc, version.doc).at(-1)).toMatchObject({ id: 'b', translation: 'الثاني.' });
  });

  it('gives ids to blocks written before every block had one when a version is added', async () => {
    const source = await connect(documentId, organiserInviteToken);
    const legacy = new Y.XmlElement('heading');
    legacy.setAttribute('level', '2');
    legacy.insert(0, [new Y.XmlText('Chapter')]);
    startText(source.doc, [legacy, block('dup', 'One.'), block('dup', 'Copy.')]);
    await stored(documentId, source.doc);
    await call('POST', '/languages', { language: 'fr' });
    await waitFor(() => source.doc.getXmlFragment('default').toArray().every((node) => (node as Y.XmlElement).getAttribute('id')), 'ids given');
    const ids = source.doc.getXmlFragment('default').toArray().map((node) => (node as Y.XmlElement).getAttribute('id'));
    expect(new Set(ids).size).toBe(3);
    expect(ids[1]).toBe('dup');
    expect((await languages()).versions[0]).toMatchObject({ untranslated: 3 });
  });

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`converges with concurrent and offline edits of the source and the version (seed ${seed})`, async () => {
      await call('POST', '/languages', { language: 'ar' });
      const translatorToken = await invite({ role: 'translator', delegation: 'Translators', language: 'ar' });
      const rapporteurToken = await invite({ role: 'rapporteur', delegation: 'Chair' });
      const sources = [await connect(documentId, organiserInviteToken), await connect(documentId, rapporteurToken)];
      const room = languageRoomName(documentId, 'ar');
      const versions = [await connect(room, translatorToken), await connect(room, rapporteurToken)];
      startText(sources[0]!.doc, Array.from({ length: 5 }, (_, index) => block(`s${index}`, `Block ${index}.`)));
      await converged(sources.map((client) => client.doc), 'initial source');

      const next = random(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      const written = new Map<string, string[]>();
      let counter = 0;
      for (let step = 0; step < 60; step++) {
        const roll = next();
        const all = [...sources, ...versions];
        if (roll < 0.1) {
          const client = pick(all);
          if (client.provider.wsconnected || client.provider.wsconnecting) client.provider.disconnect();
          else client.provider.connect();
          continue;
        }
        if (roll < 0.55) {
          const fragment = pick(sources).doc.getXmlFragment('default');
          const blocks = fragment.toArray() as Y.XmlElement[];
          const kind = next();
          if (kind < 0.3 || blocks.length < 2) {
            fragment.insert(Math.floor(next() * (blocks.length + 1)), [block(`n${seed}-${counter++}`, `New ${counter}.`)]);
          } else if (kind < 0.5) {
            fragment.delete(Math.floor(next() * blocks.length), 1);
          } else if (kind < 0.8) {
            const from = Math.floor(next() * blocks.length);
            const moved = blocks[from]!;
            const copy = block(moved.getAttribute('id') as string, textOf(moved));
            fragment.doc!.transact(() => {
              fragment.delete(from, 1);
              fragment.insert(Math.floor(next() * blocks.length), [copy]);
            });
          } else {
            const text = pick(blocks).get(0) as Y.XmlText;
            text.insert(text.length, ` edit${counter++}`);
          }
        } else {
          const sourceBlocksNow = sources[0]!.doc.getXmlFragment('default').toArray() as Y.XmlElement[];
          if (sourceBlocksNow.length === 0) continue;
          const target = pick(sourceBlocksNow);
          const id = target.getAttribute('id') as string;
          const version = pick(versions).doc;
          if (next() < 0.8) {
            const word = `w${counter++}`;
            appendTranslation(version, id, word);
            written.set(id, [...(written.get(id) ?? []), word]);
          } else {
            confirm(version, id, { source: textOf(target), by: 'Seeded', at: new Date(0).toISOString() });
          }
        }
        if (next() < 0.3) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      for (const client of [...sources, ...versions]) if (!client.provider.wsconnected && !client.provider.wsconnecting) client.provider.connect();
      await converged(sources.map((client) => client.doc), 'the source replicas');
      await converged(versions.map((client) => client.doc), 'the version replicas');
      await stored(documentId, sources[0]!.doc);
      await stored(room, versions[0]!.doc);

      const views = sources.flatMap((source) => versions.map((version) => rowsOf(source.doc, version.doc)));
      for (const view of views) expect(view).toEqual(views[0]);
      const rows = views[0]!;
      // One row per source block, in the source's order; no translated word lost, whatever moved where.
      const sourceIds = (sources[0]!.doc.getXmlFragment('default').toArray() as Y.XmlElement[]).map((node) => node.getAttribute('id'));
      const firstOccurrences = sourceIds.map((id, index) => (sourceIds.indexOf(id) === index ? id : null));
      expect(rows.map((row) => row.id)).toEqual(firstOccurrences);
      for (const row of rows) {
        for (const word of row.id ? (written.get(row.id) ?? []) : []) expect(row.translation.split(/\s+/)).toContain(word);
      }
      expect((await languages()).versions[0]).toEqual({ language: 'ar', ...countStatuses(rows) });
    });
  }
});

describe('statuses', () => {
  it('survive a restart: needs update is computed from the stored confirmation', async () => {
    const dataDir = server.dataDir;
    await call('POST', '/languages', { language: 'ar' });
    const source = await connect(documentId, organiserInviteToken);
    const version = await connect(languageRoomName(documentId, 'ar'), organiserInviteToken);
    startText(source.doc, [block('r1', 'Courts shall publish decisions.', 'recommendation'), block('r2', 'Judges shall be trained.', 'recommendation'), block('r3', 'Review yearly.', 'recommendation')]);
    translate(version.doc, 'r1', 'تنشر المحاكم قراراتها.');
    translate(version.doc, 'r2', 'يتلقى القضاة التدريب.');
    await stored(documentId, source.doc);
    await stored(languageRoomName(documentId, 'ar'), version.doc);
    for (const id of ['r1', 'r2']) expect((await call('POST', `/languages/ar/blocks/${id}/confirmation`)).status).toBe(201);
    const r2 = (source.doc.getXmlFragment('default').get(1) as Y.XmlElement).get(0) as Y.XmlElement;
    (r2.get(0) as Y.XmlText).insert('Judges shall be'.length, ' regularly');
    await stored(documentId, source.doc);
    const expected = { language: 'ar', upToDate: 1, needsUpdate: 1, untranslated: 1 };
    expect((await languages()).versions[0]).toEqual(expected);

    for (const client of clients.splice(0)) client.destroy();
    await server.close();
    server = await startTestServer({ dataDir });
    expect((await languages()).versions[0]).toEqual(expected);
    const reopened = await connect(languageRoomName(documentId, 'ar'), organiserInviteToken);
    expect(reopened.doc.getMap('confirmations').get('r2')).toMatchObject({ source: 'Judges shall be trained.' });
  });
});

describe('freezing', () => {
  it('freezes every version: a version takes no writes and no confirmations until unfrozen', async () => {
    await call('POST', '/languages', { language: 'ar' });
    const source = await connect(documentId, organiserInviteToken);
    startText(source.doc, [block('b1', 'Judges shall be independent.', 'recommendation')]);
    await stored(documentId, source.doc);
    const translator = await invite({ role: 'translator', delegation: 'Translators', language: 'ar' });
    const arabicRoom = languageRoomName(documentId, 'ar');
    const before = await connect(arabicRoom, translator);
    translate(before.doc, 'b1', 'القضاة مستقلون.');
    await stored(arabicRoom, before.doc);
    before.destroy();

    expect((await call('POST', '/freeze', { frozen: true })).ok).toBe(true);
    const writer = await connect(arabicRoom, translator);
    translate(writer.doc, 'b1', 'نص بعد التجميد');
    expect((await call('POST', '/languages/ar/blocks/b1/confirmation', undefined, translator)).status).toBe(403);
    expect((await call('POST', '/languages/ar/blocks/b1/confirmation')).status).toBe(403);
    // A refused write leaves nothing to wait for: give it the time a relayed one takes, then look.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const probe = await connect(arabicRoom, organiserInviteToken);
    const wording = (doc: Y.Doc) => blockWording(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(blockFragmentName('b1')), schema));
    expect(wording(probe.doc)).toBe('القضاة مستقلون.');

    // Unfrozen, the writer's socket reconnects and its edit, sent again, is accepted.
    expect((await call('POST', '/freeze', { frozen: false })).ok).toBe(true);
    await waitFor(async () => {
      const fresh = await connectClient(server.wsUrl, arabicRoom, organiserInviteToken);
      try {
        return wording(fresh.doc).includes('نص بعد التجميد');
      } finally {
        fresh.destroy();
      }
    }, 'the edit accepted after unfreezing');
    expect((await call('POST', '/languages/ar/blocks/b1/confirmation', undefined, translator)).status).toBe(201);
  });
});

describe('statuses on the live channel', () => {
  it('reach every member as they change: versions added, blocks written, confirmed, changed in the source', async () => {
    const delegate = await invite({ role: 'delegate', delegation: 'Lebanon' });
    const stream = await openEventStream(`${server.url}/api/documents/${documentId}/events`, { authorization: `Bearer ${delegate}` });
    try {
      const counts = (what: string, versions: LanguageList['versions']) =>
        stream.next(
          ({ event, data }) => (event === 'languages' || event === 'languages-changed') && isDeepStrictEqual(data, { source: 'en', versions }),
          what,
          3000,
        );
      expect((await counts('the snapshot', [])).event).toBe('languages');

      await call('POST', '/languages', { language: 'ar' });
      expect((await counts('the version added', [{ language: 'ar', upToDate: 0, needsUpdate: 0, untranslated: 0 }])).event).toBe('languages-changed');

      const source = await connect(documentId, organiserInviteToken);
      startText(source.doc, [block('r1', 'Courts shall publish decisions.', 'recommendation'), block('r2', 'Judges shall be trained.', 'recommendation')]);
      await counts('two untranslated blocks', [{ language: 'ar', upToDate: 0, needsUpdate: 0, untranslated: 2 }]);

      const version = await connect(languageRoomName(documentId, 'ar'), organiserInviteToken);
      version.doc.transact(() => {
        translate(version.doc, 'r1', 'تنشر المحاكم قراراتها.');
        confirm(version.doc, 'r1', { source: 'Courts shall publish decisions.', by: 'Nour', at: new Date().toISOString() });
      });
      await counts('one confirmed', [{ language: 'ar', upToDate: 1, needsUpdate: 0, untranslated: 1 }]);

      const paragraph = (source.doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert('Courts shall'.length, ' promptly');
      await counts('the source changed under it', [{ language: 'ar', upToDate: 0, needsUpdate: 1, untranslated: 1 }]);
    } finally {
      stream.close();
    }
  });
});

describe('history of language versions', () => {
  it('snapshots hold every version; compare works per language; restore brings the versions back', async () => {
    await call('POST', '/languages', { language: 'ar' });
    const source = await connect(documentId, organiserInviteToken);
    const version = await connect(languageRoomName(documentId, 'ar'), organiserInviteToken);
    startText(source.doc, [block('r1', 'Courts shall publish decisions.', 'recommendation'), block('r2', 'Judges shall be trained.', 'recommendation')]);
    version.doc.transact(() => {
      translate(version.doc, 'r1', 'تنشر المحاكم قراراتها.');
      confirm(version.doc, 'r1', { source: 'Courts shall publish decisions.', by: 'Nour', at: '2026-12-02T08:00:00.000Z' });
    });
    await stored(documentId, source.doc);
    await stored(languageRoomName(documentId, 'ar'), version.doc);
    const named = await call('POST', '/versions', { name: 'Before the evening session' });
    expect(named.status).toBe(201);
    const { id } = (await named.json()) as { id: string };

    // After the snapshot: r1 retranslated, r2 translated and confirmed, a third recommendation in the source.
    version.doc.transact(() => {
      translate(version.doc, 'r1', 'تنشر المحاكم جميع قراراتها.');
      translate(version.doc, 'r2', 'يتلقى القضاة التدريب.');
      confirm(version.doc, 'r2', { source: 'Judges shall be trained.', by: 'Nour', at: '2026-12-02T09:00:00.000Z' });
    });
    source.doc.getXmlFragment('default').push([block('r3', 'Review yearly.', 'recommendation')]);
    await stored(documentId, source.doc);
    await stored(languageRoomName(documentId, 'ar'), version.doc);

    // The snapshot's Arabic text, aligned on the source as it was then.
    const content = await call('GET', `/versions/${id}?language=ar`);
    expect(content.status).toBe(200);
    const text = JSON.stringify(await content.json());
    expect(text).toContain('تنشر المحاكم قراراتها.');
    expect(text).not.toContain('يتلقى القضاة');
    expect((await call('GET', `/versions/${id}?language=fr`)).status).toBe(404);
    expect((await call('GET', `/versions/${id}?language=xx`)).status).toBe(400);

    // Compared in Arabic: the word added to r1 and r2's translation; in English, recommendation 3.
    const arabic = (await (await call('GET', `/compare?from=${id}&to=current&language=ar`)).json()) as { blocks: { change: string; segments: { op: string; text: string }[] }[] };
    const added = arabic.blocks.flatMap((diff) => diff.segments.filter((segment) => segment.op === 'added').map((segment) => segment.text)).join(' ');
    expect(added).toContain('جميع');
    expect(added).toContain('يتلقى القضاة التدريب.');
    expect(added).not.toContain('Review');
    const english = JSON.stringify(await (await call('GET', `/compare?from=${id}&to=current`)).json());
    expect(english).toContain('Review yearly.');
    expect(english).not.toContain('جميع');

    // Restore: the source and the Arabic version as they were, confirmations included, in the open editors too.
    expect((await call('POST', `/versions/${id}/restore`)).status).toBe(200);
    await waitFor(() => rowsOf(source.doc, version.doc).length === 2 || undefined, 'the source restored');
    await waitFor(() => rowsOf(source.doc, version.doc)[0]!.translation === 'تنشر المحاكم قراراتها.' || undefined, 'r1 restored');
    expect(rowsOf(source.doc, version.doc)).toEqual([
      { id: 'r1', source: 'Courts shall publish decisions.', translation: 'تنشر المحاكم قراراتها.', status: 'upToDate' },
      { id: 'r2', source: 'Judges shall be trained.', translation: '', status: 'untranslated' },
    ]);
    expect(version.doc.getMap('confirmations').has('r2')).toBe(false);
    // What was there before the restore is a snapshot of its own, Arabic included.
    const versions = (await (await call('GET', '/versions')).json()) as { versions: { id: string; kind: string }[] };
    const before = versions.versions.find((entry) => entry.kind === 'restore')!;
    expect(JSON.stringify(await (await call('GET', `/versions/${before.id}?language=ar`)).json())).toContain('يتلقى القضاة التدريب.');
  });
});

describe('exports of language versions', () => {
  it('exports a version, a parallel text, and says how incomplete a final translation is', async () => {
    await call('POST', '/languages', { language: 'ar' });
    const source = await connect(documentId, organiserInviteToken);
    const version = await connect(languageRoomName(documentId, 'ar'), organiserInviteToken);
    startText(source.doc, [
      block('r1', 'Courts shall publish decisions.', 'recommendation'),
      block('r2', 'Judges shall be trained.', 'recommendation'),
      block('r3', 'Review yearly.', 'recommendation'),
      block('p4', 'Done in Amman.'),
    ]);
    translate(version.doc, 'r1', 'تنشر المحاكم قراراتها.');
    translate(version.doc, 'r2', 'يتلقى القضاة التدريب.');
    translate(version.doc, 'p4', 'حرر في عمّان.');
    await stored(documentId, source.doc);
    await stored(languageRoomName(documentId, 'ar'), version.doc);
    await call('POST', '/languages/ar/blocks/r1/confirmation');
    const exported = (query: string) => call('GET', `/export?${query}`);

    // What lags behind, block by block, for every member: r1 confirmed, r2 translated but not confirmed, r3 untranslated.
    const observer = await invite({ role: 'observer', delegation: 'Press' });
    const listed = await call('GET', '/languages/ar/blocks', undefined, observer);
    expect(listed.status).toBe(200);
    expect(((await listed.json()) as { blocks: unknown[] }).blocks).toEqual([
      { blockId: 'r1', recommendation: { base: 1, suffix: 0 }, excerpt: 'Courts shall publish decisions.', status: 'upToDate' },
      { blockId: 'r2', recommendation: { base: 2, suffix: 0 }, excerpt: 'Judges shall be trained.', status: 'untranslated' },
      { blockId: 'r3', recommendation: { base: 3, suffix: 0 }, excerpt: 'Review yearly.', status: 'untranslated' },
      { blockId: 'p4', recommendation: null, excerpt: 'Done in Amman.', status: 'untranslated' },
    ]);
    expect((await call('GET', '/languages/fr/blocks')).status).toBe(404);
    expect((await call('GET', '/languages/xx/blocks')).status).toBe(400);

    // The source, as before, labels in its language; no header.
    const english = await exported('format=md');
    expect(english.headers.get('accord-translation-incomplete')).toBeNull();
    expect(await english.text()).toContain('Recommendation 2');

    // The Arabic version: its own words, the source's numbers, Arabic labels unless lang says otherwise.
    const arabic = await exported('format=md&text=ar');
    expect(arabic.status).toBe(200);
    // r2 and p4 are translated but not confirmed, r3 untranslated: three blocks lag behind the source.
    expect(arabic.headers.get('accord-translation-incomplete')).toBe('3');
    const arabicText = await arabic.text();
    expect(arabicText).toContain('تنشر المحاكم قراراتها.');
    expect(arabicText).toContain('التوصية 2');
    expect(arabicText).toContain('لم يُترجم');
    // A paragraph's translation takes the paragraph's place.
    expect(arabicText).toContain('حرر في عمّان.');
    expect(await (await exported('format=md&text=ar&lang=en')).text()).toContain('Recommendation 3');
    expect((await exported('format=md&text=ar&kind=review')).headers.get('accord-translation-incomplete')).toBeNull();

    // Parallel: an HTML table, one row per block, the Arabic cell right-to-left.
    const parallel = await exported('format=html&text=en,ar');
    expect(parallel.headers.get('accord-translation-incomplete')).toBe('3');
    const html = await parallel.text();
    expect(html).toContain('<table class="parallel">');
    const firstRow = html.slice(html.indexOf('<tbody>'), html.indexOf('</tr>', html.indexOf('<tbody>')));
    expect(firstRow).toContain('Courts shall publish decisions.');
    expect(firstRow).toMatch(/<td lang="ar" dir="rtl">.*تنشر المحاكم قراراتها\./s);
    // Markdown: the blocks one after the other, language by language.
    const markdown = await (await exported('format=md&text=en,ar')).text();
    expect(markdown.indexOf('Courts shall publish')).toBeLessThan(markdown.indexOf('تنشر المحاكم'));
    expect(markdown.indexOf('تنشر المحاكم')).toBeLessThan(markdown.indexOf('Judges shall be trained'));
    // The source's column comes first whatever the order asked.
    const reversed = await (await exported('format=html&text=ar,en')).text();
    expect(reversed.indexOf('<th lang="en"')).toBeLessThan(reversed.indexOf('<th lang="ar"'));

    // DOCX: a two-column table per block, after a table of the column headings; the Arabic cell right-to-left.
    const docx = await JSZip.loadAsync(await (await exported('format=docx&text=en,ar')).arrayBuffer());
    const xml = await docx.file('word/document.xml')!.async('string');
    const tables = xml.match(/<w:tbl>.*?<\/w:tbl>/gs) ?? [];
    expect(tables).toHaveLength(5);
    const cells = (table: string) => table.match(/<w:tc>.*?<\/w:tc>/gs) ?? [];
    expect(cells(tables[1]!)).toHaveLength(2);
    const [englishCell, arabicCell] = cells(tables[1]!);
    expect(englishCell).toContain('Courts shall publish decisions.');
    expect(englishCell).not.toContain('<w:bidi/>');
    expect(arabicCell).toContain('تنشر المحاكم قراراتها.');
    expect(arabicCell).toContain('<w:bidi/>');
    expect(arabicCell).toContain('<w:rtl/>');
    expect(cells(tables[3]!)[1]).toContain('لم يُترجم');

    // PDF: each block's languages side by side on one line of the page, the Arabic words in reading order.
    const pdfFile = path.join(os.tmpdir(), `parallel-${documentId}.pdf`);
    fs.writeFileSync(pdfFile, Buffer.from(await (await exported('format=pdf&text=en,ar')).arrayBuffer()));
    const layout = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
    fs.rmSync(pdfFile);
    const line = (words: string) => layout.split('\n').find((candidate) => candidate.includes(words));
    expect(line('Courts shall publish decisions.')).toContain('تنشر المحاكم قراراتها');
    expect(line('Judges shall be trained.')).toContain('يتلقى القضاة التدريب');
    expect(line('Recommendation 3')).toContain('التوصية');

    expect((await exported('format=md&text=fr')).status).toBe(404);
    expect((await exported('format=md&text=en,en')).status).toBe(400);
    expect((await exported('format=md&text=en,ar,fr,es')).status).toBe(400);
    expect((await exported('format=md&text=de')).status).toBe(400);
  });
});
