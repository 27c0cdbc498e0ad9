import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { CompilationCells, CompilationExport } from './compilationTable.ts';
import { DOCX_FONT, amiriFaces, docxStyles } from './docxStyles.ts';
import { WORD_LANGUAGE } from './exportLocale.ts';

const CM = 567;

interface RunStyle {
  bold?: boolean;
  underline?: boolean;
  strike?: boolean;
  color?: string;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, bold: style.bold, strike: style.strike, color: style.color, underline: style.underline ? {} : undefined, rightToLeft: textDirection(text) === 'rtl' });

const paragraph = (children: TextRun[], dir: TextDirection) => new Paragraph({ children, ...(dir === 'rtl' ? { bidirectional: true } : {}) });

const cell = (children: Paragraph[], shade?: string, columnSpan?: number) =>
  new TableCell({ children, columnSpan, ...(shade ? { shading: { fill: shade } } : {}), margins: { top: 60, bottom: 60, left: 100, right: 100 } });

const textCell = (text: string, style?: RunStyle) => cell([paragraph([run(text, style)], textDirection(text))]);

function proposalCell({ kind, inserted, deleted, supporters }: CompilationCells): TableCell {
  const dir = textDirection(`${inserted} ${deleted}`);
  const words = [...(inserted ? [run(inserted, { underline: true })] : []), ...(inserted && deleted ? [run(' ')] : []), ...(deleted ? [run(deleted, { strike: true })] : [])];
  return cell([
    paragraph([run(kind, { color: '555555' })], textDirection(kind)),
    ...(words.length > 0 ? [paragraph(words, dir)] : []),
    ...(supporters ? [paragraph([run(supporters, { color: '555555' })], textDirection(supporters))] : []),
  ]);
}

/** The compilation of proposals as a Word file: a heading and a table per recommendation, inserted words underlined. */
export function renderCompilationDocx(compilation: CompilationExport, language: LanguageCode): Promise<Buffer> {
  const { labels } = compilation;
  const labelDir = textDirection(labels.compilation.title);
  const header = [labels.compilation.delegation, labels.compilation.tag, labels.compilation.proposal, labels.compilation.justification];
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(compilation.title)], ...(textDirection(compilation.title) === 'rtl' ? { bidirectional: true } : {}) }),
    paragraph([run(compilation.subtitle, { color: '555555' })], labelDir),
    ...compilation.tables.flatMap((table) => [
      new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(table.heading)], ...(labelDir === 'rtl' ? { bidirectional: true } : {}) }),
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: [3 * CM, 1.6 * CM, 7.4 * CM, 4 * CM],
        visuallyRightToLeft: labelDir === 'rtl',
        rows: [
          new TableRow({ children: [textCell(labels.compilation.currentText, { bold: true }), cell([paragraph([run(table.currentText)], textDirection(table.currentText))], 'F5F5F5', 3)] }),
          new TableRow({ tableHeader: true, children: header.map((name) => cell([paragraph([run(name, { bold: true })], labelDir)], 'E8EEF6')) }),
          ...(table.rows.length === 0
            ? [new TableRow({ children: [cell([paragraph([run(labels.compilation.none)], labelDir)], undefined, 4)] })]
            : table.rows.map((row) => new TableRow({ children: [textCell(row.delegation), textCell(row.tag, { bold: true }), proposalCell(row), textCell(row.justification)] }))),
        ],
      }),
    ]),
  ];
  return Packer.toBuffer(
    new Document({
      title: `${compilation.title} · ${labels.compilation.title}`,
      creator: 'Accord',
      styles: docxStyles({ value: WORD_LANGUAGE[language], bidirectional: WORD_LANGUAGE.ar }),
      fonts: [{ name: DOCX_FONT, ...amiriFaces() }],
      sections: [{ properties: { page: { margin: { top: 2 * CM, bottom: 2 * CM, left: 2 * CM, right: 2 * CM } } }, children }],
    }),
  );
}
