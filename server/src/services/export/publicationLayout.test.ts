import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { DEMO_CONTENT, DEMO_TITLE } from '../../infrastructure/demo/demoContent.ts';
import { editorSchema } from '../../infrastructure/editorKit/editorSchema.ts';
import type { Publication } from './exportModel.ts';
import { createExportRenderer } from './renderExport.ts';
import { DEMO_CONSENSUS, WORKSHOP_METADATA } from '../../../test/exportFixture.ts';

const PUBLICATION: Publication = {
  documentId: 'demo-document',
  metadata: WORKSHOP_METADATA,
  version: { kind: 'named', name: 'Second reading', at: '2024-11-05T15:30:00.000Z' },
  adoptedAt: null,
};

const state = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), DEMO_CONTENT, 'default'));
const render = createExportRenderer();
const exportDemo = async (format: 'pdf' | 'docx', language: LanguageCode, publication = PUBLICATION) =>
  (await render({ title: DEMO_TITLE, state, format, language, annex: undefined, consensus: DEMO_CONSENSUS, publication })).body;

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-publication-'));
afterAll(() => fs.rmSync(folder, { recursive: true }));

function pdfPages(pdf: Buffer): string[] {
  const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
  return Array.from({ length: pages }, (_, index) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(index + 1), '-l', String(index + 1), file, '-'], { encoding: 'utf8' }).replace(
      /[\u200e\u200f\u202a-\u202e]/g,
      '',
    ),
  );
}

const ISO_TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

describe('PDF publication layout', () => {
  it('prints the title block, a running header and "Page N of M" with the version on every page, fonts embedded', async () => {
    const pdf = await exportDemo('pdf', 'en');
    const pages = pdfPages(pdf);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, index) => {
      expect(page).toContain('Draft recommendations\n');
      expect(page).toContain(`Page ${index + 1} of ${pages.length} · Second reading · 5 November 2024 at `);
      expect(page).not.toMatch(ISO_TIMESTAMP);
    });
    // The workshop line is a row of parts: pdftotext may put each on a line of its own.
    expect(pages[0]!.replace(/\s+/g, ' ')).toMatch(/CT JUST regional workshop · Málaga · 4 ?– ?6 November 2024/);
    expect(pages[0]).toContain('Second reading · 5 November 2024 at ');
    expect(pages[0]).toContain('· Draft');

    const file = path.join(folder, 'fonts.pdf');
    fs.writeFileSync(file, pdf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font).toMatch(/Amiri/);
      expect(font.split(/\s+/).at(-5), font).toBe('yes');
    }
  });

  it('puts reservations as numbered footnotes on their recommendation', async () => {
    const text = pdfPages(await exportDemo('pdf', 'en')).join('\n');
    expect(text).toContain('Recommendation 3¹ ²');
    expect(text).toContain('¹ Spain: pending consultation with capital');
    expect(text).toContain('² Morocco: reservation');
  });

  it('writes the title block and footer in the export language, and "Adopted on" once frozen as final', async () => {
    const french = pdfPages(await exportDemo('pdf', 'fr', { ...PUBLICATION, adoptedAt: '2024-11-06T17:00:00.000Z' }));
    expect(french[0]).toContain('4–6 novembre 2024');
    expect(french[0]).toContain('Adopté le 6 novembre 2024');
    expect(french[0]).toContain(`Page 1 sur ${french.length}`);
    // pdftotext reads a line mixing Arabic and numbers in no reliable order: its words are checked, not their order.
    const arabic = pdfPages(await exportDemo('pdf', 'ar'));
    for (const word of ['الصفحة', 'من', 'مسودة', 'نوفمبر']) expect(arabic[0]).toContain(word);
  });
});

