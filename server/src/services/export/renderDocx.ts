import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  FootnoteReferenceRun,
  Footer,
  Header,
  HeadingLevel,
  type IPropertiesOptions,
  InsertedTextRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { ExportLabels } from './exportLabels.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Footnote, Inline, TitleBlock } from './exportModel.ts';
import { languageDirection } from './parallelBlocks.ts';
import { footnotesOf } from './footnotes.ts';
import { LEFT_TO_RIGHT_MARK } from './directionMarks.ts';
import { documentInfoParts, markedSeparator, titleBlockSummary } from './titleBlock.ts';
import { statusLines } from './statusRows.ts';
import { DOCX_FONT, DOCX_STYLE, amiriFaces, docxStyles } from './docxStyles.ts';
import { WORD_LANGUAGE } from './exportLocale.ts';
import { DocxReview, type Revision, type RunLanguage } from './docxReview.ts';
import { isPrinted, plainText } from './documentBlocks.ts';
import { passageLanguage } from './passageLanguage.ts';

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Twentieths of a point per nesting step (half an inch), as Word indents lists. */
const INDENT_STEP = 720;

/** Twentieths of a point per centimetre. */
const CM = 567;

/** Twentieths of a point: an A4 page's width inside its 2.5 cm margins, what the columns of a parallel text share. */
const TEXT_WIDTH = 11906 - 5 * CM;

/**
 * A Word document an organiser can send out as it is: named styles (Title, Heading 1–6, Normal, Recommendation and
 * its label, Header, Footer), Amiri embedded, `w:lang` on every run, a title block, a running header (short title) and
 * a footer with "Page N of M" fields and the version, reservations as native footnotes, and core properties (title,
 * author = the organisation). Arabic paragraphs are bidirectional with right-to-left runs.
 */
export async function renderDocx(document: ExportDocument, exportedAt = new Date().toISOString()): Promise<Buffer> {
  const { labels } = document;
  const language = runLanguage(document.language);
  const review = document.review && new DocxReview(document.review, labels, language, exportedAt);
  const writer = new DocxWriter(labels, language, document.textLanguage, review);
  const annexes = new AnnexWriter(labels, language);
  const children = [
    ...titleBlockParagraphs(document, review && document.review ? review.unanchoredReferences(document.review) : []),
    ...(document.statusLine
      ? [new Paragraph({ ...direction(textDirection(document.statusLine)), children: runs([{ ...plain(document.statusLine), bold: true }], textDirection(document.statusLine), language) })]
      : []),
    ...(document.columns ? [columnHeadings(document.columns, language)] : []),
    ...document.blocks.flatMap((block) => writer.block(block, 0)),
    ...(document.statuses ? annexes.statuses(document.statuses) : []),
    ...(document.renumbering ? annexes.renumbering(document.renumbering) : []),
    ...(document.annex ? annexes.threads(document.annex) : []),
  ];
  return Packer.toBuffer(
    publicationDocument(document, children, {
      ...(review ? { comments: { children: review.comments }, features: { trackRevisions: true } } : {}),
      numbering: { config: writer.numberingConfig() },
      footnotes: Object.fromEntries(
        footnotesOf(document.blocks).map((note) => [note.number, { children: [footnoteParagraph(note, labels, language)] }]),
      ),
    }),
  );
}

/** What the publication frame of a Word file is made of: the clean text's, and the compilation's. */
export interface DocxFrame {
  title: string;
  titleBlock: TitleBlock;
  /** The language of the words the export adds. */
  language: LanguageCode;
  /** The language of the text, which the organiser's words are written in too. */
  textLanguage: LanguageCode;
  labels: ExportLabels;
}

/**
 * The title and the title block's lines (workshop line, version and status), which mix the organiser's words with dates
 * in the export's language and so read in its direction. `titleExtra`: more of the title paragraph (a review copy's
 * references to threads without words).
 */
export function titleBlockParagraphs({ title, titleBlock, language, textLanguage, labels }: DocxFrame, titleExtra: ParagraphChild[] = []): Paragraph[] {
  const labelDir = textDirection(labels.pageOf);
  const line = (style: string, parts: readonly string[]) =>
    new Paragraph({ style, ...direction(labelDir), children: partRuns(parts, labelDir, runLanguage(language), textLanguage) });
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      ...direction(textDirection(title)),
      children: [...runs([plain(title)], textDirection(title), runLanguage(passageLanguage(title, textLanguage))), ...titleExtra],
    }),
    ...(titleBlock.event.length > 0 ? [line(DOCX_STYLE.event, titleBlock.event)] : []),
    line(DOCX_STYLE.documentInfo, documentInfoParts(titleBlock)),
  ];
}

