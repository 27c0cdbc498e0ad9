import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_METADATA } from '../../shared/api/documentMetadata.ts';
import { WORKSHOP_METADATA } from './exportFixture.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';

let server: TestServer;
let documentId: string;
let delegateToken: string;


beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Recommendations on judicial cooperation');
  delegateToken = (await server.invite(documentId, 'delegate', 'Spain')).token;
});

afterAll(async () => {
  await server.close();
});

describe('document metadata', () => {
  it('is empty until the organiser sets it, then every member reads it and it survives a restart', async () => {
    expect(await (await server.api('GET', `/api/documents/${documentId}/metadata`, undefined, delegateToken)).json()).toEqual(EMPTY_METADATA);
    const put = await server.api('PUT', `/api/documents/${documentId}/metadata`, { ...WORKSHOP_METADATA, place: '  Málaga  ' }, ORGANISER_TOKEN);
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual(WORKSHOP_METADATA);
    expect(await (await server.api('GET', `/api/documents/${documentId}/metadata`, undefined, delegateToken)).json()).toEqual(WORKSHOP_METADATA);
  });

  it('is the organiser’s to set: other roles 403, bad fields 400, nothing stored', async () => {
    const refused = await server.api('PUT', `/api/documents/${documentId}/metadata`, { ...WORKSHOP_METADATA, place: 'Rabat' }, delegateToken);
    expect(refused.status).toBe(403);
    for (const body of [
      { ...WORKSHOP_METADATA, startDate: '2024-02-30' },
      { ...WORKSHOP_METADATA, startDate: '2024-11-07' },
      { ...WORKSHOP_METADATA, eventName: 'x'.repeat(201) },
      { ...WORKSHOP_METADATA, colour: 'red' },
      { eventName: 'only one field' },
    ]) {
      const response = await server.api('PUT', `/api/documents/${documentId}/metadata`, body, ORGANISER_TOKEN);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error.code).toBe('bad_request');
    }
    expect(await (await server.api('GET', `/api/documents/${documentId}/metadata`, undefined, ORGANISER_TOKEN)).json()).toEqual(WORKSHOP_METADATA);
  });

  it('fills the exports’ title block, running header and author', async () => {
    const response = await server.api('GET', `/api/documents/${documentId}/export?format=docx&lang=fr`, undefined, delegateToken);
    expect(response.status).toBe(200);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    // The text of the lines, without the runs that part them and the direction marks at their separators.
    const text = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>|\u200e/g, '');
    expect(text).toMatch(/CT JUST regional workshop · Málaga · 4\s?–\s?6 novembre 2024/u);
    expect(text).toContain('Texte en cours · ');
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain('<dc:creator>CT JUST</dc:creator>');
    const header = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name))!;
    expect(await zip.file(header)!.async('string')).toContain('Draft recommendations');
  });

  it('gives the HTML and Markdown exports the same title block, in the export’s language', async () => {
    const exported = async (query: string) => (await server.api('GET', `/api/documents/${documentId}/export?${query}`, undefined, delegateToken)).text();
    const html = await exported('format=html');
    expect(html).toMatch(/<p class="event" dir="ltr"><bdi>CT JUST regional workshop<\/bdi> · <bdi>Málaga<\/bdi> · <bdi>4\s?–\s?6 November 2024<\/bdi><\/p>/u);
    expect(html).toMatch(/<p class="document-info" dir="ltr">Current text · \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} · Draft<\/p>/);
    const arabic = await exported('format=html&lang=ar');
    expect(arabic).toMatch(/<p class="event" dir="rtl"><bdi>CT JUST regional workshop<\/bdi> · <bdi>Málaga<\/bdi> · <bdi>[^<]*نوفمبر[^<]*<\/bdi><\/p>/u);
    expect(arabic).toMatch(/<p class="document-info" dir="rtl">النص الحالي · [^<]+ · مسودة<\/p>/u);
    const markdown = await exported('format=md&lang=fr');
    expect(markdown).toMatch(/^# Recommendations on judicial cooperation\n\nCT JUST regional workshop · Málaga · 4\s?–\s?6 novembre 2024\n\n\*Texte en cours · \d{1,2} \S+ \d{4} à \d{2}:\d{2} · Projet\*\n/u);
  });

  it('keeps each part of an Arabic export’s workshop line in its own direction in the DOCX', async () => {
    const response = await server.api('GET', `/api/documents/${documentId}/export?format=docx&lang=ar`, undefined, delegateToken);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const document = await zip.file('word/document.xml')!.async('string');
    const event = /<w:p><w:pPr><w:pStyle w:val="EventLine"\/>.*?<\/w:p>/s.exec(document)![0];
    expect(event).toContain('<w:bidi/>');
    const runs = [...event.matchAll(/<w:r>(.*?)<\/w:r>/gs)].map(([, run]) => ({ rtl: run!.includes('<w:rtl/>'), lang: /w:val="([^"]+)"/.exec(run!)?.[1], text: /<w:t[^>]*>(.*?)<\/w:t>/s.exec(run!)?.[1] }));
    // Latin parts left-to-right and tagged as the text's language; the Arabic date right-to-left; separators marked RTL.
    expect(runs).toEqual([
      { rtl: false, lang: 'en-GB', text: 'CT JUST regional workshop' },
      { rtl: true, lang: 'ar-SA', text: '\u200f · \u200f' },
      { rtl: false, lang: 'en-GB', text: 'Málaga' },
      { rtl: true, lang: 'ar-SA', text: '\u200f · \u200f' },
      { rtl: true, lang: 'ar-SA', text: expect.stringMatching(/^4\s?–\s?6 نوفمبر 2024$/u) },
    ]);
  });
});