describe('DOCX publication layout', () => {
  const parts = async (language: LanguageCode) => {
    const zip = await JSZip.loadAsync(await exportDemo('docx', language));
    const read = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
    const footerName = Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    const headerName = Object.keys(zip.files).find((name) => /^word\/header\d*\.xml$/.test(name))!;
    return {
      document: await read('word/document.xml'),
      styles: await read('word/styles.xml'),
      footnotes: await read('word/footnotes.xml'),
      core: await read('docProps/core.xml'),
      footer: await read(footerName),
      header: await read(headerName),
      fontTable: await read('word/fontTable.xml'),
    };
  };

  it('has named styles of its own, with headings and labels bold', async () => {
    const { styles, document } = await parts('en');
    for (const id of ['Title', 'Heading1', 'Heading2', 'Normal', 'Recommendation', 'RecommendationLabel', 'Header', 'Footer']) {
      expect(styles).toContain(`w:styleId="${id}"`);
    }
    expect(styles).toMatch(/w:styleId="Heading2".*?<w:b\/>.*?<\/w:style>/s);
    expect(styles).toMatch(/w:styleId="RecommendationLabel".*?<w:b\/>.*?<\/w:style>/s);
    expect(styles).toMatch(/w:styleId="Recommendation".*?<w:widowControl\/>.*?<\/w:style>/s);
    expect(document).not.toContain('<w:b w:val="false"/>');
    expect(document).toContain('<w:pStyle w:val="RecommendationLabel"/>');
    expect(document).toContain('<w:pStyle w:val="Recommendation"/>');
  });

  it('tags the words the export adds with its language, and each passage of the text with its own', async () => {
    for (const [language, tag, label] of [['en', 'en-GB', 'Recommendation 1'], ['fr', 'fr-FR', 'Recommandation 1'], ['ar', 'ar-SA', 'التوصية 1']] as const) {
      const { document } = await parts(language);
      // Runs of text; a footnote reference run holds only the mark Word numbers.
      const runs = (document.match(/<w:r>.*?<\/w:r>/gs) ?? []).filter((run) => run.includes('<w:t'));
      expect(runs.length).toBeGreaterThan(20);
      // Arabic is every run's bidirectional (complex-script) language.
      for (const run of runs) expect(run, run).toMatch(/<w:lang w:val="(en-GB|fr-FR|ar-SA)" w:bidi="ar-SA"\/>/);
      const languageOf = (words: string) => /<w:lang w:val="([^"]+)"/.exec(runs.find((run) => run.includes(words)) ?? '')?.[1];
      expect(languageOf(label), language).toBe(tag);
      expect(languageOf('Screening at the points of first arrival'), language).toBe('en-GB');
      expect(languageOf('exploitation des sources ouvertes'), language).toBe('fr-FR');
      expect(languageOf('تعزيز التعاون القضائي'), language).toBe('ar-SA');
      expect(languageOf('يجب ضمان حماية اللاجئين'), language).toBe('ar-SA');
      expect(languageOf('Access to asylum procedures'), language).toBe('en-GB');
    }
  });

  it('has a running header, "Page N of M" fields in the footer, footnotes, Amiri embedded and the organisation as author', async () => {
    const { header, footer, footnotes, core, document, fontTable } = await parts('en');
    expect(header).toContain('Draft recommendations');
    expect(footer).toMatch(/Page .*PAGE.* of .*NUMPAGES/s);
    expect(footer).toContain('Second reading');
    expect(footnotes).toContain('Spain: pending consultation with capital');
    expect(footnotes).toContain('Morocco: reservation');
    expect((document.match(/<w:footnoteReference /g) ?? []).length).toBe(2);
    expect(core).toContain('<dc:creator>CT JUST</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>CT JUST</cp:lastModifiedBy>');
    expect(core).toContain(`<dc:title>${DEMO_TITLE}</dc:title>`);
    expect(fontTable).toContain('w:embedRegular');
    // Intl's own range, with thin spaces around the dash in British English; the parts are runs apart, with marks.
    expect(document.replace(/<[^>]+>|\u200e/g, '')).toMatch(/CT JUST regional workshop · Málaga · 4\s?–\s?6 November 2024/u);
    expect(document).not.toMatch(ISO_TIMESTAMP);
  });
});

// Every page of the demo as a person sees it, in test-artifacts/exports (not committed): the PDFs as rendered, and the
// DOCX files as LibreOffice lays them out.
describe('the demo exports as pictures', () => {
  const artifacts = path.resolve('test-artifacts/exports');

  it('renders every page of the demo in English, French and Arabic, PDF and DOCX, to PNG', async () => {
    fs.mkdirSync(artifacts, { recursive: true });
    const languages = ['en', 'fr', 'ar'] as const;
    for (const language of languages) {
      for (const format of ['pdf', 'docx'] as const) fs.writeFileSync(path.join(folder, `demo-${language}.${format}`), await exportDemo(format, language));
    }
    const docxFiles = languages.map((language) => path.join(folder, `demo-${language}.docx`));
    const outdir = path.join(folder, 'docx-as-pdf');
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${folder}/profile`, '--convert-to', 'pdf', '--outdir', outdir, ...docxFiles], { stdio: 'ignore' });
    for (const language of languages) {
      for (const [format, pdf] of [['pdf', path.join(folder, `demo-${language}.pdf`)], ['docx', path.join(outdir, `demo-${language}.pdf`)]] as const) {
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
        const prefix = path.join(artifacts, `demo-${language}-${format}`);
        // A longer earlier run's last pages would otherwise stay beside these.
        const previous = fs.readdirSync(artifacts).filter((name) => name.startsWith(`demo-${language}-${format}-`));
        for (const name of previous) fs.rmSync(path.join(artifacts, name));
        execFileSync('pdftoppm', ['-png', '-r', '80', pdf, prefix]);
        const pictures = fs.readdirSync(artifacts).filter((name) => name.startsWith(`demo-${language}-${format}-`) && name.endsWith('.png'));
        expect(pictures.length, `${language} ${format}`).toBe(pages);
      }
    }
  }, 120_000);
});
