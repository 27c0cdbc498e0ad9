import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  TextRun,
} from 'docx';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { ExportLabels } from './exportLabels.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Inline } from './exportModel.ts';
import { statusLines } from './statusRows.ts';

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

/** A Word document: bidirectional paragraphs and right-to-left runs for Arabic, Word's own heading and list styles. */
export async function renderDocx(document: ExportDocument): Promise<Buffer> {
  const { labels } = document;
  const writer = new DocxWriter(labels);
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, ...direction(textDirection(document.title)), children: runs([plain(document.title)], textDirection(document.title)) }),
    ...(document.statusLine
      ? [new Paragraph({ ...direction(textDirection(document.statusLine)), children: runs([{ ...plain(document.statusLine), bold: true }], textDirection(document.statusLine)) })]
      : []),
    ...document.blocks.flatMap((block) => writer.block(block, 0)),
    ...(document.statuses ? statusAnnex(document.statuses, labels) : []),
    ...(document.annex ? annex(document.annex, labels) : []),
  ];
  return Packer.toBuffer(
    new Document({
      title: document.title,
      creator: 'Accord',
      numbering: { config: writer.numberingConfig() },
      sections: [{ children }],
    }),
  );
}

class DocxWriter {
  /** Ordered lists need a numbering definition per start value, and an instance each so every list counts afresh. */
  private readonly starts = new Set<number>();
  private lists = 0;

  constructor(private readonly labels: ExportLabels) {}

  block(block: Block, depth: number): Paragraph[] {
    switch (block.kind) {
      case 'paragraph':
        return [new Paragraph({ ...direction(block.dir), ...indent(depth), children: runs(block.inlines, block.dir) })];
      case 'heading':
        return [new Paragraph({ heading: HEADINGS[block.level - 1], ...direction(block.dir), children: runs(block.inlines, block.dir) })];
      case 'quote':
        return block.blocks.flatMap((inner) => this.block(inner, depth + 1));
      case 'recommendation':
        return [
          new Paragraph({
            ...direction(block.dir),
            ...indent(depth),
            keepNext: true,
            spacing: { before: 240 },
            children: runs([{ ...plain(this.labels.recommendation(block.number)), bold: true }], block.dir),
          }),
          ...block.blocks.flatMap((inner) => this.block(inner, depth)),
        ];
      case 'list':
        return this.list(block, depth);
    }
  }

  private list(list: Extract<Block, { kind: 'list' }>, depth: number): Paragraph[] {
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
              ...direction(inner.dir),
              ...(numbering ? { numbering } : { bullet: { level } }),
              children: runs(inner.inlines, inner.dir),
            }),
          ];
        }
        return this.block(inner, depth + 1);
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
 * Runs of a paragraph. A run of Arabic is marked right-to-left (with the complex-script bold and italic Word applies
 * to it); a run without strong characters takes the paragraph's direction.
 */
function runs(content: readonly Inline[], paragraphDir: TextDirection): ParagraphChild[] {
  return content.map((inline) => {
    if (inline.kind === 'break') return new TextRun({ break: 1 });
    const rtl = textDirection(inline.text, paragraphDir) === 'rtl';
    const run = new TextRun({
      text: inline.text,
      bold: inline.bold,
      italics: inline.italic,
      ...(rtl ? { rightToLeft: true, boldComplexScript: inline.bold, italicsComplexScript: inline.italic } : {}),
      ...(inline.underline || inline.change === 'inserted' ? { underline: {} } : {}),
      ...(inline.change === 'deleted' ? { strike: true } : {}),
      ...(inline.href ? { style: 'Hyperlink' } : {}),
    });
    return inline.href ? new ExternalHyperlink({ link: inline.href, children: [run] }) : run;
  });
}

/** Lines of plain text as runs separated by breaks. */
function textLines(text: string, extra: { italic?: boolean } = {}): Inline[] {
  return text.split('\n').flatMap((line, index): Inline[] => [
    ...(index > 0 ? [{ kind: 'break' } as const] : []),
    { ...plain(line), italic: extra.italic ?? false },
  ]);
}

function textParagraph(text: string, options: { italic?: boolean; depth?: number } = {}): Paragraph {
  const dir = textDirection(text);
  return new Paragraph({ ...direction(dir), ...indent(options.depth ?? 0), children: runs(textLines(text, options), dir) });
}

/** A heading of the words the export adds, in the direction of their language (an Arabic annex in an English text). */
function labelHeading(heading: (typeof HeadingLevel)[keyof typeof HeadingLevel], text: string, pageBreakBefore = false): Paragraph {
  const dir = textDirection(text);
  return new Paragraph({ heading, pageBreakBefore, ...direction(dir), children: runs([plain(text)], dir) });
}

function statusAnnex(rows: readonly AnnexStatusRow[], labels: ExportLabels): Paragraph[] {
  const paragraphs = [labelHeading(HeadingLevel.HEADING_1, labels.statusAnnexTitle, true)];
  if (rows.length === 0) paragraphs.push(textParagraph(labels.noRecommendations));
  for (const { line, excerpt, reservations } of statusLines(rows, labels)) {
    paragraphs.push(
      labelHeading(HeadingLevel.HEADING_3, line),
      textParagraph(excerpt, { italic: true, depth: 1 }),
      ...(reservations ? [textParagraph(reservations)] : []),
    );
  }
  return paragraphs;
}

function annex(threads: readonly AnnexThread[], labels: ExportLabels): Paragraph[] {
  const paragraphs = [labelHeading(HeadingLevel.HEADING_1, labels.annexTitle, true)];
  if (threads.length === 0) paragraphs.push(textParagraph(labels.noThreads));
  threads.forEach((thread, index) => {
    paragraphs.push(
      labelHeading(HeadingLevel.HEADING_2, labels.thread(index + 1)),
      textParagraph(thread.quote, { italic: true, depth: 1 }),
      textParagraph(labels.field(labels.status, labels.threadStatus[thread.status])),
      ...(thread.outcome ? [textParagraph(labels.field(labels.outcome, thread.outcome))] : []),
      ...thread.comments.flatMap((comment) => [
        textParagraph(`${comment.author} (${comment.delegation}), ${comment.createdAt}`, { italic: true }),
        textParagraph(comment.body ?? labels.deletedComment, { depth: 1 }),
      ]),
    );
  });
  return paragraphs;
}