/**
 * A Word file in the publication frame: core properties (title, author = the organisation), named styles, Amiri
 * embedded, and one A4 section with 2.5 cm margins, the running header (short title) and the footer ("Page N of M"
 * fields and the version) around `children`. `options`: the rest of the file (numbering, footnotes, comments).
 */
export function publicationDocument(frame: DocxFrame, children: (Paragraph | Table)[], options: Partial<Omit<IPropertiesOptions, 'sections'>> = {}): Document {
  const { title, titleBlock, labels, textLanguage } = frame;
  const language = runLanguage(frame.language);
  const labelDir = textDirection(labels.pageOf);
  const run = (text: string, dir = textDirection(text)) => runs([plain(text)], dir, language);
  const author = titleBlock.organisation ?? 'Accord';
  return new Document({
    title,
    creator: author,
    lastModifiedBy: author,
    description: titleBlockSummary(titleBlock),
    styles: docxStyles(language),
    fonts: [{ name: DOCX_FONT, ...amiriFaces() }],
    ...options,
    sections: [
      {
        properties: { page: { margin: { top: 2.5 * CM, bottom: 2.5 * CM, left: 2.5 * CM, right: 2.5 * CM, header: 1.2 * CM, footer: 1.2 * CM } } },
        headers: { default: new Header({ children: [new Paragraph({ style: 'Header', ...direction(textDirection(titleBlock.shortTitle)), children: run(titleBlock.shortTitle) })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'Footer',
                ...direction(labelDir),
                children: [
                  ...pageNumberRuns(labels.pageOf, language, labelDir),
                  ...run(markedSeparator(labelDir), labelDir),
                  ...partRuns(titleBlock.versionParts, labelDir, language, textLanguage),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
}

/**
 * A line of parts (the organiser's words, dates in the export's language) in the direction `dir`: each part a run of
 * its own direction (`w:rtl` only on right-to-left text), the separators marked with the line's direction. As one run,
 * an Arabic export's "CT JUST regional workshop · Málaga · 4–6 نوفمبر 2024" showed its date's day apart from its month.
 */
function partRuns(parts: readonly string[], dir: TextDirection, language: RunLanguage, textLanguage: LanguageCode): ParagraphChild[] {
  return parts.flatMap((part, index) => {
    const partDir = textDirection(part, dir);
    // A part in the other script is the organiser's, not the export language's ("CT JUST regional workshop" in Arabic).
    const partLanguage = partDir === dir ? language : runLanguage(passageLanguage(part, textLanguage));
    return [...(index > 0 ? runs([plain(markedSeparator(dir))], dir, language) : []), ...runs([plain(part)], partDir, partLanguage)];
  });
}

/** "Page {page} of {pages}" with Word's PAGE and NUMPAGES fields where the placeholders are. */
function pageNumberRuns(template: string, language: RunLanguage, dir: TextDirection): ParagraphChild[] {
  const rtl = dir === 'rtl' ? { rightToLeft: true } : {};
  return template.split(/(\{page\}|\{pages\})/).filter(Boolean).map((part) => {
    if (part === '{page}') return new TextRun({ children: [PageNumber.CURRENT], language, ...rtl });
    if (part === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES], language, ...rtl });
    return new TextRun({ text: part, language, ...rtl });
  });
}

/**
 * A parallel text's table: one row, one cell per language. Each row is a table of its own, never split across pages,
 * so the languages of a recommendation always face each other.
 */
function parallelTable(cells: readonly { children: (Paragraph | Table)[] }[], options: { header?: boolean } = {}): Table {
  const width = Math.floor(TEXT_WIDTH / cells.length);
  return new Table({
    width: { size: width * cells.length, type: WidthType.DXA },
    columnWidths: cells.map(() => width),
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        ...(options.header ? { tableHeader: true } : {}),
        children: cells.map(
          ({ children }) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { top: 60, bottom: 60, left: 120, right: 120 },
              // A cell holds at least one paragraph (Word refuses an empty one).
              children: children.length > 0 ? children : [new Paragraph({})],
            }),
        ),
      }),
    ],
  });
}

const TABLE_RULE = { style: 'single', size: 4, color: 'BBBBBB' } as const;
const TABLE_BORDERS = { top: TABLE_RULE, bottom: TABLE_RULE, left: TABLE_RULE, right: TABLE_RULE, insideHorizontal: TABLE_RULE, insideVertical: TABLE_RULE };

/** The languages heading a parallel text's columns, each in its own direction. */
function columnHeadings(columns: readonly LanguageCode[], language: RunLanguage): Table {
  return parallelTable(
    columns.map((code) => {
      const dir = languageDirection(code);
      return { children: [new Paragraph({ keepNext: true, ...direction(dir), children: runs([{ ...plain(code.toUpperCase()), bold: true }], dir, language) })] };
    }),
    { header: true },
  );
}

function footnoteParagraph({ delegation, note }: Footnote, labels: ExportLabels, language: RunLanguage): Paragraph {
  const text = labels.reservationNote(delegation, note);
  return new Paragraph({ ...direction(textDirection(text)), children: runs([plain(text)], textDirection(text), language) });
}

class DocxWriter {
  /** Ordered lists need a numbering definition per start value, and an instance each so every list counts afresh. */
  private readonly starts = new Set<number>();
  private lists = 0;

  constructor(
    private readonly labels: ExportLabels,
    /** The language of the words the export adds (labels). */
    private readonly language: RunLanguage,
    /** The language of the text, which each passage keeps unless it clearly reads as another. */
    private readonly textLanguage: LanguageCode,
    private readonly review: DocxReview | undefined,
  ) {}

  /**
   * `style`: the paragraph style of the text paragraphs (Recommendation inside a recommendation, else Normal);
   * `labels`: the words around the text (a parallel text's column has those of its language); `textLanguage`: the
   * language of the text (a parallel text's column's).
   */
  block(block: Block, depth: number, style?: string, labels = this.labels, textLanguage = this.textLanguage): (Paragraph | Table)[] {
    const runsOf = (content: readonly Inline[], dir: TextDirection) => this.textRuns(content, dir, textLanguage);
    const labelRuns = (text: string, dir: TextDirection) => runs([plain(text)], dir, this.language);
    switch (block.kind) {
      case 'paragraph':
        return [
          new Paragraph({
            ...(style ? { style } : {}),
            ...direction(block.dir),
            ...indent(depth),
            ...this.paragraphMark(block.inlines),
            children: runsOf(block.inlines, block.dir),
          }),
        ];
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[block.level - 1],
            ...direction(block.dir),
            ...this.paragraphMark(block.inlines),
            children: runsOf(block.inlines, block.dir),
          }),
        ];
      case 'quote':
        return block.blocks.flatMap((inner) => this.block(inner, depth + 1, style, labels, textLanguage));
      case 'recommendation':
        return [
          new Paragraph({
            style: DOCX_STYLE.recommendationLabel,
            ...direction(block.dir),
            ...indent(depth),
            children: [...labelRuns(labels.recommendationLabel(block), block.dir), ...this.footnoteReferences(block, labels)],
          }),
          ...block.blocks.flatMap((inner) => this.block(inner, depth, DOCX_STYLE.recommendation, labels, textLanguage)),
        ];
      case 'list':
        return this.list(block, depth, style, labels, textLanguage);
      case 'parallel':
        // Each paragraph keeps the direction of its own words, as everywhere: the Arabic cell's are right-to-left.
        return [parallelTable(block.cells.map((cell) => ({ children: cell.blocks.flatMap((inner) => this.block(inner, 0, undefined, cell.labels, cell.language)) })))];
    }
  }

  /**
   * The reservations' footnote marks after the label, separated by a superscript comma (so 1 and 2 never read 12).
   * A left-to-right mark closes them when the label is left-to-right in a right-to-left paragraph, so the marks stay
   * after its number instead of moving to the paragraph's far side.
   */
  private footnoteReferences(block: Extract<Block, { kind: 'recommendation' }>, labels: ExportLabels): ParagraphChild[] {
    if (block.footnotes.length === 0) return [];
    const language = this.language;
    const marks = block.footnotes.flatMap(({ number }, index) => [
      ...(index > 0 ? [new TextRun({ text: ',', superScript: true, language })] : []),
      new FootnoteReferenceRun(number),
    ]);
    const closing = block.dir === 'rtl' && textDirection(labels.recommendationLabel(block)) === 'ltr';
    return closing ? [...marks, new TextRun({ text: LEFT_TO_RIGHT_MARK, language })] : marks;
  }

  /**
   * A proposal that splits a paragraph (or joins two) ends the first with a zero-width space marked inserted (or
   * deleted), the suggest-changes library's anchor for the paragraph break: in a review copy that break is a tracked
   * change of its own, so rejecting the split (or accepting the join) in Word puts the paragraphs back together.
   */
  private paragraphMark(content: readonly Inline[]): { run?: { insertion: Revision } | { deletion: Revision } } {
    const last = content.filter(isPrinted).at(-1);
    if (!this.review || last?.kind !== 'text' || !last.change || !last.text.endsWith('\u200b')) return {};
    const revision = this.review.revision(last.proposal);
    return { run: last.change === 'inserted' ? { insertion: revision } : { deletion: revision } };
  }

  /** A passage of the text, tagged with the language it reads as. */
  private textRuns(content: readonly Inline[], dir: TextDirection, textLanguage: LanguageCode): ParagraphChild[] {
    return runs(content, dir, runLanguage(passageLanguage(plainText(content), textLanguage)), this.review);
  }

  private list(
    list: Extract<Block, { kind: 'list' }>,
    depth: number,
    style: string | undefined,
    labels: ExportLabels,
    textLanguage: LanguageCode,
  ): (Paragraph | Table)[] {
    const level = Math.min(depth, 8);
    const numbering = list.ordered
      ? { reference: this.orderedReference(list.start), level, instance: ++this.lists }
      : undefined;
    return list.items.flatMap((item) =>
      item.flatMap((inner, index) => {
        // The first paragraph of an item carries its bullet or number; the rest of the item is indented under it.
        if (index === 0 && inner.kind === 'paragraph') {
          return [
            new Paragraph({
              ...(style ? { style } : {}),
              ...direction(inner.dir),
              ...(numbering ? { numbering } : { bullet: { level } }),
              ...this.paragraphMark(inner.inlines),
              children: this.textRuns(inner.inlines, inner.dir, textLanguage),
            }),
          ];
        }
        return this.block(inner, depth + 1, style, labels, textLanguage);
      }),
    );
  }

  private orderedReference(start: number): string {
    this.starts.add(start);
    return `ordered-from-${start}`;
  }

  numberingConfig() {
    return [...this.starts].map((start) => ({
      reference: `ordered-from-${start}`,
      levels: Array.from({ length: 9 }, (_, level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        start,
        alignment: AlignmentType.START,
        style: { paragraph: { indent: { left: INDENT_STEP * (level + 1), hanging: 360 } } },
      })),
    }));
  }
}

