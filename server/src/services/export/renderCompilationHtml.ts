import { textDirection } from '../../../../shared/editor/textDirection.ts';
import type { CompilationCells, CompilationExport } from './compilationTable.ts';
import { TITLE_BLOCK_STYLE, escape, htmlPage, titleLines } from './htmlPage.ts';

const STYLE = `${TITLE_BLOCK_STYLE}
body { font-family: "Amiri", "Noto Naskh Arabic", "Times New Roman", serif; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; color: #111; }
h1 { font-size: 1.5em; margin-bottom: .3em; color: #1f2a44; }
h2.subtitle { font-size: 1.2em; color: #1f2a44; }
p.status-line { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: 1.4em 0; }
caption { text-align: start; font-weight: bold; font-size: 1.1em; padding-bottom: .3em; }
th, td { border: 1px solid #bbb; padding: .35em .6em; vertical-align: top; text-align: start; }
th { background: #eef1f6; }
td.current { background: #fafafa; }
ins { text-decoration: underline; }
del { text-decoration: line-through; }
.tag { font-weight: bold; white-space: nowrap; }
.kind, .supporters { color: #555; font-size: .9em; }
`;

const cell = (text: string, className?: string) => `<td${className ? ` class="${className}"` : ''} dir="${textDirection(text)}">${escape(text)}</td>`;

function proposal({ kind, deleted, inserted, quoted, supporters }: CompilationCells): string {
  const words = [deleted && `<del>${escape(deleted)}</del>`, inserted && `<ins>${escape(inserted)}</ins>`, quoted && escape(quoted)].filter(Boolean).join(' ');
  const dir = textDirection(`${deleted} ${inserted} ${quoted}`);
  return `<td dir="${dir}"><span class="kind">${escape(kind)}</span>${words ? `<br>${words}` : ''}${supporters ? `<br><span class="supporters">${escape(supporters)}</span>` : ''}</td>`;
}

/** The compilation of proposals as one standalone HTML file: a table per recommendation, inserted words underlined. */
export function renderCompilationHtml(compilation: CompilationExport): string {
  const { labels } = compilation;
  const dir = textDirection(labels.compilation.title);
  const head = [labels.compilation.delegation, labels.compilation.tag, labels.compilation.proposal, labels.compilation.justification];
  return htmlPage({
    title: compilation.title,
    dir,
    style: STYLE,
    body: [
      `<h1 dir="${textDirection(compilation.title)}">${escape(compilation.title)}</h1>`,
      ...titleLines(compilation.titleBlock, dir),
      ...(compilation.statusLine ? [`<p class="status-line" dir="${textDirection(compilation.statusLine)}">${escape(compilation.statusLine)}</p>`] : []),
      `<h2 class="subtitle" dir="${dir}">${escape(compilation.subtitle)}</h2>`,
      ...compilation.tables.flatMap((table) => [
        '<table>',
        `<caption>${escape(table.heading)}</caption>`,
        `<tr><th>${escape(labels.compilation.currentText)}</th><td class="current" colspan="3" dir="${textDirection(table.currentText)}">${escape(table.currentText)}</td></tr>`,
        `<tr>${head.map((name) => `<th>${escape(name)}</th>`).join('')}</tr>`,
        ...(table.rows.length === 0
          ? [`<tr><td colspan="4">${escape(labels.compilation.none)}</td></tr>`]
          : table.rows.map((row) => `<tr>${cell(row.delegation)}<td class="tag">${escape(row.tag)}</td>${proposal(row)}${cell(row.justification)}</tr>`)),
        '</table>',
      ]),
    ],
  });
}
