import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { LANGUAGE_CODES, type LanguageCode } from '../../shared/domain/languages.ts';
import { DEMO_CONTENT, DEMO_TITLE } from '../src/infrastructure/demo/demoContent.ts';
import { editorSchema } from '../src/infrastructure/editorKit/editorSchema.ts';
import type { Publication } from '../src/services/export/exportModel.ts';
import { createExportRenderer } from '../src/services/export/renderExport.ts';
import { DEMO_CONSENSUS, EXPORT_FIXTURE } from './exportFixture.ts';
import { connectClient } from './helpers/collabClient.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

const SCHEMA = path.join(import.meta.dirname, 'fixtures/akn/akomantoso30.xsd');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-akn-'));

const PUBLICATION: Publication = {
  documentId: 'c0ffee-document',
  metadata: { eventName: 'CT JUST regional workshop', place: 'Málaga', startDate: '2024-11-04', endDate: '2024-11-06', organisation: 'CT JUST', shortTitle: null },
  version: { kind: 'named', name: 'Second reading', at: '2024-11-05T15:30:00.000Z' },
  adoptedAt: null,
};
const mark = (type: string, attrs: object) => ({ type, attrs });
const proposal = (type: 'insertion' | 'deletion', id: string) =>
  mark(type, { id, author: 'Ana', delegation: 'Spain', color: '#1d4ed8', time: '2026-12-01T10:00:00.000Z' });
/** What the demo lacks: proposals, brackets, a quote, an ordered list from 3, a break, and text no XML may hold. */
const NEGOTIATED: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'recommendation',
      attrs: { id: 'rec/with spaces&<odd>' },
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'States shall ' },
            { type: 'text', text: 'promptly ', marks: [proposal('insertion', 'p-1')] },
            { type: 'text', text: 'reduce ' },
            { type: 'text', text: 'all ', marks: [proposal('deletion', 'p-2')] },
            { type: 'text', text: 'emissions', marks: [mark('bracket', { id: 'b-1', delegation: 'Kenya', time: '2026-12-01T10:00:00.000Z' })] },
            { type: 'hardBreak' },
            { type: 'text', text: 'Control \u0001 characters ]]> & <tags>.' },
          ],
        },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'third' }] }] }] },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'A quoted line.' }] }] },
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'A deep heading first' }] },
    { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'An empty part' }] },
  ],
};

const render = createExportRenderer();
const stateOf = (content: JSONContent) => Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), content, 'default'));

async function akn(content: JSONContent, language: LanguageCode, review = false): Promise<string> {
  const file = await render({
    title: DEMO_TITLE,
    state: stateOf(content),
    format: 'akn',
    language,
    texts: [{ language, labelLanguage: language }],
    annex: undefined,
    consensus: DEMO_CONSENSUS,
    publication: PUBLICATION,
    ...(review ? { review: [] } : {}),
  });
  expect(file.contentType).toBe('application/akn+xml');
  expect(file.extension).toBe('xml');
  return file.body.toString('utf8');
}

/** xmllint's verdict on `xml` against the official schema: "validates", or its errors. */
function validate(xml: string, name: string): string {
  const file = path.join(folder, `${name}.xml`);
  fs.writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', stdio: 'pipe' });
    return 'validates';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  }
}

afterAll(() => fs.rmSync(folder, { recursive: true }));