function direction(dir: TextDirection): { bidirectional?: boolean } {
  return dir === 'rtl' ? { bidirectional: true } : {};
}

function indent(depth: number): { indent?: { start: number } } {
  return depth > 0 ? { indent: { start: INDENT_STEP * depth } } : {};
}

function plain(text: string): Extract<Inline, { kind: 'text' }> {
  return { kind: 'text', text, bold: false, italic: false, underline: false, href: undefined };
}

/**
 * Runs of a paragraph, each tagged with Word's language (spell-check and hyphenation). A run of Arabic is marked
 * right-to-left (with the complex-script bold and italic Word applies to it); a run without strong characters takes
 * the paragraph's direction. In a review copy, proposals are tracked changes, bracketed text is highlighted and the
 * comment threads are anchored where their words start and end.
 */
function runs(content: readonly Inline[], paragraphDir: TextDirection, language: RunLanguage, review?: DocxReview): ParagraphChild[] {
  return content.flatMap((inline): ParagraphChild[] => {
    if (!isPrinted(inline)) return review ? review.boundary(inline) : [];
    if (inline.kind === 'break') return [new TextRun({ break: 1, language })];
    // The proposals library anchors deletions at block ends with zero-width spaces: not text anyone wrote.
    const text = review ? inline.text.replaceAll('\u200b', '') : inline.text;
    if (text === '') return [];
    const rtl = textDirection(text, paragraphDir) === 'rtl';
    const tracked = review && inline.change;
    // Bold and italic only where the text has them: an explicit "not bold" would override the style (headings, labels).
    const options = {
      text,
      ...(inline.bold ? { bold: true } : {}),
      ...(inline.italic ? { italics: true } : {}),
      language,
      ...(rtl ? { rightToLeft: true, ...(inline.bold ? { boldComplexScript: true } : {}), ...(inline.italic ? { italicsComplexScript: true } : {}) } : {}),
      ...(inline.underline || (!tracked && inline.change === 'inserted') ? { underline: {} } : {}),
      ...(!tracked && inline.change === 'deleted' ? { strike: true } : {}),
      ...(review && inline.bracketed ? { highlight: 'yellow' as const } : {}),
      ...(inline.href ? { style: 'Hyperlink' } : {}),
    };
    const run = !tracked
      ? new TextRun(options)
      : inline.change === 'inserted'
        ? new InsertedTextRun({ ...options, ...review.revision(inline.proposal) })
        : new DeletedTextRun({ ...options, ...review.revision(inline.proposal) });
    return [inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run];
  });
}

