import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPILATION_EVENTS, type CompilationNotes } from '../../shared/api/compilation.ts';
import { type CollabClient, connectClient } from './helpers/collabClient.ts';
import { openEventStream } from './helpers/eventStream.ts';
import { expectError, expectJson, joinWith } from './helpers/responses.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { waitFor } from './helpers/waitFor.ts';

let server: TestServer;
let documentId: string;
let writer: CollabClient;
const people = { rapporteur: '', spain: '', morocco: '', jordan: '', observer: '' };
const REC = ['8b1c2a9e-0000-4000-8000-00000000000a', '8b1c2a9e-0000-4000-8000-00000000000b', '8b1c2a9e-0000-4000-8000-00000000000c'] as const;
const SPAIN_PROPOSAL = 'spain-proposal-1';

const insertion = (id: string, delegation: string) => ({ type: 'insertion', attrs: { id, author: 'Ana', delegation, color: '#aa0000', time: '2026-12-02T10:00:00.000Z' } });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const recommendation = (id: string, ...content: JSONContent[]): JSONContent => ({ type: 'recommendation', attrs: { id }, content: [paragraph(...content)] });
const text = (value: string, marks?: JSONContent['marks']): JSONContent => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });

const noChange = (recommendationId: string) => `/api/documents/${documentId}/recommendations/${recommendationId}/no-change`;
const justify = (suggestionId: string) => `/api/documents/${documentId}/suggestions/${suggestionId}/justification`;
const exported = (query: string, token?: string) => server.api('GET', `/api/documents/${documentId}/export?${query}`, undefined, token);

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Compilation');
  const join = async (role: string, delegation: string, name: string) => joinWith(server, (await server.invite(documentId, role, delegation)).token, name);
  people.rapporteur = await join('rapporteur', 'Chair', 'Rita');
  people.spain = await join('delegate', 'Spain', 'Ana');
  people.morocco = await join('delegate', 'Morocco', 'Amina');
  people.jordan = await join('delegate', 'Jordan', 'Omar');
  people.observer = await join('observer', 'Press', 'Olga');
  writer = await connectClient(server.wsUrl, documentId, people.rapporteur);
  writer.replaceContent({
    type: 'doc',
    content: [
      recommendation(REC[0], text('States should share data'), text(' through secure channels', [insertion(SPAIN_PROPOSAL, 'Spain')]), text('.')),
      recommendation(REC[1], text('Interpreters should be available.')),
      recommendation(REC[2], text('Reception conditions should be reviewed.')),
    ],
  });
  await waitFor(async () => (await (await exported('format=md')).text()).includes('Reception conditions'), 'stored text');
  await expectJson(await server.api('POST', `/api/documents/${documentId}/recommendations/${REC[1]}/alternatives`, { text: 'Interpreters shall be available at every stage.', justification: 'Every stage matters' }, people.morocco), 201);
  await expectJson(await server.api('PUT', `/api/documents/${documentId}/recommendations/${REC[1]}/reservation`, { note: 'pending consultation' }, people.spain), 200);
});

afterAll(async () => {
  writer?.destroy();
  await server?.close();
});

