import type { AnyExtension, JSONContent } from '@tiptap/core';
import { MarkdownManager } from '@tiptap/markdown';
import type { ExportLabels } from './exportLabels.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Inline } from './exportModel.ts';
import { isPrinted } from './documentBlocks.ts';
import { footnoteMarks, footnotesOf, superscript } from './footnotes.ts';
import { statusLines } from './statusRows.ts';
import { SEPARATOR, documentInfoLine } from './titleBlock.ts';

/**
 * Markdown through @tiptap/markdown, which knows the schema's nodes and escapes text. The blocks are handed to it as
 * Tiptap JSON of the shared schema, with each recommendation spelled out as a bold "Recommendation N" line (the
 * serializer has no notion of our numbering). Direction is not expressible in Markdown; text stays in logical order.
 */
export function createMarkdownRenderer(extensions: AnyExtension[]): (document: ExportDocument) => string {
  const manager = new MarkdownManager({ extensions });
  return (document) => {
    const { labels } = document;
    const content: JSONContent[] = [
      heading(1, [text(document.title)]),
      ...(document.titleBlock.event.length > 0 ? [paragraphOf(document.titleBlock.event.join(SEPARATOR))] : []),
      { type: 'paragraph', content: [text(documentInfoLine(document.titleBlock), [{ type: 'italic' }])] },
      ...(document.statusLine ? [{ type: 'paragraph', content: [text(document.statusLine, [{ type: 'bold' }])] }] : []),
      ...document.blocks.flatMap((item) => block(item, labels)),
    ];
    // Reservations as footnotes after the text, marked with superscript digits (CommonMark has no footnotes).
    for (const { number, delegation, note } of footnotesOf(document.blocks)) {
      content.push(paragraphOf(`${superscript(number)} ${labels.reservationNote(delegation, note)}`));
    }
    if (document.statuses) content.push(...statusAnnex(document.statuses, labels));
    if (document.renumbering) content.push(heading(2, [text(labels.renumberingTitle)]), ...document.renumbering.map(paragraphOf));
    if (document.annex) content.push(...annex(document.annex, labels));
    return manager.serialize({ type: 'doc', content }).replace(/\n*$/, '\n');
  };
}

function block(item: Block, labels: ExportLabels): JSONContent[] {
  const inner = (blocks: readonly Block[]) => blocks.flatMap((child) => block(child, labels));
  switch (item.kind) {
    case 'paragraph':
      return [{ type: 'paragraph', content: inlines(item.inlines) }];
    case 'heading':
      // The title is the only level-1 heading; the document's own headings follow one level down.
      return [heading(Math.min(item.level + 1, 6), inlines(item.inlines))];
    case 'list':
      return [
        {
          type: item.ordered ? 'orderedList' : 'bulletList',
          ...(item.ordered ? { attrs: { start: item.start } } : {}),
          content: item.items.map((blocks) => ({ type: 'listItem', content: inner(blocks) })),
        },
      ];
    case 'quote':
      return [{ type: 'blockquote', content: inner(item.blocks) }];
    case 'recommendation':
      return [
        {
          type: 'paragraph',
          content: [
            text(labels.recommendationLabel(item), [{ type: 'bold' }]),
            ...(item.footnotes.length > 0 ? [text(footnoteMarks(item.footnotes))] : []),
          ],
        },
        ...inner(item.blocks),
      ];
    case 'parallel':
      // Markdown has no columns: the block in each language in turn, each after its language's code.
      return item.cells.flatMap((cell) => [{ type: 'paragraph', content: [text(cell.language.toUpperCase(), [{ type: 'bold' }])] }, ...cell.blocks.flatMap((child) => block(child, cell.labels))]);
  }
}

function inlines(content: readonly Inline[]): JSONContent[] {
  return content.filter(isPrinted).map((inline) => {
    if (inline.kind === 'break') return { type: 'hardBreak' };
    const marks: NonNullable<JSONContent['marks']> = [];
    if (inline.bold) marks.push({ type: 'bold' });
    if (inline.italic) marks.push({ type: 'italic' });
    if (inline.underline) marks.push({ type: 'underline' });
    if (inline.href) marks.push({ type: 'link', attrs: { href: markdownUrl(inline.href) } });
    // Review copy: proposals in CriticMarkup ({++added++}, {--removed--}), the plain-text convention for tracked changes.
    if (inline.change === 'inserted') return text(`{++${inline.text}++}`, marks);
    if (inline.change === 'deleted') return text(`{--${inline.text}--}`, marks);
    return text(inline.text, marks);
  });
}

function statusAnnex(rows: readonly AnnexStatusRow[], labels: ExportLabels): JSONContent[] {
  const content = [heading(2, [text(labels.statusAnnexTitle)])];
  if (rows.length === 0) content.push(paragraphOf(labels.noRecommendations));
  for (const { line, excerpt, reservations, alternatives } of statusLines(rows, labels)) {
    content.push({ type: 'paragraph', content: [text(line, [{ type: 'bold' }])] }, paragraphOf(excerpt));
    if (reservations) content.push(paragraphOf(reservations));
    content.push(...alternatives.map(paragraphOf));
  }
  return content;
}

function annex(threads: readonly AnnexThread[], labels: ExportLabels): JSONContent[] {
  const content = [heading(2, [text(labels.annexTitle)])];
  if (threads.length === 0) content.push(paragraphOf(labels.noThreads));
  threads.forEach((thread, index) => {
    content.push(
      heading(3, [text(labels.thread(index + 1))]),
      { type: 'blockquote', content: [paragraphOf(thread.quote)] },
      paragraphOf(labels.field(labels.status, labels.threadStatus[thread.status])),
      ...(thread.outcome ? [paragraphOf(labels.field(labels.outcome, thread.outcome))] : []),
    );
    for (const comment of thread.comments) {
      content.push(
        { type: 'paragraph', content: [text(labels.byline(comment.author, comment.delegation, comment.createdAt), [{ type: 'italic' }])] },
        paragraphOf(comment.body ?? labels.deletedComment),
      );
    }
  });
  return content;
}

function heading(level: number, content: JSONContent[]): JSONContent {
  return { type: 'heading', attrs: { level }, content };
}

function text(value: string, marks: JSONContent['marks'] = []): JSONContent {
  return { type: 'text', text: value, ...(marks.length > 0 ? { marks } : {}) };
}

/** Plain text with its line breaks kept as hard breaks. */
function paragraphOf(value: string): JSONContent {
  const content = value.split('\n').flatMap((line, index) => [...(index > 0 ? [{ type: 'hardBreak' }] : []), ...(line ? [text(line)] : [])]);
  return { type: 'paragraph', content };
}

/** The serializer writes hrefs verbatim; a parenthesis or space would end the link early, so they are encoded. */
function markdownUrl(href: string): string {
  return href.replace(/[()\s<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}
