import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { expectError } from './helpers/responses.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';
import { EXPORT_FIXTURE } from './exportFixture.ts';

let server: TestServer;
let documentId: string;
let observerToken: string;

const exportOf = (id: string, query: string, token: string | null = ORGANISER_TOKEN) =>
  server.api('GET', `/api/documents/${id}/export?${query}`, undefined, token);

/** Writes `content` into a document as an editor would: through a real y-websocket client, then waits until stored. */
async function writeDocument(id: string, write: (client: CollabClient) => void, expectInMarkdown: string): Promise<void> {
  const client = await connectClient(server.wsUrl, id, ORGANISER_TOKEN);
  try {
    write(client);
    await waitFor(async () => (await (await exportOf(id, 'format=md')).text()).includes(expectInMarkdown), 'the text to be stored');
  } finally {
    client.destroy();
  }
}

/** The current text's version line: its date and time are the export's, in the export language's long format. */
const CURRENT_TEXT_LINE = /^\*Current text · \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} · Draft\*$/m;
const withoutExportTime = (markdown: string) => markdown.replace(CURRENT_TEXT_LINE, '*Current text · <export time> · Draft*');

const unmarked = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e]/g, '');

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Projet de recommandations — تجربة');
  observerToken = (await server.invite(documentId, 'observer', 'Observers')).token;
  await writeDocument(documentId, (client) => client.replaceContent(EXPORT_FIXTURE), 'line two');
});

afterAll(async () => {
  await server.close();
});

