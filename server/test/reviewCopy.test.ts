import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type JSONContent, getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { schemaExtensions } from '../../shared/editor/schemaExtensions.ts';
import { encodeThreadAnchor } from '../../shared/editor/threadAnchorEncoding.ts';
import { connectClient } from './helpers/collabClient.ts';
import { ORGANISER_TOKEN, type TestServer, startTestServer } from './helpers/testServer.ts';
import { joinWith } from './helpers/responses.ts';
import { waitFor } from './helpers/waitFor.ts';

const schema = getSchema(schemaExtensions());
const proposal = (type: 'insertion' | 'deletion', id: string, author: string, delegation: string, time: string) => ({
  type,
  attrs: { id, author, delegation, color: '#1d4ed8', time },
});
const text = (value: string, marks?: JSONContent['marks']) => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: JSONContent[]) => ({ type: 'paragraph', content });

/** Two recommendations, with Spain's and France's proposals, Kenya's brackets, and an Arabic paragraph. */
const CONTENT = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2, id: 'h-1' }, content: [text('Screening')] },
    {
      type: 'recommendation',
      attrs: { id: 'rec-screening' },
      content: [
        paragraph(
          text('Screening should combine '),
          text('document checks', [{ type: 'bold' }]),
          text(' with '),
          text('structured ', [proposal('insertion', 's-ins', 'Ana García', 'Spain', '2026-12-01T09:15:00.000Z')]),
          text('interviews '),
          text('in all cases', [proposal('deletion', 'f-del', 'Jean Martin', 'France', '2026-12-01T09:20:00.000Z')]),
          text(' at '),
          text('points of first arrival', [{ type: 'bracket', attrs: { id: 'b-1', delegation: 'Kenya', time: '2026-12-01T09:00:00.000Z' } }]),
          text('.'),
        ),
      ],
    },
    {
      // France proposes a new paragraph after "Review yearly." (a split), Spain to join the last two.
      type: 'recommendation',
      attrs: { id: 'rec-review' },
      content: [
        paragraph(text('Review yearly.'), text('\u200b', [proposal('insertion', 'f-split', 'Jean Martin', 'France', '2026-12-01T09:30:00.000Z')])),
        paragraph(text('\u200b', [proposal('insertion', 'f-split', 'Jean Martin', 'France', '2026-12-01T09:30:00.000Z')]), text('Report to the plenary.')),
        paragraph(text('Publish the report.'), text('\u200b', [proposal('deletion', 's-join', 'Ana García', 'Spain', '2026-12-01T09:40:00.000Z')])),
        paragraph(text('\u200b', [proposal('deletion', 's-join', 'Ana García', 'Spain', '2026-12-01T09:40:00.000Z')]), text('In all languages.')),
      ],
    },
    {
      type: 'recommendation',
      attrs: { id: 'rec-evidence' },
      content: [paragraph(text('تعزيز التعاون القضائي في مجال تبادل الأدلة الرقمية.'))],
    },
  ],
};

let server: TestServer;
let documentId: string;
const sessions = { spain: '', morocco: '', rapporteur: '' };
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-review-'));

/** Where `words` are in the stored document, as the editor would anchor a thread on them (start on the first character). */
async function anchorsOf(words: string): Promise<{ anchorStart: string; anchorEnd: string; quote: string }> {
  const client = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
  try {
    const type = client.doc.getXmlFragment('default');
    await waitFor(() => type.length > 0, 'the document to sync');
    const { doc, mapping } = initProseMirrorDoc(type, schema);
    const from = positionOf(doc, words);
    const start = absolutePositionToRelativePosition(from, type, mapping) as Y.RelativePosition;
    const end = absolutePositionToRelativePosition(from + words.length, type, mapping) as Y.RelativePosition;
    const absolute = Y.createAbsolutePositionFromRelativePosition(start, client.doc)!;
    const sticky = Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0);
    return { anchorStart: encodeThreadAnchor(sticky), anchorEnd: encodeThreadAnchor(end), quote: words };
  } finally {
    client.destroy();
  }
}