describe('compilation of proposals', () => {
  it('lets a delegation mark "no change" (NOC) on a recommendation and take it back, live to everyone', async () => {
    const stream = await openEventStream(`${server.url}/api/documents/${documentId}/events`, { authorization: `Bearer ${people.observer}` });
    try {
      await stream.next((event) => event.event === COMPILATION_EVENTS.snapshot, 'notes snapshot');
      const marked = await expectJson<CompilationNotes>(await server.api('PUT', noChange(REC[2]), { justification: 'The text is fine' }, people.jordan), 200);
      expect(marked.noChange).toEqual([expect.objectContaining({ recommendationId: REC[2], delegation: 'Jordan', justification: 'The text is fine', enteredBy: 'Omar' })]);
      await stream.next((event) => event.event === COMPILATION_EVENTS.changed && (event.data as CompilationNotes).noChange.length === 1, 'live NOC');
    } finally {
      stream.close();
    }
    await expectJson(await server.api('PUT', noChange(REC[0]), {}, people.morocco), 200);
    expect((await expectJson<CompilationNotes>(await server.api('DELETE', noChange(REC[0]), undefined, people.morocco), 200)).noChange).toHaveLength(1);
    await expectError(await server.api('DELETE', noChange(REC[0]), undefined, people.morocco), 404, 'not_found');
    await expectError(await server.api('PUT', noChange(REC[0]), {}, people.observer), 403, 'forbidden');
    // A rapporteur's group ("Chair") is no delegation: it takes no NOC position.
    await expectError(await server.api('PUT', noChange(REC[0]), {}, people.rapporteur), 403, 'forbidden');
    await expectError(await server.api('PUT', noChange(REC[0]), {}), 403, 'forbidden');
    await expectError(await server.api('PUT', noChange(REC[0]), { justification: 'x'.repeat(501) }, people.jordan), 400, 'bad_request');
    await expectError(await server.api('PUT', noChange('not an id!'), {}, people.jordan), 400, 'bad_request');
  });

  it('refuses a NOC after the deadline for proposals (403 deadline_passed)', async () => {
    await expectJson(await server.api('PUT', `/api/documents/${documentId}/deadline`, { at: new Date(Date.now() - 1000).toISOString(), timeZone: 'UTC' }), 200);
    try {
      await expectError(await server.api('PUT', noChange(REC[0]), {}, people.morocco), 403, 'deadline_passed');
    } finally {
      await expectJson(await server.api('DELETE', `/api/documents/${documentId}/deadline`), 200);
    }
  });

  it('lets only the proposing delegation justify a proposal in the text', async () => {
    const justified = await expectJson<CompilationNotes>(await server.api('PUT', justify(SPAIN_PROPOSAL), { text: 'Data protection' }, people.spain), 200);
    expect(justified.justifications).toEqual([{ suggestionId: SPAIN_PROPOSAL, delegation: 'Spain', text: 'Data protection' }]);
    await expectError(await server.api('PUT', justify(SPAIN_PROPOSAL), { text: 'Not ours' }, people.jordan), 403, 'forbidden');
    await expectError(await server.api('PUT', justify('no-such-proposal'), { text: 'x' }, people.spain), 404, 'not_found');
    await expectError(await server.api('PUT', justify(SPAIN_PROPOSAL), { text: 'x' }, people.observer), 403, 'forbidden');
    expect((await expectJson<CompilationNotes>(await server.api('GET', `/api/documents/${documentId}/compilation-notes`, undefined, people.observer), 200)).justifications).toHaveLength(1);
  });

  it('exports the compilation as a table per recommendation in HTML, Word and PDF (and refuses other formats)', async () => {
    const html = await (await exported('format=html&kind=compilation', people.observer)).text();
    expect(html).toContain('<caption>Recommendation 1</caption>');
    expect(html).toContain('<th>Delegation</th><th>Tag</th><th>Proposal</th><th>Justification</th>');
    expect(html).toMatch(/<td dir="ltr">Spain<\/td><td class="tag">MOD<\/td>.*<ins> through secure channels<\/ins>.*<td dir="ltr">Data protection<\/td>/);
    expect(html).toContain('States should share data.');
    expect(html).toMatch(/Morocco<\/td><td class="tag">MOD<\/td><td dir="ltr"><span class="kind">Alternative \(Alt 1\)<\/span><br>Interpreters shall be available at every stage.<\/td>/);
    expect(html).toMatch(/Spain<\/td><td class="tag">—<\/td><td dir="ltr"><span class="kind">Reservation<\/span>/);
    expect(html).toMatch(/Jordan<\/td><td class="tag">NOC<\/td>.*The text is fine/);

    const docx = await JSZip.loadAsync(Buffer.from(await (await exported('format=docx&kind=compilation')).arrayBuffer()));
    const xml = await docx.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('Interpreters shall be available at every stage.');
    const pdfFile = path.join(server.dataDir, 'compilation.pdf');
    const pdf = await exported('format=pdf&kind=compilation');
    expect(pdf.headers.get('content-disposition')).toContain('compilation of proposals');
    fs.writeFileSync(pdfFile, Buffer.from(await pdf.arrayBuffer()));
    const pdfText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', pdfFile, '-'], { encoding: 'utf8' });
    for (const words of ['Compilation of proposals', 'Recommendation 3', 'NOC', 'Jordan', 'Data protection']) expect(pdfText).toContain(words);

    const arabic = await (await exported('format=html&kind=compilation&lang=ar')).text();
    expect(arabic).toContain('<html dir="rtl">');
    expect(arabic).toContain('تجميع المقترحات');
    await expectError(await exported('format=md&kind=compilation'), 400, 'bad_request');
    await expectError(await exported('format=html&kind=compilation&text=en'), 400, 'bad_request');
  });

  it('frames the compilation as the clean text: header, "Page N of M" footer on every page, headings kept with their tables', async () => {
    const long = await server.createDocument('Long compilation');
    const client = await connectClient(server.wsUrl, long, ORGANISER_TOKEN);
    const words = 'Member States should cooperate closely with the relevant agencies and share information without delay. ';
    try {
      client.replaceContent({
        type: 'doc',
        content: Array.from({ length: 14 }, (_, index) => recommendation(`8b1c2a9e-0000-4000-8000-0000000001${String(index).padStart(2, '0')}`, text(`Text ${index + 1}: ${words.repeat(3)}`))),
      });
      await waitFor(async () => (await (await server.api('GET', `/api/documents/${long}/export?format=md`)).text()).includes('Text 14:'), 'stored text');
    } finally {
      client.destroy();
    }
    const exportOf = async (query: string) => Buffer.from(await (await server.api('GET', `/api/documents/${long}/export?kind=compilation&${query}`)).arrayBuffer());

    const pdfFile = path.join(server.dataDir, 'long-compilation.pdf');
    fs.writeFileSync(pdfFile, await exportOf('format=pdf'));
    const pageCount = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
    expect(pageCount).toBeGreaterThan(1);
    const pages = Array.from({ length: pageCount }, (_, index) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(index + 1), '-l', String(index + 1), pdfFile, '-'], { encoding: 'utf8' }),
    );
    pages.forEach((page, index) => {
      expect(page).toMatch(/^Long compilation\n/);
      expect(page).toMatch(new RegExp(`Page ${index + 1} of ${pageCount} · Current text · \\d{1,2} [A-Z][a-z]+ \\d{4} at \\d{2}:\\d{2}`));
    });
    expect(pages[0]).toMatch(/Current text · .+ · Draft/);
    expect(pages[0]).toContain('Compilation of proposals');
    // Each recommendation's heading is on the page of its table: its current text and column heads follow it there.
    for (let number = 1; number <= 14; number += 1) {
      const page = pages.find((content) => new RegExp(`^Recommendation ${number}$`, 'm').test(content));
      expect(page, `Recommendation ${number}`).toContain(`Text ${number}:`);
    }

    const docx = await JSZip.loadAsync(await exportOf('format=docx&lang=ar'));
    const rels = await docx.file('word/_rels/document.xml.rels')!.async('string');
    const part = (kind: 'header' | 'footer') => `word/${[...rels.matchAll(/Type="[^"]+\/(header|footer)" Target="([^"]+)"/g)].find(([, type]) => type === kind)![2]}`;
    const footer = await docx.file(part('footer'))!.async('string');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain('الصفحة');
    expect(await docx.file(part('header'))!.async('string')).toContain('Long compilation');
    const document = await docx.file('word/document.xml')!.async('string');
    expect(document).toContain('<w:pStyle w:val="DocumentInfo"/>');
    const heading = /<w:p><w:pPr><w:pStyle w:val="Heading2"\/>(.*?)<\/w:pPr>.*?<\/w:p>/s.exec(document)!;
    expect(heading[0]).toContain('التوصية 1');
    expect(heading[1]).toContain('<w:keepNext/>');
  });
});
