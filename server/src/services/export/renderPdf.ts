import { createRequire } from 'node:module';
import { Document, Font, Link, Page, type Styles, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { createElement as h, type ReactElement, type ReactNode } from 'react';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { ExportLabels } from './exportLabels.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Inline } from './exportModel.ts';
import { statusLines } from './statusRows.ts';

/** Amiri covers Arabic, French, Spanish and English in one face, and pdftotext reads its Arabic back correctly. */
const FONT_FAMILY = 'Amiri';

/**
 * Registers the bundled Amiri faces with react-pdf (its font registry is process-wide, and registering again is
 * harmless). Words are never hyphenated: an inserted hyphen would change negotiated text.
 */
function registerFonts(): void {
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

const HEADING_SIZES = [18, 16, 14, 13, 12, 11] as const;

const styles = {
  page: { fontFamily: FONT_FAMILY, fontSize: 11, lineHeight: 1.4, paddingVertical: 56, paddingHorizontal: 60 },
  title: { fontSize: 22, fontWeight: 'bold', marginBottom: 16 },
  statusLine: { fontWeight: 'bold', marginTop: -8, marginBottom: 12 },
  paragraph: { marginBottom: 6 },
  recommendation: { marginTop: 8, marginBottom: 4 },
  recommendationLabel: { fontWeight: 'bold', marginBottom: 2 },
  quote: { borderLeftWidth: 2, borderLeftColor: '#bbbbbb', paddingLeft: 8, marginBottom: 6 },
  listMarker: { width: 22 },
  listBody: { flex: 1 },
  link: { color: '#1a4f9c', textDecoration: 'underline' },
  annex: { marginTop: 8 },
  meta: { fontStyle: 'italic', color: '#555555' },
} satisfies Styles;

/** A PDF rendered in-process with react-pdf (no browser): Arabic is shaped and laid out right-to-left by Amiri. */
export function createPdfRenderer(): (document: ExportDocument) => Promise<Buffer> {
  registerFonts();
  return (document) =>
    renderToBuffer(
      h(
        Document,
        { title: document.title, creator: 'Accord', producer: 'Accord' },
        h(
          Page,
          { size: 'A4', style: styles.page },
          textBlock(textDirection(document.title), styles.title, document.title),
          ...(document.statusLine ? [textBlock(textDirection(document.statusLine), styles.statusLine, document.statusLine)] : []),
          ...document.blocks.map((item, index) => block(item, index, document.labels)),
          ...(document.statuses ? [statusAnnex(document.statuses, document.labels)] : []),
          ...(document.annex ? [annex(document.annex, document.labels)] : []),
        ),
      ),
    );
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
const RIGHT_TO_LEFT_MARK = '\u200f';

function textBlock(dir: TextDirection, style: Styles[string], ...children: ReactNode[]): ReactElement {
  return h(Text, { style: [style, directed(dir)] }, ...(dir === 'rtl' ? [RIGHT_TO_LEFT_MARK, ...children] : children));
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
        textBlock(item.dir, { fontSize: HEADING_SIZES[item.level - 1], fontWeight: 'bold', marginTop: 8, marginBottom: 4 }, ...inlines(item.inlines)),
      );
    case 'quote':
      return h(View, { key, style: styles.quote }, ...inner(item.blocks));
    case 'recommendation':
      return h(
        View,
        { key, style: styles.recommendation },
        h(View, { minPresenceAhead: 30 }, textBlock(item.dir, styles.recommendationLabel, labels.recommendation(item.number))),
        ...inner(item.blocks),
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

function inlines(content: readonly Inline[]): ReactNode[] {
  return content.map((inline, key) => {
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
    ...statusLines(rows, labels).map(({ line, excerpt, reservations }, index) =>
      h(
        View,
        { key: index, style: { marginBottom: 8 } },
        labelHeading(line, { fontSize: HEADING_SIZES[2], fontWeight: 'bold' }),
        plainParagraph(excerpt, 'excerpt'),
        ...(reservations ? [plainParagraph(reservations, 'reservations')] : []),
      ),
    ),
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
          plainParagraph(`${comment.author} (${comment.delegation}), ${comment.createdAt}`, `meta-${commentIndex}`, styles.meta),
          plainParagraph(comment.body ?? labels.deletedComment, `body-${commentIndex}`),
        ]),
      ),
    ),
  );
}
