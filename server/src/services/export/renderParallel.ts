import { createHash } from 'node:crypto';
import type { ExportFormat } from '../../../../shared/api/export.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import type { Block, ExportDocument } from './exportModel.ts';
import { block as htmlBlock, escape } from './renderHtml.ts';

/** A parallel text: the same blocks in two or three languages, `columns[c].blocks[i]` all translating source block i. */
export interface ParallelDocument {
  /** Everything of a single-text document but its blocks and annexes: title, title block, labels, status line. */
  frame: Omit<ExportDocument, 'blocks' | 'annex' | 'statuses'>;
  columns: { language: LanguageCode; blocks: Block[] }[];
}

/** How a single-text document is rendered in each format (the renderers of renderExport.ts). */
export type SingleRenderers = Record<ExportFormat, (document: ExportDocument) => Promise<Buffer>>;

/**
 * Renders a parallel text. HTML: one table row per block, one cell per language. Markdown, DOCX and PDF: the block in
 * each language one after the other, each after its language code, block by block.
 */
export async function renderParallel(format: ExportFormat, document: ParallelDocument, single: SingleRenderers): Promise<Buffer> {
  if (format === 'html') return Buffer.from(parallelHtml(document));
  return single[format]({ ...document.frame, blocks: consecutive(document), annex: undefined });
}

function rows(columns: ParallelDocument['columns']): Block[][] {
  const count = Math.min(...columns.map((column) => column.blocks.length));
  return Array.from({ length: count }, (_, index) => columns.map((column) => column.blocks[index]!));
}

function consecutive(document: ParallelDocument): Block[] {
  return rows(document.columns).flatMap((row) =>
    row.flatMap((item, column) => [
      {
        kind: 'paragraph' as const,
        dir: 'ltr' as const,
        inlines: [{ kind: 'text' as const, text: document.columns[column]!.language.toUpperCase(), bold: true, italic: false, underline: false, href: undefined }],
      },
      item,
    ]),
  );
}

const STYLE = `
body { font-family: "Amiri", "Noto Naskh Arabic", "Times New Roman", serif; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; }
h1.title { font-size: 1.6em; border-bottom: 1px solid #999; padding-bottom: .3em; }
p.status-line { font-weight: bold; }
table.parallel { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.parallel th, table.parallel td { border: 1px solid #ccc; padding: .4em .8em; vertical-align: top; }
section.recommendation { margin: 0; }
.recommendation-number { font-weight: bold; margin: 0 0 .3em; }
blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid #ddd; color: #333; }
`;

/** As the single-text HTML: no script, no remote resource; the only style is the sheet above, by hash. */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function parallelHtml({ frame: document, columns }: ParallelDocument): string {
  const dir = textDirection(document.title);
  const languageDir = (language: LanguageCode) => (language === 'ar' ? 'rtl' : 'ltr');
  return [
    '<!DOCTYPE html>',
    `<html dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escape(CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(document.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 class="title" dir="${dir}">${escape(document.title)}</h1>`,
    ...(document.statusLine ? [`<p class="status-line" dir="${textDirection(document.statusLine)}">${escape(document.statusLine)}</p>`] : []),
    '<table class="parallel">',
    `<thead><tr>${columns.map(({ language }) => `<th lang="${language}" dir="${languageDir(language)}">${language.toUpperCase()}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows(columns).map(
      (row) =>
        `<tr>${row
          .map((item, column) => {
            const { language } = columns[column]!;
            return `<td lang="${language}" dir="${languageDir(language)}">${htmlBlock(item, document.labels)}</td>`;
          })
          .join('')}</tr>`,
    ),
    '</tbody>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