describe('Akoma Ntoso export', () => {
  it('validates against the official OASIS schema: the demo, every language, clean and review, and odd text', async () => {
    for (const language of LANGUAGE_CODES) {
      for (const [name, content] of [['demo', DEMO_CONTENT], ['fixture', EXPORT_FIXTURE], ['negotiated', NEGOTIATED]] as const) {
        for (const review of [false, true]) {
          expect(validate(await akn(content, language, review), `${name}-${language}-${review}`), `${name} ${language} review=${review}`).toBe('validates');
        }
      }
    }
  });

  it('identifies the work, the expression in its language and the manifestation (FRBR)', async () => {
    const xml = await akn(DEMO_CONTENT, 'fr');
    expect(xml).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="recommendations">');
    expect(xml).toContain('<FRBRWork><FRBRthis value="/akn/int/doc/recommendations/2024-11-04/c0ffee-document/!main"/>');
    expect(xml).toContain('<FRBRuri value="/akn/int/doc/recommendations/2024-11-04/c0ffee-document/fra@2024-11-05"/>');
    expect(xml).toContain('<FRBRlanguage language="fra"/>');
    expect(xml).toContain('<FRBRManifestation><FRBRthis value="/akn/int/doc/recommendations/2024-11-04/c0ffee-document/fra@2024-11-05/!main.xml"/>');
    expect(xml).toContain('<TLCOrganization eId="organisation" href="/ontology/organization/ct-just" showAs="CT JUST"/>');
    expect(xml).toContain('<p class="title"><docTitle>Draft recommendations — Managing migration flows and foreign terrorist fighters</docTitle></p>');
    expect(xml).toMatch(/<p class="event">CT JUST regional workshop · Málaga · 4[^<]*6 novembre 2024<\/p>/);
    expect(xml).toContain('<docStatus>Projet</docStatus>');
  });

  it('nests recommendations under their headings, with num, reservations as notes and eIds from their stable ids', async () => {
    const xml = await akn(DEMO_CONTENT, 'en');
    expect(xml).toContain('<section eId="sec_2"><heading>1. Identification and screening</heading><paragraph eId="para_demo-rec-screening"><num>Recommendation 1</num><content><p>Screening at the points');
    expect(xml).toContain(
      '<paragraph eId="para_demo-rec-biometrics"><num>Recommendation 3<authorialNote marker="1" placement="bottom" eId="fnt_1"><p>Spain: pending consultation with capital</p></authorialNote><authorialNote marker="2" placement="bottom" eId="fnt_2"><p>Morocco: reservation</p></authorialNote></num>',
    );
    // The same eIds in another language and another version of the text.
    const arabic = await akn({ ...DEMO_CONTENT, content: DEMO_CONTENT.content!.slice(2) }, 'ar');
    expect(arabic).toContain('<paragraph eId="para_demo-rec-screening"><num>التوصية 1</num>');
    expect(arabic).toContain('<paragraph eId="para_demo-rec-evidence"><num>التوصية 6</num><content><p>تعزيز التعاون القضائي في مجال تبادل الأدلة الرقمية');
  });

  it('keeps bracketed text in brackets, marks it, and shows proposals as ins/del only in the review copy', async () => {
    const clean = await akn(NEGOTIATED, 'en');
    expect(clean).toContain('<p>States shall reduce all [<inline name="bracketed">emissions</inline>]<br/>Control  characters ]]&gt; &amp; &lt;tags&gt;.</p>');
    expect(clean).toContain('<paragraph eId="para_rec-with-spaces--odd-">');
    const review = await akn(NEGOTIATED, 'en', true);
    expect(review).toContain('<p>States shall <ins>promptly </ins>reduce <del>all </del>[<inline name="bracketed">emissions</inline>]');
    expect(clean).toContain('<blockContainer class="quote"><p>A quoted line.</p></blockContainer>');
    expect(clean).toContain('<ol><li value="3"><p>third</p></li></ol>');
    // A section opened by a heading holds what follows it; one with nothing after its heading is still valid.
    expect(clean).toContain('<section eId="sec_2"><heading>An empty part</heading></section>');
  });
});

describe('GET /api/documents/:id/export?format=akn', () => {
  let server: TestServer;
  let documentId: string;

  beforeAll(async () => {
    server = await startTestServer();
    documentId = await server.createDocument('Recommandations — projet');
    const client = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
    client.replaceContent(DEMO_CONTENT);
    await waitFor(async () => (await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text()).includes('non-refoulement'), 'the demo stored');
    client.destroy();
  });

  afterAll(async () => {
    await server.close();
  });

  it('downloads a valid Akoma Ntoso file for any member', async () => {
    const observer = (await server.invite(documentId, 'observer', 'Observers')).token;
    const response = await server.api('GET', `/api/documents/${documentId}/export?format=akn&lang=fr`, undefined, observer);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/akn+xml');
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''Recommandations%20%E2%80%94%20projet.xml");
    const xml = await response.text();
    expect(xml).toContain(`/akn/int/doc/recommendations/`);
    // The text is the English source; `lang` only gives the words around it.
    expect(xml).toContain(`/${documentId}/eng@`);
    expect(xml).toContain('<num>Recommandation 1</num>');
    expect(validate(xml, 'downloaded')).toBe('validates');
  });

  it('refuses an annex or a parallel text in Akoma Ntoso with a clear 400', async () => {
    for (const query of ['format=akn&kind=annex', 'format=akn&text=en,fr']) {
      const response = await server.api('GET', `/api/documents/${documentId}/export?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
  });
});
