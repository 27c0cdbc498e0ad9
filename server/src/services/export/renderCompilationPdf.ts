import { type Styles, Text, View, renderToBuffer } from '@react-pdf/renderer';
import { createElement as h, type ReactElement } from 'react';
import { type TextDirection, textDirection } from '../../../../shared/editor/textDirection.ts';
import type { CompilationCells, CompilationExport } from './compilationTable.ts';
import { publication, registerFonts } from './renderPdf.ts';

const BORDER = { borderWidth: 0.5, borderColor: '#999999' };
/** Shares of the row's width of the columns: delegation, tag, proposal, justification. */
const WIDTHS = [18, 10, 46, 26];

const directed = (dir: TextDirection) => (dir === 'rtl' ? { textAlign: 'right' as const, direction: 'rtl' as const } : {});
type Style = Styles[string];
const text = (content: string, style: Style = {}) => h(Text, { style: [{ fontSize: 10, lineHeight: 1.35 }, directed(textDirection(content)), style] }, content);

function row(cells: ReactElement[], dir: TextDirection, key: string, shade?: string): ReactElement {
  return h(
    View,
    { key, wrap: false, style: { flexDirection: dir === 'rtl' ? 'row-reverse' : 'row', ...(shade ? { backgroundColor: shade } : {}) } },
    ...cells,
  );
}

/**
 * Cells share the row by flex rather than by percentage widths, to which react-pdf adds padding and border (the table
 * ran past the right margin); the padding sits inside so a two-cell row lines up with the four-cell rows.
 */
const cell = (share: number, key: string, ...children: ReactElement[]) =>
  h(View, { key, style: { flexGrow: share, flexBasis: 0, ...BORDER } }, h(View, { style: { padding: 4 } }, ...children));

function proposal({ kind, deleted, inserted, quoted, supporters }: CompilationCells): ReactElement[] {
  return [
    text(kind, { color: '#555555' }),
    ...(deleted ? [text(deleted, { textDecoration: 'line-through' })] : []),
    ...(inserted ? [text(inserted, { textDecoration: 'underline' })] : []),
    ...(quoted ? [text(quoted)] : []),
    ...(supporters ? [text(supporters, { color: '#555555' })] : []),
  ];
}

/**
 * The compilation of proposals as a PDF (react-pdf, Amiri), in the clean text's publication frame (title block,
 * running header, "Page N of M" footer): a table per recommendation, inserted words underlined. A recommendation's
 * heading, current text, column heads and first proposal are never split, so no heading ends a page without its table.
 */
export function createCompilationPdfRenderer(): (compilation: CompilationExport) => Promise<Buffer> {
  registerFonts();
  return (compilation) => {
    const { labels } = compilation;
    const dir = textDirection(labels.compilation.title);
    const head = [labels.compilation.delegation, labels.compilation.tag, labels.compilation.proposal, labels.compilation.justification];
    return renderToBuffer(
      publication(
        compilation,
        ...(compilation.statusLine ? [text(compilation.statusLine, { fontWeight: 'bold', marginBottom: 6 })] : []),
        text(compilation.subtitle, { fontSize: 14, fontWeight: 'bold', color: '#1f2a44', marginBottom: 8 }),
        ...compilation.tables.map((table, index) => {
          const rows =
            table.rows.length === 0
              ? [row([cell(100, 'none', text(labels.compilation.none))], dir, 'none')]
              : table.rows.map((entry, rowIndex) =>
                  row(
                    [
                      cell(WIDTHS[0]!, 'delegation', text(entry.delegation)),
                      cell(WIDTHS[1]!, 'tag', text(entry.tag, { fontWeight: 'bold' })),
                      cell(WIDTHS[2]!, 'proposal', ...proposal(entry)),
                      cell(WIDTHS[3]!, 'justification', text(entry.justification)),
                    ],
                    dir,
                    `row-${rowIndex}`,
                  ),
                );
          return h(
            View,
            { key: `table-${index}`, style: { marginBottom: 14 } },
            h(
              View,
              { wrap: false },
              text(table.heading, { fontSize: 12, fontWeight: 'bold', marginBottom: 3, color: '#1f2a44' }),
              row([cell(18, 'label', text(labels.compilation.currentText, { fontWeight: 'bold' })), cell(82, 'text', text(table.currentText))], dir, 'current', '#f5f5f5'),
              row(head.map((name, column) => cell(WIDTHS[column]!, `head-${column}`, text(name, { fontWeight: 'bold' }))), dir, 'head', '#e8eef6'),
              rows[0]!,
            ),
            ...rows.slice(1),
          );
        }),
      ),
    );
  };
}
