import { createRequire } from 'node:module';
import { Document, type DocumentProps, Font, Link, Page, type Styles, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { createElement as h, type ReactElement, type ReactNode } from 'react';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { ExportLabels } from './exportLabels.ts';
import { languageDirection } from './parallelBlocks.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Inline, TitleBlock } from './exportModel.ts';
import { isPrinted } from './documentBlocks.ts';
import { labelWithMarks, superscript } from './footnotes.ts';
import { RIGHT_TO_LEFT_MARK } from './directionMarks.ts';
import { WORD_LANGUAGE } from './exportLocale.ts';
import { SEPARATOR, documentInfoLine, titleBlockSummary } from './titleBlock.ts';
import { statusLines } from './statusRows.ts';

/** Amiri covers Arabic, French, Spanish and English in one face, and pdftotext reads its Arabic back correctly. */
export const FONT_FAMILY = 'Amiri';

/**
 * Registers the bundled Amiri faces with react-pdf (its font registry is process-wide, and registering again is
 * harmless). Words are never hyphenated: an inserted hyphen would change negotiated text.
 */
export function registerFonts(): void {
  const require = createRequire(import.meta.url);
  const face = (name: string) => require.resolve(`@expo-google-fonts/amiri/${name}/Amiri_${name}.ttf`);
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: face('400Regular') },
      { src: face('700Bold'), fontWeight: 'bold' },
      { src: face('400Regular_Italic'), fontStyle: 'italic' },
      { src: face('700Bold_Italic'), fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
  Font.registerHyphenationCallback((word) => [word]);
}

const HEADING_SIZES = [17, 15, 13, 12, 12, 11] as const;

/** Points: a 2.5 cm margin, and the running lines inside it. */
const MARGIN = 71;
const RUNNING_LINE_OFFSET = 34;

const styles = {
  page: { fontFamily: FONT_FAMILY, fontSize: 11, paddingTop: MARGIN, paddingBottom: MARGIN, paddingHorizontal: MARGIN },
  // Set on each block of text, not on the page: a line height inherited by the footer's page-number text hides it
  // (react-pdf 4.9). With its font size: react-pdf resolves a unitless line height against the size in the same style
  // (else its default 18 pt).
  text: { fontSize: 11, lineHeight: 1.45 },
  header: { position: 'absolute', top: RUNNING_LINE_OFFSET, left: MARGIN, right: MARGIN, fontSize: 9, color: '#555555' },
  footer: { position: 'absolute', bottom: RUNNING_LINE_OFFSET, left: MARGIN, right: MARGIN, fontSize: 9, color: '#555555' },
  title: { fontSize: 21, fontWeight: 'bold', lineHeight: 1.3, marginBottom: 8, color: '#1f2a44' },
  event: { fontSize: 13, marginBottom: 2, color: '#333333' },
  documentInfo: { fontSize: 10, color: '#555555' },
  titleRule: { borderBottomWidth: 0.75, borderBottomColor: '#999999', marginTop: 4, marginBottom: 14 },
  heading: { fontWeight: 'bold', lineHeight: 1.3, marginTop: 14, marginBottom: 6, color: '#1f2a44' },
  statusLine: { fontWeight: 'bold', marginTop: 4, marginBottom: 4 },
  paragraph: { marginBottom: 6 },
  recommendation: { marginTop: 8, marginBottom: 4 },
  recommendationLabel: { fontWeight: 'bold', marginBottom: 2 },
  quote: { borderLeftWidth: 2, borderLeftColor: '#bbbbbb', paddingLeft: 8, marginBottom: 6 },
  listMarker: { width: 22 },
  listBody: { flex: 1 },
  link: { color: '#1a4f9c', textDecoration: 'underline' },
  annex: { marginTop: 8 },
  meta: { fontStyle: 'italic', color: '#555555' },
  footnotes: { marginTop: 4, paddingTop: 2, borderTopWidth: 0.5, borderTopColor: '#888888', width: '40%' },
  footnote: { fontSize: 9, lineHeight: 1.3 },
  parallelRow: { borderBottomWidth: 0.5, borderBottomColor: '#bbbbbb', paddingVertical: 4 },
  parallelCell: { flex: 1, flexBasis: 0, paddingHorizontal: 6 },
  columnHeading: { fontWeight: 'bold', color: '#1f2a44' },
} satisfies Styles;

/**
 * A PDF rendered in-process with react-pdf (no browser): Arabic is shaped and laid out right-to-left by Amiri, which
 * is embedded (subset). A4 with 2.5 cm margins; on every page a running header (the short title) and a footer
 * ("Page 3 of 12" and the version); a title block on the first; headings kept with what follows them.
 */
export function createPdfRenderer(): (document: ExportDocument) => Promise<Buffer> {
  registerFonts();
  return (document) => {
    const { labels } = document;
    return renderToBuffer(
      publication(
        document,
        ...(document.statusLine ? [textBlock(textDirection(document.statusLine), styles.statusLine, document.statusLine)] : []),
        ...(document.columns ? [columnHeadings(document.columns)] : []),
        ...document.blocks.map((item, index) => block(item, index, labels)),
        ...(document.statuses ? [statusAnnex(document.statuses, labels)] : []),
        ...(document.renumbering ? [renumberingAnnex(document.renumbering, labels)] : []),
        ...(document.annex ? [annex(document.annex, labels)] : []),
      ),
    );
  };
}

/** What the publication frame of a PDF is made of: the clean text's, and the compilation's. */
export interface PdfFrame {
  title: string;
  titleBlock: TitleBlock;
  language: LanguageCode;
  labels: ExportLabels;
}

/**
 * A PDF document of one A4 page flow in the publication frame: the file's properties, the running header (short
 * title) and footer ("Page 3 of 12" and the version) on every page, then the title block, then `content`.
 */
export function publication({ title, titleBlock, language, labels }: PdfFrame, ...content: ReactElement[]): ReactElement<DocumentProps> {
  // The lines the export writes read in the export language's direction (an Arabic footer under an English text).
  const labelDir = textDirection(labels.pageOf);
  return h(
    Document,
    {
      title,
      author: titleBlock.organisation ?? 'Accord',
      subject: titleBlockSummary(titleBlock),
      language: WORD_LANGUAGE[language],
      creator: 'Accord',
      producer: 'Accord',
    },
    h(
      Page,
      { size: 'A4', style: styles.page },
      h(View, { fixed: true, style: styles.header }, textBlock(textDirection(titleBlock.shortTitle), {}, titleBlock.shortTitle)),
      h(Text, {
        fixed: true,
        style: [styles.footer, directed(labelDir)],
        render: ({ pageNumber, totalPages }: { pageNumber: number; totalPages: number }) =>
          `${labelDir === 'rtl' ? RIGHT_TO_LEFT_MARK : ''}${pageLine(labels.pageOf, pageNumber, totalPages)}${SEPARATOR}${titleBlock.version}`,
      }),
      textBlock(textDirection(title), styles.title, title),
      ...(titleBlock.event.length > 0 ? [eventLine(titleBlock.event, labelDir)] : []),
      textBlock(labelDir, styles.documentInfo, documentInfoLine(titleBlock)),
      h(View, { style: styles.titleRule }),
      ...content,
    ),
  );
}

/**
 * The workshop line as a row of its parts, each laid out in its own direction and the row in the export language's:
 * react-pdf's bidi mangles one mixed line ("Málaga · 4–6 نوفمبر 2024" split its numbers from their month).
 */
function eventLine(parts: readonly string[], dir: TextDirection): ReactElement {
  return h(
    View,
    { style: { flexDirection: dir === 'rtl' ? 'row-reverse' : 'row', flexWrap: 'wrap' } },
    ...parts.flatMap((part, index) => [
      // The separator's spaces as margins: react-pdf trims spaces at the ends of a text.
      ...(index > 0 ? [h(Text, { key: `separator-${index}`, style: [styles.event, { marginHorizontal: 4 }] }, SEPARATOR.trim())] : []),
      h(View, { key: index }, textBlock(textDirection(part, dir), styles.event, part)),
    ]),
  );
}

/** "Page 3 of 12" from the language's template. */
function pageLine(template: string, page: number, pages: number): string {
  return template.replace('{page}', String(page)).replace('{pages}', String(pages));
}

/** Direction and alignment of a block: react-pdf lays out bidi text with `direction`, but aligns by `textAlign`. */
function directed(dir: TextDirection) {
  return { direction: dir, textAlign: dir === 'rtl' ? 'right' : 'left' } as const;
}

/**
 * react-pdf takes a paragraph's bidi level from its first character rather than from `direction`, so a right-to-left
 * paragraph that opens with a neutral — "(أ) تعزيز…", "«…»" — was laid out left-to-right: "(أ)" ended up on the left.
 * A right-to-left mark first gives it the level `direction` says (invisible, and no glyph in the text layer's words).
 */

function textBlock(dir: TextDirection, style: Styles[string], ...children: ReactNode[]): ReactElement {
  return h(Text, { style: [styles.text, style, directed(dir)] }, ...(dir === 'rtl' ? [RIGHT_TO_LEFT_MARK, ...children] : children));
}

function block(item: Block, key: number, labels: ExportLabels): ReactElement {
  const inner = (blocks: readonly Block[]) => blocks.map((child, index) => block(child, index, labels));
  switch (item.kind) {
    case 'paragraph':
      return h(View, { key }, textBlock(item.dir, styles.paragraph, ...inlines(item.inlines)));
    case 'heading':
      return h(
        View,
        { key, minPresenceAhead: 40 },
        textBlock(item.dir, { ...styles.heading, fontSize: HEADING_SIZES[item.level - 1] }, ...inlines(item.inlines)),
      );
    case 'quote':
      return h(View, { key, style: styles.quote }, ...inner(item.blocks));
    case 'recommendation':
      return h(
        View,
        { key, style: styles.recommendation },
        h(
          View,
          { minPresenceAhead: 30 },
          textBlock(item.dir, styles.recommendationLabel, labelWithMarks(labels.recommendationLabel(item), item.footnotes, item.dir)),
        ),
        ...inner(item.blocks),
        ...(item.footnotes.length > 0 ? [footnotes(item, labels)] : []),
      );
    case 'parallel':
      // Never split across pages: the languages of a block face each other, on one page.
      return parallelRow(
        item.dir,
        item.cells.map((cell) => cell.blocks.map((child, index) => block(child, index, cell.labels))),
        key,
      );
    case 'list':
      return h(
        View,
        { key },
        ...item.items.map((blocks, index) => {
          // Lists are rows of a marker and a body; a right-to-left item puts its marker on the right.
          const dir = blocks[0]?.dir ?? item.dir;
          return h(
            View,
            { key: index, style: { flexDirection: dir === 'rtl' ? 'row-reverse' : 'row' }, wrap: false },
            textBlock(dir, styles.listMarker, item.ordered ? `${item.start + index}.` : '•'),
            h(View, { style: styles.listBody }, ...inner(blocks)),
          );
        }),
      );
  }
}

/** A row of a parallel text: equal columns, the source's first in its reading order. */
function parallelRow(dir: TextDirection, cells: ReactNode[][], key: number | string): ReactElement {
  return h(
    View,
    { key, wrap: false, style: [styles.parallelRow, { flexDirection: dir === 'rtl' ? 'row-reverse' : 'row' }] },
    ...cells.map((children, index) => h(View, { key: index, style: styles.parallelCell }, ...children)),
  );
}

/** The languages heading a parallel text's columns. */
function columnHeadings(columns: readonly LanguageCode[]): ReactElement {
  return parallelRow(
    languageDirection(columns[0]!),
    columns.map((language) => [textBlock(languageDirection(language), styles.columnHeading, language.toUpperCase())]),
    'columns',
  );
}

/**
 * A recommendation's reservations, printed under it: react-pdf cannot move a note to the foot of whichever page its
 * mark lands on, and under its recommendation the note always sits beside what it qualifies.
 */
function footnotes(item: Extract<Block, { kind: 'recommendation' }>, labels: ExportLabels): ReactElement {
  const side = item.dir === 'rtl' ? { alignSelf: 'flex-end' as const } : {};
  return h(
    View,
    { wrap: false },
    h(View, { style: [styles.footnotes, side] }),
    ...item.footnotes.map(({ number, delegation, note }) => {
      const text = `${superscript(number)} ${labels.reservationNote(delegation, note)}`;
      return h(View, { key: number }, textBlock(textDirection(text), styles.footnote, text));
    }),
  );
}

function inlines(content: readonly Inline[]): ReactNode[] {
  return content.filter(isPrinted).map((inline, key) => {
    if (inline.kind === 'break') return '\n';
    const style = {
      ...(inline.bold ? { fontWeight: 'bold' as const } : {}),
      ...(inline.italic ? { fontStyle: 'italic' as const } : {}),
      ...(inline.underline || inline.change === 'inserted' ? { textDecoration: 'underline' as const } : {}),
      ...(inline.change === 'deleted' ? { textDecoration: 'line-through' as const } : {}),
    };
    return inline.href ? h(Link, { key, src: inline.href, style: [styles.link, style] }, inline.text) : h(Text, { key, style }, inline.text);
  });
}

function plainParagraph(text: string, key: string, style: Styles[string] = styles.paragraph): ReactElement {
  return h(View, { key }, textBlock(textDirection(text), style, text));
}

/** A heading of the words the export adds, in the direction of their language (an Arabic annex in an English text). */
function labelHeading(text: string, style: Styles[string]): ReactElement {
  return textBlock(textDirection(text), style, text);
}

function statusAnnex(rows: readonly AnnexStatusRow[], labels: ExportLabels): ReactElement {
  return h(
    View,
    { break: true, style: styles.annex },
    labelHeading(labels.statusAnnexTitle, { fontSize: HEADING_SIZES[0], fontWeight: 'bold', marginBottom: 8 }),
    ...(rows.length === 0 ? [plainParagraph(labels.noRecommendations, 'none')] : []),
    ...statusLines(rows, labels).map(({ line, excerpt, reservations, alternatives }, index) =>
      h(
        View,
        { key: index, style: { marginBottom: 8 } },
        labelHeading(line, { fontSize: HEADING_SIZES[2], fontWeight: 'bold' }),
        plainParagraph(excerpt, 'excerpt'),
        ...(reservations ? [plainParagraph(reservations, 'reservations')] : []),
        ...alternatives.map((alternative, line) => plainParagraph(alternative, `alternative-${line}`)),
      ),
    ),
  );
}

function renumberingAnnex(lines: readonly string[], labels: ExportLabels): ReactElement {
  return h(
    View,
    { break: true, style: styles.annex },
    labelHeading(labels.renumberingTitle, { fontSize: HEADING_SIZES[0], fontWeight: 'bold', marginBottom: 8 }),
    ...lines.map((line, index) => plainParagraph(line, `renumbering-${index}`)),
  );
}

function annex(threads: readonly AnnexThread[], labels: ExportLabels): ReactElement {
  return h(
    View,
    { break: true, style: styles.annex },
    labelHeading(labels.annexTitle, { fontSize: HEADING_SIZES[0], fontWeight: 'bold', marginBottom: 8 }),
    ...(threads.length === 0 ? [plainParagraph(labels.noThreads, 'none')] : []),
    ...threads.map((thread, index) =>
      h(
        View,
        { key: index, style: { marginBottom: 10 } },
        labelHeading(labels.thread(index + 1), { fontSize: HEADING_SIZES[2], fontWeight: 'bold' }),
        h(View, { style: styles.quote }, plainParagraph(thread.quote, 'quote')),
        plainParagraph(labels.field(labels.status, labels.threadStatus[thread.status]), 'status'),
        ...(thread.outcome ? [plainParagraph(labels.field(labels.outcome, thread.outcome), 'outcome')] : []),
        ...thread.comments.flatMap((comment, commentIndex) => [
          plainParagraph(labels.byline(comment.author, comment.delegation, comment.createdAt), `meta-${commentIndex}`, styles.meta),
          plainParagraph(comment.body ?? labels.deletedComment, `body-${commentIndex}`),
        ]),
      ),
    ),
  );
}
