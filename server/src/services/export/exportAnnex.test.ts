import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { AnnexThread } from './exportModel.ts';
import { createExportRenderer } from './renderExport.ts';
import { CURRENT_TEXT } from '../../../test/exportFixture.ts';
import { exportLabels } from './exportLabels.ts';

// The annex lists threads without placing them in the text: their anchors are not read. All are on the source.
const UNREAD_ANCHORS = { anchorStart: '', anchorEnd: '', language: null };

const THREADS: AnnexThread[] = [
  {
    ...UNREAD_ANCHORS,
    quote: 'Screening at the points of first arrival',
    status: 'resolved',
    outcome: 'Accepted as amended',
    comments: [
      { author: 'Ana <b>', delegation: 'Spain', body: 'Add "trained officers".\nSecond line.', createdAt: '2026-11-28T10:00:00.000Z' },
      { author: 'Karim', delegation: 'Morocco', body: 'نوافق على هذا التعديل', createdAt: '2026-11-28T10:05:00.000Z' },
    ],
    resolvedBy: { name: 'Rapporteur', delegation: 'Rapporteurs' },
    resolvedAt: '2026-11-28T10:06:00.000Z',
  },
  {
    ...UNREAD_ANCHORS,
    quote: 'تعزيز التعاون القضائي',
    status: 'open',
    outcome: null,
    comments: [{ author: 'Léa', delegation: 'France', body: null, createdAt: '2026-11-28T10:07:00.000Z' }],
    resolvedBy: null,
    resolvedAt: null,
  },
];

const render = createExportRenderer();
const { dateTime } = exportLabels('en');
const exportWithAnnex = async (format: 'docx' | 'pdf' | 'md' | 'html', language: LanguageCode = 'en') =>
  (await render({ title: 'Annex test', state: Y.encodeStateAsUpdate(new Y.Doc()), format, language, annex: THREADS, publication: CURRENT_TEXT })).body;

function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-annex-')), 'annex.pdf');
  fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[\u200e\u200f\u202a-\u202e]/g, '');
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true });
  }
}

describe('the annex of comment threads', () => {
  it('lists every thread with its quote, status, outcome and comments in HTML, escaped and directed', async () => {
    const html = (await exportWithAnnex('html')).toString();
    expect(html).toContain('<h3 dir="ltr">Thread 1</h3>');
    expect(html).toContain('<blockquote dir="ltr">Screening at the points of first arrival</blockquote>');
    expect(html).toContain('<p dir="ltr">Status: Resolved</p>');
    expect(html).toContain('Outcome: Accepted as amended');
    // Dates as the export's language writes them (in the server's time zone), never an ISO timestamp.
    expect(html).toContain('Ana &lt;b&gt; (Spain), 28 November 2026 at ');
    expect(html).not.toContain('2026-11-28T');
    expect(html).toContain('Add &quot;trained officers&quot;.\nSecond line.');
    expect(html).toContain('<p class="comment-body" dir="rtl">نوافق على هذا التعديل</p>');
    expect(html).toContain('<blockquote dir="rtl">تعزيز التعاون القضائي</blockquote>');
    expect(html).toContain('<p class="comment-body" dir="ltr">Comment deleted</p>');
    expect(html).not.toContain('No comment threads');
  });

  it('writes the same annex in Markdown', async () => {
    const markdown = (await exportWithAnnex('md')).toString();
    expect(markdown).toContain(
      [
        '## Annex: comment threads',
        '',
        '### Thread 1',
        '',
        '> Screening at the points of first arrival',
        '',
        'Status: Resolved',
        '',
        'Outcome: Accepted as amended',
        '',
        `*Ana &lt;b&gt; (Spain), ${dateTime('2026-11-28T10:00:00.000Z')}*`,
        '',
        'Add "trained officers".  ',
        'Second line.',
      ].join('\n'),
    );
    expect(markdown).toContain('### Thread 2');
  });

  it('writes the annex in DOCX and PDF, Arabic comments right-to-left', async () => {
    const zip = await JSZip.loadAsync(await exportWithAnnex('docx'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Thread 2');
    expect(xml).toMatch(/<w:bidi\/>(?:(?!<\/w:p>).)*نوافق على هذا التعديل/s);

    const text = pdfText(await exportWithAnnex('pdf'));
    expect(text).toContain('Thread 1');
    expect(text).toContain('Outcome: Accepted as amended');
    expect(text).toContain('نوافق على هذا التعديل');
  });

  it('says its own words in the language asked for, right-to-left in Arabic, in every format', async () => {
    const html = (await exportWithAnnex('html', 'ar')).toString();
    expect(html).toContain('<h2 dir="rtl">ملحق: سلاسل التعليقات</h2>');
    expect(html).toContain('<h3 dir="rtl">السلسلة 1</h3>');
    expect(html).toContain('<p dir="rtl">الحالة: مُسوّاة</p>');
    expect(html).toContain('<p dir="rtl">النتيجة: Accepted as amended</p>');
    expect(html).toContain('<p class="comment-body" dir="rtl">حُذف التعليق</p>');
    expect(html).not.toMatch(/Thread|Status|Outcome|Comment deleted/);

    const markdown = (await exportWithAnnex('md', 'fr')).toString();
    expect(markdown).toContain('## Annexe\u00a0: fils de commentaires');
    expect(markdown).toContain('Statut\u00a0: Résolu');
    expect(markdown).toContain('Suite donnée\u00a0: Accepted as amended');
    expect(markdown).toContain('Commentaire supprimé');

    const zip = await JSZip.loadAsync(await exportWithAnnex('docx', 'ar'));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:bidi\/>(?:(?!<\/w:p>).)*ملحق: سلاسل التعليقات/s);
    expect(xml).toContain('السلسلة 2');

    const text = pdfText(await exportWithAnnex('pdf', 'es'));
    expect(text).toContain('Anexo: hilos de comentarios');
    expect(text).toContain('Estado: Abierto');
    expect(text).toContain('Comentario eliminado');
  });
});