function positionOf(doc: ProseMirrorNode, words: string): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(words)) found = pos + node.text!.indexOf(words);
    return found < 0;
  });
  if (found < 0) throw new Error(`not in the document: ${words}`);
  return found;
}

async function join(role: string, delegation: string, name: string): Promise<string> {
  return joinWith(server, (await server.invite(documentId, role, delegation)).token, name);
}

async function call(method: string, route: string, body: unknown, token: string): Promise<{ id: string }> {
  const response = await server.api(method, route, body, token);
  expect(response.status, `${method} ${route}`).toBeLessThan(300);
  return (await response.json()) as { id: string };
}

beforeAll(async () => {
  server = await startTestServer();
  documentId = await server.createDocument('Review test');
  sessions.spain = await join('delegate', 'Spain', 'Ana García');
  sessions.morocco = await join('delegate', 'Morocco', 'Karim Benali');
  sessions.rapporteur = await join('rapporteur', 'Rapporteurs', 'Lina Haddad');
  const writer = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
  writer.replaceContent(CONTENT);
  await waitFor(async () => (await (await server.api('GET', `/api/documents/${documentId}/export?format=md`)).text()).includes('الرقمية'), 'the text stored');
  writer.destroy();

  const threads = `/api/documents/${documentId}/threads`;
  // Spain's thread on the bold words, answered by Morocco, resolved by the rapporteur with an outcome.
  const checks = await call('POST', threads, { ...(await anchorsOf('document checks')), visibility: 'everyone', body: 'Which documents?' }, sessions.spain);
  await call('POST', `/api/threads/${checks.id}/comments`, { body: 'Passports and identity cards.' }, sessions.morocco);
  await call('POST', `/api/threads/${checks.id}/resolve`, { outcome: 'Kept as drafted' }, sessions.rapporteur);
  // An open thread on Arabic words, and Morocco's own delegation-only thread Spain must not get.
  await call('POST', threads, { ...(await anchorsOf('تبادل الأدلة الرقمية')), visibility: 'everyone', body: 'نقترح إضافة "الإلكترونية".' }, sessions.morocco);
  await call('POST', threads, { ...(await anchorsOf('first arrival')), visibility: 'delegation', body: 'Internal: check with capital' }, sessions.morocco);
}, 60_000);

afterAll(async () => {
  await server.close();
  fs.rmSync(folder, { recursive: true });
});

async function reviewCopy(token: string, lang = 'en'): Promise<Buffer> {
  const response = await server.api('GET', `/api/documents/${documentId}/export?format=docx&kind=review&lang=${lang}`, undefined, token);
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

async function parts(docx: Buffer): Promise<Record<'document' | 'comments' | 'commentsExtended' | 'settings', string>> {
  const zip = await JSZip.loadAsync(docx);
  const read = async (name: string) => (await zip.file(`word/${name}.xml`)?.async('string')) ?? '';
  return { document: await read('document'), comments: await read('comments'), commentsExtended: await read('commentsExtended'), settings: await read('settings') };
}

/** The text of WordprocessingML: its `w:t` and `w:delText`, in order. */
const wordText = (xml: string) =>
  [...xml.matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)<\/w:(?:t|delText)>/g)].map((match) => unescapeXml(match[1]!)).join('');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

/** Each comment of comments.xml: id, author, date and text. */
function comments(xml: string): { id: string; author: string; date: string; text: string }[] {
  return [...xml.matchAll(/<w:comment ([^>]*)>([\s\S]*?)<\/w:comment>/g)].map(([, attributes, body]) => ({
    id: /w:id="(\d+)"/.exec(attributes!)![1]!,
    author: /w:author="([^"]*)"/.exec(attributes!)![1]!,
    date: /w:date="([^"]*)"/.exec(attributes!)![1]!,
    text: wordText(body!),
  }));
}