describe('export', () => {
  it('writes the exact Markdown of the fixture document', async () => {
    const response = await exportOf(documentId, 'format=md');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const markdown = await response.text();
    expect(markdown).toMatch(CURRENT_TEXT_LINE);
    expect(withoutExportTime(markdown)).toBe(
      [
        '# Projet de recommandations — تجربة',
        '',
        '*Current text · <export time> · Draft*',
        '',
        '## Recommendations on judicial cooperation',
        '',
        'Agreed text is **bold**, *italic* and ++underlined++; see [the guide](https://example.org/guide) or [write to us](mailto:rapporteurs@example.org).',
        '',
        '### Screening',
        '',
        '**Recommendation 1**',
        '',
        'Screening should combine document checks with interviews.',
        '',
        '**Recommendation 2**',
        '',
        'Persons in vulnerable situations should be:',
        '',
        '1. identified early;',
        '2. referred to protection services.',
        '',
        '**Recommendation 3**',
        '',
        "L'exploitation des sources ouvertes doit être encadrée par la loi.",
        '',
        '### التعاون القضائي',
        '',
        '**Recommendation 4**',
        '',
        'تعزيز التعاون القضائي مع احترام حقوق الدفاع.',
        '',
        '- Access to asylum is preserved.',
        '- يجب ضمان حماية اللاجئين.',
        '',
        '> Text in square brackets is not yet agreed.',
        '',
        'Line one  ',
        'line two',
        '',
      ].join('\n'),
    );
  });

  it('writes a DOCX with the numbers, Word heading styles, lists and bidirectional Arabic paragraphs', async () => {
    const response = await exportOf(documentId, 'format=docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const paragraphs = xml.match(/<w:p>.*?<\/w:p>|<w:p .*?<\/w:p>/gs) ?? [];
    const paragraphWith = (text: string) => paragraphs.find((paragraph) => paragraph.includes(text)) ?? '';

    for (const number of [1, 2, 3, 4]) expect(xml).toContain(`Recommendation ${number}<`);
    expect(xml).not.toContain('Recommendation 5');
    expect(paragraphWith('Recommendations on judicial cooperation')).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith('Screening</w:t>')).toContain('<w:pStyle w:val="Heading2"/>');

    const arabic = paragraphWith('تعزيز التعاون القضائي');
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toContain('<w:rtl/>');
    expect(paragraphWith('يجب ضمان حماية اللاجئين')).toContain('<w:bidi/>');
    expect(paragraphWith('Screening should combine')).not.toContain('<w:bidi/>');

    expect(paragraphWith('identified early')).toContain('<w:numPr>');
    expect(await zip.file('word/numbering.xml')!.async('string')).toContain('w:val="decimal"');
    expect(paragraphWith('underlined')).toMatch(/<w:u w:val="single"\/>/);
    const relationships = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(relationships).toContain('Target="https://example.org/guide"');
    expect(relationships).toContain('Target="mailto:rapporteurs@example.org"');
  });

  it('writes a PDF whose text has the numbers and the Arabic words in logical order', async () => {
    const response = await exportOf(documentId, 'format=pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const file = path.join(server.dataDir, 'export.pdf');
    fs.writeFileSync(file, pdf);
    const text = unmarked(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

    for (const number of [1, 2, 3, 4]) expect(text).toContain(`Recommendation ${number}`);
    expect(text).toContain('تعزيز التعاون القضائي مع احترام حقوق الدفاع');
    expect(text).toContain('يجب ضمان حماية اللاجئين');
    expect(text).toContain("L'exploitation des sources ouvertes doit être encadrée par la loi.");
    expect(text.indexOf('Recommendation 3')).toBeLessThan(text.indexOf('Recommendation 4'));
    expect(text.indexOf('Recommendation 4')).toBeLessThan(text.indexOf('تعزيز'));
  });

  it('writes a standalone HTML file with a strict CSP and a direction on every block', async () => {
    const response = await exportOf(documentId, 'format=html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[^"]+&#39;/);
    expect(html).not.toMatch(/<link|<script|src=/i);
    expect(html).toContain('<p dir="rtl">تعزيز التعاون القضائي مع احترام حقوق الدفاع.</p>');
    expect(html).toContain('<li dir="rtl"><p dir="rtl">يجب ضمان حماية اللاجئين.</p></li>');
    expect(html).toContain('<p class="recommendation-number">Recommendation 4</p>');
    expect(html).toContain('<a href="https://example.org/guide" rel="noopener noreferrer">the guide</a>');
    expect(html).toContain('<u>underlined</u>');
    expect(html).not.toContain('No comment threads');
    // The title block as in PDF and DOCX: no workshop line without the organiser's metadata, the version and status.
    expect(html).toMatch(/<\/h1>\n<p class="document-info" dir="ltr">Current text · \d{1,2} [A-Z][a-z]+ \d{4} at \d{2}:\d{2} · Draft<\/p>/);
    expect(html).not.toContain('class="event"');
  });

  it('adds the annex of comment threads for kind=annex', async () => {
    for (const format of ['html', 'md']) {
      const response = await exportOf(documentId, `format=${format}&kind=annex`);
      expect(response.status).toBe(200);
      const body = await response.text();
      expect(body).toContain('Annex: comment threads');
      expect(body).toContain('No comment threads');
    }
    const pdf = await exportOf(documentId, 'format=pdf&kind=annex');
    const file = path.join(server.dataDir, 'annex.pdf');
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    expect(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).toContain('No comment threads');
    const docx = await JSZip.loadAsync(Buffer.from(await (await exportOf(documentId, 'format=docx&kind=annex')).arrayBuffer()));
    expect(await docx.file('word/document.xml')!.async('string')).toContain('No comment threads');
  });

  it('says its own words in the language asked for (lang), leaving the text as written', async () => {
    const html = await (await exportOf(documentId, 'format=html&kind=annex&lang=ar')).text();
    expect(html).toContain('<h2 dir="rtl">ملحق: سلاسل التعليقات</h2>');
    expect(html).toContain('<p class="recommendation-number">التوصية 1</p>');
    expect(html).toContain('Recommendations on judicial cooperation');
    expect(html).not.toContain('Recommendation 1');
    const markdown = await (await exportOf(documentId, 'format=md&lang=fr')).text();
    expect(markdown).toContain('**Recommandation 1**');
    expect(markdown).toContain('Agreed text is **bold**');
  });

  it('sends downloads as attachments named after the title, never sniffed', async () => {
    const response = await exportOf(documentId, 'format=pdf', observerToken);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="Projet de recommandations.pdf"; filename*=UTF-8''${encodeURIComponent('Projet de recommandations — تجربة.pdf')}`,
    );
    const annex = await exportOf(documentId, 'format=md&kind=annex');
    expect(annex.headers.get('content-disposition')).toMatch(/^attachment; filename="Projet de recommandations - with comments\.md"/);
    const french = await exportOf(documentId, 'format=md&kind=review&lang=fr');
    expect(french.headers.get('content-disposition')).toMatch(/^attachment; filename="Projet de recommandations - copie de relecture\.md"/);
    const arabic = await exportOf(documentId, 'format=md&kind=annex&lang=ar');
    expect(decodeURIComponent(arabic.headers.get('content-disposition')!.split("UTF-8''")[1]!)).toBe('Projet de recommandations — تجربة - مع التعليقات.md');
  });

  it('refuses bad parameters, strangers and unknown documents', async () => {
    await expectError(await exportOf(documentId, 'format=rtf'), 400, 'bad_request');
    await expectError(await exportOf(documentId, ''), 400, 'bad_request');
    await expectError(await exportOf(documentId, 'format=pdf&kind=draft'), 400, 'bad_request');
    await expectError(await exportOf(documentId, 'format=pdf&format=md'), 400, 'bad_request');
    await expectError(await exportOf(documentId, 'format=pdf&lang=de'), 400, 'bad_request');
    await expectError(await exportOf(documentId, 'format=pdf&version=1'), 404, 'not_found');
    await expectError(await exportOf(documentId, 'format=pdf', null), 401, 'unauthorized');
    const other = await server.createDocument('Other');
    await expectError(await exportOf(other, 'format=pdf', observerToken), 403, 'forbidden');
    await expectError(await exportOf('no-such-document', 'format=pdf'), 404, 'not_found');
  });

  it('exports an empty document', async () => {
    const empty = await server.createDocument('Empty');
    const response = await exportOf(empty, 'format=md');
    expect(response.status).toBe(200);
    expect(withoutExportTime(await response.text())).toBe('# Empty\n\n*Current text · <export time> · Draft*\n');
    for (const format of ['docx', 'pdf', 'html']) expect((await exportOf(empty, `format=${format}`)).status).toBe(200);
  });

  it('keeps only what the schema declares, however a client wrote around the editor', async () => {
    const hostile = await server.createDocument('<script>alert("title")</script> & co');
    const element = (name: string, attributes: Record<string, string>, ...children: (Y.XmlElement | Y.XmlText)[]) => {
      const node = new Y.XmlElement(name);
      for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
      node.insert(0, children);
      return node;
    };
    const linked = (label: string, href: string) => {
      const text = new Y.XmlText();
      text.insert(0, label, { link: { href } });
      return text;
    };
    const disguisedSchemes = [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '  javascript:alert(1)',
      '\u0001java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript&colon;alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example/x',
    ];
    await writeDocument(
      hostile,
      (client) => {
        const markedText = new Y.XmlText();
        markedText.insert(0, 'MARK-PAYLOAD', { script: { src: 'x' } });
        client.doc.getXmlFragment('default').insert(0, [
          element('script', {}, new Y.XmlText('SCRIPT-PAYLOAD')),
          element('iframe', { src: 'https://evil.example' }, element('paragraph', {}, new Y.XmlText('IFRAME-PAYLOAD'))),
          element('paragraph', { onerror: 'alert(1)', style: 'background:url(x)', class: 'x" onclick="alert(1)' }, new Y.XmlText('<img src=x onerror=alert(1)>')),
          element('heading', { level: '2><script>alert(1)</script>' }, new Y.XmlText('Heading with a hostile level')),
          element('paragraph', {}, markedText),
          element('paragraph', {}, ...disguisedSchemes.map((href, index) => linked(`disguised ${index} `, href))),
          element('paragraph', {}, linked('fine link', 'HTTPS://example.org/ok?a=1&b=<2>')),
          element('recommendation', { id: 'r1', onmouseover: 'alert(1)' }, element('paragraph', {}, new Y.XmlText('Still exported.'))),
        ]);
      },
      'Still exported',
    );

    const bodies = new Map<string, string>();
    for (const format of ['html', 'md']) bodies.set(format, await (await exportOf(hostile, `format=${format}`)).text());
    const docx = await JSZip.loadAsync(Buffer.from(await (await exportOf(hostile, 'format=docx')).arrayBuffer()));
    bodies.set('docx', (await docx.file('word/document.xml')!.async('string')) + (await docx.file('word/_rels/document.xml.rels')!.async('string')));
    const pdfFile = path.join(server.dataDir, 'hostile.pdf');
    fs.writeFileSync(pdfFile, Buffer.from(await (await exportOf(hostile, 'format=pdf')).arrayBuffer()));
    bodies.set('pdf', execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' }));

    for (const [format, body] of bodies) {
      for (const payload of ['SCRIPT-PAYLOAD', 'IFRAME-PAYLOAD', 'MARK-PAYLOAD', 'evil.example', 'vbscript', 'data:text']) {
        expect(body, `${format} holds ${payload}`).not.toContain(payload);
      }
      expect(body, format).not.toMatch(/javascript/i);
      expect(body, format).toContain('Still exported.');
      expect(body, format).toContain('Recommendation 1');
      // Lines joined: where the PDF's lines break depends on its margins.
      expect(body.replace(/\s+/g, ' '), format).toContain('disguised 8');
    }

    const html = bodies.get('html')!;
    // Every tag and attribute in the file is one the exporter writes itself.
    const allowedTags = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'h1', 'h2', 'p', 'section', 'a', 'ul', 'ol', 'li', 'blockquote', 'br', 'strong', 'em', 'u']);
    const allowedAttributes = new Set(['dir', 'class', 'href', 'rel', 'start', 'charset', 'http-equiv', 'content', 'name']);
    for (const [, tag, attributes] of html.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/gi)) {
      expect(allowedTags, `<${tag}>`).toContain(tag!.toLowerCase());
      expect(attributes, `<${tag}> attributes`).toMatch(/^(\s[a-z-]+="[^"<>]*")*$/);
      for (const [, attribute] of attributes!.matchAll(/\s([a-z-]+)="[^"]*"/g)) expect(allowedAttributes, attribute).toContain(attribute);
    }
    expect([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1])).toEqual(['https://example.org/ok?a=1&amp;b=%3C2%3E']);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; &amp; co</title>');
    // A level that is not a whole number from 1 to 6 is read as 1 (the file's h2, under the title).
    expect(html).toContain('<h2 dir="ltr">Heading with a hostile level</h2>');
    expect(bodies.get('md')).toContain('[fine link](https://example.org/ok?a=1&b=%3C2%3E)');
  });
});