/** Lines of plain text as runs separated by breaks. */
function textLines(text: string, extra: { italic?: boolean } = {}): Inline[] {
  return text.split('\n').flatMap((line, index): Inline[] => [
    ...(index > 0 ? [{ kind: 'break' } as const] : []),
    { ...plain(line), italic: extra.italic ?? false },
  ]);
}

/** The annexes' paragraphs: the words the export adds, each in the direction of its own text. */
class AnnexWriter {
  constructor(
    private readonly labels: ExportLabels,
    private readonly language: RunLanguage,
  ) {}

  text(text: string, options: { italic?: boolean; depth?: number } = {}): Paragraph {
    const dir = textDirection(text);
    return new Paragraph({ ...direction(dir), ...indent(options.depth ?? 0), children: runs(textLines(text, options), dir, this.language) });
  }

  /** A heading in the direction of its language (an Arabic annex in an English text). */
  heading(heading: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string, pageBreakBefore = false): Paragraph {
    const dir = textDirection(text);
    return new Paragraph({ heading, pageBreakBefore, ...direction(dir), children: runs([plain(text)], dir, this.language) });
  }

  statuses(rows: readonly AnnexStatusRow[]): Paragraph[] {
    const { labels } = this;
    const paragraphs = [this.heading(HeadingLevel.HEADING_1, labels.statusAnnexTitle, true)];
    if (rows.length === 0) paragraphs.push(this.text(labels.noRecommendations));
    for (const { line, excerpt, reservations, alternatives } of statusLines(rows, labels)) {
      paragraphs.push(
        this.heading(HeadingLevel.HEADING_3, line),
        this.text(excerpt, { italic: true, depth: 1 }),
        ...(reservations ? [this.text(reservations)] : []),
        ...alternatives.map((alternative) => this.text(alternative)),
      );
    }
    return paragraphs;
  }

