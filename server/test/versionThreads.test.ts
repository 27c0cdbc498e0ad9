import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Thread } from '../../shared/api/threads.ts';
import { encodeThreadAnchor } from '../../shared/editor/threadAnchorEncoding.ts';
import { blockFragmentName, languageRoomName } from '../../shared/protocol/languageRooms.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { openEventStream } from './helpers/eventStream.ts';
import { expectError, expectJson } from './helpers/responses.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
const clients: CollabClient[] = [];
const tokens = { translatorAr: '', delegateLebanon: '', delegateJordan: '', observer: '' };

const call = (method: string, pathname: string, body?: unknown, token?: string) =>
  server.api(method, `/api/documents/${documentId}${pathname}`, body, token);

/** Anchors around the first `length` characters of the translation of block `blockId`, as the side-by-side view makes them. */
function versionAnchors(version: Y.Doc, blockId: string, length: number): { anchorStart: string; anchorEnd: string } {
  const paragraph = version.getXmlFragment(blockFragmentName(blockId)).get(0) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  return {
    anchorStart: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 0, 0)),
    anchorEnd: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, length, -1)),
  };
}

function writeBlock(fragment: Y.XmlFragment, text: string, id?: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  if (id) paragraph.setAttribute('id', id);
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.doc!.transact(() => {
    fragment.delete(0, fragment.length);
    fragment.insert(0, [paragraph]);
  });
}

let arabic: Y.Doc;
let source: Y.Doc;

async function invite(body: object): Promise<string> {
  return (await expectJson<{ token: string }>(await call('POST', '/invites', body), 201)).token;
}

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Recommendations');
  const organiser = await invite({ role: 'organiser', delegation: 'Secretariat' });
  expect((await call('POST', '/languages', { language: 'ar' })).status).toBe(201);
  expect((await call('POST', '/languages', { language: 'fr' })).status).toBe(201);
  tokens.translatorAr = await invite({ role: 'translator', delegation: 'Translators', language: 'ar' });
  tokens.delegateLebanon = await invite({ role: 'delegate', delegation: 'Lebanon' });
  tokens.delegateJordan = await invite({ role: 'delegate', delegation: 'Jordan' });
  tokens.observer = await invite({ role: 'observer', delegation: 'Press' });
  const sourceClient = await connectClient(server.wsUrl, documentId, organiser);
  const arabicClient = await connectClient(server.wsUrl, languageRoomName(documentId, 'ar'), organiser);
  clients.push(sourceClient, arabicClient);
  source = sourceClient.doc;
  arabic = arabicClient.doc;
  writeBlock(source.getXmlFragment('default'), 'Judges shall be independent.', 'b1');
  writeBlock(arabic.getXmlFragment(blockFragmentName('b1')), 'القضاة مستقلون.');
  await waitFor(async () => {
    const probe = await connectClient(server.wsUrl, languageRoomName(documentId, 'ar'), organiser);
    const stored = probe.doc.getXmlFragment(blockFragmentName('b1')).length > 0;
    probe.destroy();
    return stored;
  }, 'the Arabic translation stored');
});

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server.close();
});

const onVersion = (body: string, extra: object = {}) => ({
  ...versionAnchors(arabic, 'b1', 6),
  quote: 'القضاة',
  visibility: 'everyone',
  body,
  language: 'ar',
  blockId: 'b1',
  ...extra,
});

describe('comment threads on a language version', () => {
  it('are opened by anyone who may comment, on any version, and carry the version and block', async () => {
    const events = await openEventStream(`${server.url}/api/documents/${documentId}/events`, { authorization: `Bearer ${tokens.observer}` });
    try {
      // A translator of Arabic comments on the Arabic text, and on the source (any text, not only its own).
      const byTranslator = await expectJson<Thread>(await call('POST', '/threads', onVersion('Is this the usual term?'), tokens.translatorAr), 201);
      expect(byTranslator).toMatchObject({ language: 'ar', blockId: 'b1', quote: 'القضاة' });
      const sourceAnchors = (() => {
        const text = (source.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText;
        return {
          anchorStart: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 0, 0)),
          anchorEnd: encodeThreadAnchor(Y.createRelativePositionFromTypeIndex(text, 6, -1)),
        };
      })();
      const onSource = await expectJson<Thread>(
        await call('POST', '/threads', { ...sourceAnchors, quote: 'Judges', visibility: 'everyone', body: 'Which judges?' }, tokens.translatorAr),
        201,
      );
      expect(onSource).toMatchObject({ language: null, blockId: null });
      // A delegate comments on a version it cannot write.
      await expectJson<Thread>(await call('POST', '/threads', onVersion('Nous préférons « juges ».'), tokens.delegateLebanon), 201);
      // An observer reads but does not comment, on a version as on the source.
      await expectError(await call('POST', '/threads', onVersion('Observer'), tokens.observer), 403, 'forbidden');
      // The live channel carries the thread with its version.
      const live = await events.next((event) => event.event === 'thread' && (event.data as Thread).id === byTranslator.id, 'the thread live');
      expect(live.data).toMatchObject({ language: 'ar', blockId: 'b1' });
    } finally {
      events.close();
    }
  });

  it('refuse a language that is not a version, and a language without its block', async () => {
    await expectError(await call('POST', '/threads', onVersion('Spanish?', { language: 'es' })), 404, 'not_found');
    await expectError(await call('POST', '/threads', onVersion('Source language?', { language: 'en' })), 404, 'not_found');
    const { blockId: _blockId, ...withoutBlock } = onVersion('No block');
    await expectError(await call('POST', '/threads', withoutBlock), 400, 'bad_request');
    await expectError(await call('POST', '/threads', { ...onVersion('No language'), language: undefined }), 400, 'bad_request');
    await expectError(await call('POST', '/threads', onVersion('German', { language: 'de' })), 400, 'bad_request');
  });

  it('follow the same visibility rules as on the source', async () => {
    const restricted = await expectJson<Thread>(await call('POST', '/threads', onVersion('Lebanon only', { visibility: 'delegation' }), tokens.delegateLebanon), 201);
    const listFor = async (token: string) => (await expectJson<{ threads: Thread[] }>(await call('GET', '/threads', undefined, token), 200)).threads;
    expect((await listFor(tokens.delegateJordan)).map((thread) => thread.id)).not.toContain(restricted.id);
    expect((await listFor(tokens.translatorAr)).map((thread) => thread.id)).not.toContain(restricted.id);
    expect((await listFor(tokens.delegateLebanon)).map((thread) => thread.id)).toContain(restricted.id);
    await expectError(await server.api('GET', `/api/threads/${restricted.id}`, undefined, tokens.delegateJordan), 404, 'not_found');
  });

  it('are exported with the annex of their own text only', async () => {
    const exported = async (query: string) => (await call('GET', `/export?format=md&kind=annex&${query}`, undefined, ORGANISER_TOKEN)).text();
    const english = await exported('');
    expect(english).toContain('Which judges?');
    expect(english).not.toContain('Is this the usual term?');
    const arabicAnnex = await exported('text=ar');
    expect(arabicAnnex).toContain('Is this the usual term?');
    expect(arabicAnnex).toContain('Nous préférons « juges ».');
    expect(arabicAnnex).not.toContain('Which judges?');
    // Nothing was said on the French text.
    expect(await exported('text=fr')).not.toContain('Is this the usual term?');
    // A parallel text's annex holds the threads of each of its texts.
    const parallel = await exported('text=en,ar');
    expect(parallel).toContain('Which judges?');
    expect(parallel).toContain('Is this the usual term?');
  });
});