/** The words a comment is anchored on in document.xml. */
function anchoredWords(document: string, id: string): string {
  const start = document.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = document.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  expect(start, `comment ${id} starts`).toBeGreaterThan(-1);
  expect(end, `comment ${id} ends`).toBeGreaterThan(start);
  expect(document).toContain(`<w:commentReference w:id="${id}"/>`);
  return wordText(document.slice(start, end));
}

describe('the Word review copy', () => {
  it('has the threads the exporter may see as native comments on their words, with replies and resolution', async () => {
    const { document, comments: commentsXml, commentsExtended } = await parts(await reviewCopy(sessions.spain));
    const all = comments(commentsXml);
    expect(all.map(({ author, text }) => [author, text])).toEqual([
      ['Ana García (Spain)', 'Which documents?'],
      ['Karim Benali (Morocco)', 'Passports and identity cards.'],
      ['Lina Haddad (Rapporteurs)', 'ResolvedOutcome: Kept as drafted'],
      ['Karim Benali (Morocco)', 'نقترح إضافة "الإلكترونية".'],
    ]);
    for (const { date } of all) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(commentsXml).not.toContain('capital');
    // Every comment of a thread is anchored on the thread's words.
    for (const id of ['0', '1', '2']) expect(anchoredWords(document, id)).toBe('document checks');
    expect(anchoredWords(document, '3')).toBe('تبادل الأدلة الرقمية');
    // Replies threaded under the first comment; the resolved thread marked done, the open one not.
    const entries = [...commentsExtended.matchAll(/<w15:commentEx ([^>]*)\/>/g)].map(([, attributes]) => attributes!);
    expect(entries).toHaveLength(4);
    const paraId = (entry: string) => /w15:paraId="([^"]+)"/.exec(entry)![1];
    expect(entries[1]).toContain(`w15:paraIdParent="${paraId(entries[0]!)}"`);
    expect(entries[2]).toContain(`w15:paraIdParent="${paraId(entries[0]!)}"`);
    for (const entry of entries.slice(0, 3)) expect(entry).toContain('w15:done="1"');
    expect(entries[3]).not.toContain('w15:done="1"');
  });

  it('gives a delegation its own restricted threads', async () => {
    const { document, comments: commentsXml } = await parts(await reviewCopy(sessions.morocco));
    const internal = comments(commentsXml).find(({ text }) => text === 'Internal: check with capital')!;
    expect(internal.author).toBe('Karim Benali (Morocco)');
    expect(anchoredWords(document, internal.id)).toBe('first arrival');
  });

  it('has the proposals as tracked changes by their delegation, and bracketed text highlighted', async () => {
    const { document, settings } = await parts(await reviewCopy(sessions.spain));
    const insertion = /<w:ins ([^>]*)>([\s\S]*?)<\/w:ins>/.exec(document)!;
    expect(insertion[1]).toContain('w:author="Ana García (Spain)"');
    expect(insertion[1]).toContain('w:date="2026-12-01T09:15:00');
    expect(wordText(insertion[2]!)).toBe('structured ');
    const deletion = /<w:del ([^>]*)>([\s\S]*?)<\/w:del>/.exec(document)!;
    expect(deletion[1]).toContain('w:author="Jean Martin (France)"');
    expect(deletion[2]).toContain('<w:delText xml:space="preserve">in all cases</w:delText>');
    // Text: one insertion and one deletion; paragraph breaks: France's split and Spain's join, on the paragraph marks.
    expect(document.match(/<w:ins /g)).toHaveLength(2);
    expect(document.match(/<w:del /g)).toHaveLength(2);
    expect(document).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:ins [^>]*w:author="Jean Martin \(France\)"[^>]*\/><\/w:rPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>(?:(?!<\/w:p>).)*Review yearly\./s);
    expect(document).toMatch(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:del [^>]*w:author="Ana García \(Spain\)"[^>]*\/><\/w:rPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>(?:(?!<\/w:p>).)*Publish the report\./s);
    // The library's zero-width anchors are not text anyone wrote.
    expect(document).not.toContain('\u200b');
    // Revision ids never repeat a comment's.
    const ids = [...document.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((match) => Number(match[1]));
    for (const id of ids) expect(id).toBeGreaterThan(3);
    // The brackets stay, highlighted; further edits in Word are tracked too.
    expect(wordText(document)).toContain('[points of first arrival]');
    expect(document).toMatch(/<w:highlight w:val="yellow"\/>[\s\S]*?points of first arrival/);
    expect(settings).toContain('<w:trackRevisions/>');
  });

  it('opens in LibreOffice with the comments and the tracked changes', async () => {
    const file = path.join(folder, 'review.docx');
    fs.writeFileSync(file, await reviewCopy(sessions.spain));
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'odt', '--outdir', folder, file], { stdio: 'ignore' });
    const content = await (await JSZip.loadAsync(fs.readFileSync(path.join(folder, 'review.odt')))).file('content.xml')!.async('string');
    const annotations = [...content.matchAll(/<office:annotation[ >][\s\S]*?<\/office:annotation>/g)].map(([xml]) => xml);
    expect(annotations).toHaveLength(4);
    const first = annotations.find((annotation) => annotation.includes('Which documents?'));
    expect(first).toContain('<dc:creator>Ana García (Spain)</dc:creator>');
    expect(first).toContain('loext:resolved="true"');
    expect(annotations.find((annotation) => annotation.includes('الإلكترونية'))).not.toContain('loext:resolved="true"');
    expect(content).toContain('<text:tracked-changes');
    const changes = [...content.matchAll(/<text:changed-region[\s\S]*?<\/text:changed-region>/g)].map(([xml]) => xml);
    // Two changes of words, and the split and join of paragraphs.
    const kindAndAuthor = (change: string) => `${/<text:(insertion|deletion)>/.exec(change)?.[1]} by ${/<dc:creator>([^<]*)</.exec(change)?.[1]}`;
    expect(changes.map(kindAndAuthor).sort()).toEqual([
      'deletion by Ana García (Spain)',
      'deletion by Jean Martin (France)',
      'insertion by Ana García (Spain)',
      'insertion by Jean Martin (France)',
    ]);
    expect(changes.find((change) => change.includes('Jean Martin') && change.includes('<text:deletion>'))).toContain('in all cases');
  }, 60_000);

  it('puts a thread whose words are all gone on the title, quoting them', async () => {
    await call(
      'POST',
      `/api/documents/${documentId}/threads`,
      { ...(await anchorsOf('Report to the plenary')), visibility: 'delegation', body: 'Which plenary?' },
      sessions.morocco,
    );
    const editor = await connectClient(server.wsUrl, documentId, ORGANISER_TOKEN);
    try {
      const fragment = editor.doc.getXmlFragment('default');
      await waitFor(() => fragment.length > 0, 'the document to sync');
      const paragraph = [...fragment.createTreeWalker((node) => node instanceof Y.XmlText)]
        .map((node) => node as Y.XmlText)
        .find((node) => node.toString().includes('Report to the plenary'))!;
      const text = (paragraph.toDelta() as { insert: string }[]).map((part) => part.insert).join('');
      paragraph.delete(text.indexOf('Report'), 'Report to the plenary'.length);
      await waitFor(async () => !(await (await server.api('GET', `/api/documents/${documentId}/export?format=md&kind=review`)).text()).includes('plenary'), 'the deletion stored');
    } finally {
      editor.destroy();
    }
    const { document, comments: commentsXml } = await parts(await reviewCopy(sessions.morocco));
    const gone = comments(commentsXml).find(({ text }) => text.includes('Which plenary?'))!;
    expect(gone.text).toBe('“Report to the plenary” (Text removed)Which plenary?');
    expect(document).not.toContain(`<w:commentRangeStart w:id="${gone.id}"/>`);
    const title = /<w:p>(?:(?!<\/w:p>).)*<w:pStyle w:val="Title"\/>(?:(?!<\/w:p>).)*<\/w:p>/s.exec(document)![0];
    expect(title).toContain(`<w:commentReference w:id="${gone.id}"/>`);
  });
});