  renumbering(lines: readonly string[]): Paragraph[] {
    return [this.heading(HeadingLevel.HEADING_1, this.labels.renumberingTitle, true), ...lines.map((line) => this.text(line))];
  }

  threads(threads: readonly AnnexThread[]): Paragraph[] {
    const { labels } = this;
    const paragraphs = [this.heading(HeadingLevel.HEADING_1, labels.annexTitle, true)];
    if (threads.length === 0) paragraphs.push(this.text(labels.noThreads));
    threads.forEach((thread, index) => {
      paragraphs.push(
        this.heading(HeadingLevel.HEADING_2, labels.thread(index + 1)),
        this.text(thread.quote, { italic: true, depth: 1 }),
        this.text(labels.field(labels.status, labels.threadStatus[thread.status])),
        ...(thread.outcome ? [this.text(labels.field(labels.outcome, thread.outcome))] : []),
        ...thread.comments.flatMap((comment) => [
          this.text(labels.byline(comment.author, comment.delegation, comment.createdAt), { italic: true }),
          this.text(comment.body ?? labels.deletedComment, { depth: 1 }),
        ]),
      );
    });
    return paragraphs;
  }
}

/** Word's language of a run in `language`; Arabic is also the complex-script (bidirectional) language of every run. */
function runLanguage(language: LanguageCode): RunLanguage {
  return { value: WORD_LANGUAGE[language], bidirectional: WORD_LANGUAGE.ar };
}
