import { HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { CompilationCells, CompilationExport } from './compilationTable.ts';
import { publicationDocument, titleBlockParagraphs } from './renderDocx.ts';

const CM = 567;

interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  strike?: boolean;
  color?: string;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, bold: style.bold, strike: style.strike, color: style.color, underline: style.underline ? {} : undefined, rightToLeft: textDirection(text) === 'rtl' });

const paragraph = (children: TextRun[], dir: TextDirection, keepNext = false) =>
  new Paragraph({ children, ...(keepNext ? { keepNext } : {}), ...(dir === 'rtl' ? { bidirectional: true } : {}) });

const cell = (children: Paragraph[], shade?: string, columnSpan?: number) =>
  new TableCell({ children, columnSpan, ...(shade ? { shading: { fill: shade } } : {}), margins: { top: 60, bottom: 60, left: 100, right: 100 } });

const textCell = (text: string, style?: RunStyle, keepNext = false) => cell([paragraph([run(text, style)], textDirection(text), keepNext)]);

function proposalCell({ kind, deleted, inserted, quoted, supporters }: CompilationCells): TableCell {
  const dir = textDirection(`${deleted} ${inserted} ${quoted}`);
  const parts = [...(deleted ? [run(deleted, { strike: true })] : []), ...(inserted ? [run(inserted, { underline: true })] : []), ...(quoted ? [run(quoted)] : [])];
  const words = parts.flatMap((part, index) => (index === 0 ? [part] : [run(' '), part]));
  return cell([
    paragraph([run(kind, { color: '555555' })], textDirection(kind)),
    ...(words.length > 0 ? [paragraph(words, dir)] : []),
    ...(supporters ? [paragraph([run(supporters, { color: '555555' })], textDirection(supporters))] : []),
  ]);
}

/**
 * The compilation of proposals as a Word file, in the clean text's publication frame (title block, running header,
 * "Page N of M" footer): a heading and a table per recommendation, inserted words underlined. The heading keeps with
 * the table's first rows, and no row splits across pages.
 */
export function renderCompilationDocx(compilation: CompilationExport): Promise<Buffer> {
  const { labels } = compilation;
  const labelDir = textDirection(labels.compilation.title);
  const header = [labels.compilation.delegation, labels.compilation.tag, labels.compilation.proposal, labels.compilation.justification];
  const children = [
    ...titleBlockParagraphs(compilation),
    ...(compilation.statusLine ? [new Paragraph({ children: [run(compilation.statusLine, { bold: true })], ...(textDirection(compilation.statusLine) === 'rtl' ? { bidirectional: true } : {}) })] : []),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [run(compilation.subtitle)], ...(labelDir === 'rtl' ? { bidirectional: true } : {}) }),
    ...compilation.tables.flatMap((table) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, keepNext: true, children: [run(table.heading)], ...(labelDir === 'rtl' ? { bidirectional: true } : {}) }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [3 * CM, 1.6 * CM, 7.4 * CM, 4 * CM],
        visuallyRightToLeft: labelDir === 'rtl',
        rows: [
          // The current text and the column heads keep with the first proposal (keepNext on their paragraphs).
          new TableRow({ cantSplit: true, children: [textCell(labels.compilation.currentText, { bold: true }, true), cell([paragraph([run(table.currentText)], textDirection(table.currentText), true)], 'F5F5F5', 3)] }),
          new TableRow({ cantSplit: true, tableHeader: true, children: header.map((name) => cell([paragraph([run(name, { bold: true })], labelDir, true)], 'E8EEF6')) }),
          ...(table.rows.length === 0
            ? [new TableRow({ cantSplit: true, children: [cell([paragraph([run(labels.compilation.none)], labelDir)], undefined, 4)] })]
            : table.rows.map((row) => new TableRow({ cantSplit: true, children: [textCell(row.delegation), textCell(row.tag, { bold: true }), proposalCell(row), textCell(row.justification)] }))),
        ],
      }),
    ]),
  ];
  return Packer.toBuffer(publicationDocument(compilation, children, { title: `${compilation.title} · ${labels.compilation.title}` }));
}
