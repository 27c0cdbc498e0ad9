import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import type { ExportLabels } from './exportLabels.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Footnote, Inline } from './exportModel.ts';
import { isPrinted } from './documentBlocks.ts';
import { footnotesOf } from './footnotes.ts';
import { TITLE_BLOCK_STYLE, escape, htmlPage, titleLines } from './htmlPage.ts';
import { languageDirection } from './parallelBlocks.ts';
import { statusLines } from './statusRows.ts';

const STYLE = `${TITLE_BLOCK_STYLE}
body { font-family: "Amiri", "Noto Naskh Arabic", "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; }
h1.title { font-size: 1.6em; margin-bottom: .3em; color: #1f2a44; }
p.status-line { font-weight: bold; margin-top: -.4em; }
section.recommendation { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid #bbb; }
.recommendation-number { font-weight: bold; margin: 0 0 .3em; }
section.footnotes { margin-top: 2em; border-top: 1px solid #999; font-size: .9em; }
blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid #ddd; color: #333; }
body.parallel { max-width: 90em; }
table.parallel { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.parallel th, table.parallel td { border: 1px solid #ccc; padding: .4em .8em; vertical-align: top; }
table.parallel section.recommendation { margin: 0; padding: 0; border: none; }
section.annex { margin-top: 3em; border-top: 1px solid #999; }
.thread { margin: 1em 0; }
.comment { margin: .3em 0 .3em 1em; }
.comment-meta { color: #555; font-size: .9em; }
.thread blockquote, .comment-body { white-space: pre-wrap; }
`;

/** A standalone HTML file: inline CSS, a strict CSP, every text escaped, a `dir` on every block. */
export function renderHtml(document: ExportDocument): string {
  const dir = textDirection(document.title);
  return htmlPage({
    title: document.title,
    dir,
    style: STYLE,
    bodyClass: document.columns ? 'parallel' : undefined,
    body: [
      `<h1 class="title" dir="${dir}">${escape(document.title)}</h1>`,
      ...titleLines(document.titleBlock, languageDirection(document.language)),
      ...(document.statusLine ? [`<p class="status-line" dir="${textDirection(document.statusLine)}">${escape(document.statusLine)}</p>`] : []),
      ...(document.columns ? parallelTable(document.columns, document.blocks, document.labels) : document.blocks.map((item) => block(item, document.labels))),
      ...footnotes(footnotesOf(document.blocks), document.labels),
      ...(document.statuses ? [statusAnnex(document.statuses, document.labels)] : []),
      ...(document.renumbering ? [renumberingAnnex(document.renumbering, document.labels)] : []),
      ...(document.annex ? [annex(document.annex, document.labels)] : []),
    ],
  });
}

/** A parallel text: one table, a column per language, a row per source block (its blocks are `parallel` ones). */
function parallelTable(columns: readonly LanguageCode[], blocks: readonly Block[], labels: ExportLabels): string[] {
  const headings = columns.map((language) => `<th lang="${language}" dir="${languageDirection(language)}">${language.toUpperCase()}</th>`);
  return ['<table class="parallel">', `<thead><tr>${headings.join('')}</tr></thead>`, '<tbody>', ...blocks.map((item) => block(item, labels)), '</tbody>', '</table>'];
}

function block(item: Block, labels: ExportLabels): string {
  switch (item.kind) {
    case 'paragraph':
      return `<p dir="${item.dir}">${inlines(item.inlines)}</p>`;
    case 'heading':
      // The document title is the page's h1, so the document's own headings start one level down.
      return `<h${Math.min(item.level + 1, 6)} dir="${item.dir}">${inlines(item.inlines)}</h${Math.min(item.level + 1, 6)}>`;
    case 'list': {
      const tag = item.ordered ? 'ol' : 'ul';
      const start = item.ordered && item.start !== 1 ? ` start="${item.start}"` : '';
      // Each item takes its own direction, so an Arabic item in a French list has its marker on the right.
      const items = item.items
        .map((blocks) => `<li dir="${blocks[0]?.dir ?? item.dir}">${blocks.map((inner) => block(inner, labels)).join('\n')}</li>`)
        .join('\n');
      return `<${tag} dir="${item.dir}"${start}>\n${items}\n</${tag}>`;
    }
    case 'quote':
      return `<blockquote dir="${item.dir}">\n${item.blocks.map((inner) => block(inner, labels)).join('\n')}\n</blockquote>`;
    case 'recommendation':
      return [
        `<section class="recommendation" dir="${item.dir}">`,
        `<p class="recommendation-number">${escape(labels.recommendationLabel(item))}${item.footnotes.map(footnoteReference).join('')}</p>`,
        ...item.blocks.map((inner) => block(inner, labels)),
        '</section>',
      ].join('\n');
    case 'parallel':
      return `<tr>${item.cells.map((cell) => `<td lang="${cell.language}" dir="${cell.dir}">${cell.blocks.map((inner) => block(inner, cell.labels)).join('\n')}</td>`).join('')}</tr>`;
  }
}

function inlines(content: readonly Inline[]): string {
  return content
    .filter(isPrinted)
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      let html = escape(inline.text);
      if (inline.underline) html = `<u>${html}</u>`;
      if (inline.change === 'inserted') html = `<ins>${html}</ins>`;
      if (inline.change === 'deleted') html = `<del>${html}</del>`;
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      if (inline.href) html = `<a href="${escape(inline.href)}" rel="noopener noreferrer">${html}</a>`;
      return html;
    })
    .join('');
}

function footnoteReference({ number }: Footnote): string {
  return `<sup><a href="#footnote-${number}" id="footnote-reference-${number}">${number}</a></sup>`;
}

/** Reservations, as the text's footnotes: after the text, before any annex. */
function footnotes(notes: readonly Footnote[], labels: ExportLabels): string[] {
  if (notes.length === 0) return [];
  return [
    '<section class="footnotes">',
    ...notes.map(({ number, delegation, note }) => {
      const text = labels.reservationNote(delegation, note);
      return `<p id="footnote-${number}" dir="${textDirection(text)}"><sup>${number}</sup> ${escape(text)}</p>`;
    }),
    '</section>',
  ];
}

/** A line of the words the export adds, in the direction of their language (an Arabic annex in an English text). */
function labelLine(tag: string, text: string, inner = escape(text)): string {
  return `<${tag} dir="${textDirection(text)}">${inner}</${tag}>`;
}

function statusAnnex(rows: readonly AnnexStatusRow[], labels: ExportLabels): string {
  const parts = [`<section class="annex statuses">`, labelLine('h2', labels.statusAnnexTitle)];
  if (rows.length === 0) parts.push(labelLine('p', labels.noRecommendations));
  for (const { line, excerpt, reservations, alternatives } of statusLines(rows, labels)) {
    parts.push(
      '<div class="status">',
      labelLine('p', line, `<strong>${escape(line)}</strong>`),
      `<p dir="${textDirection(excerpt)}">${escape(excerpt)}</p>`,
      ...(reservations ? [`<p dir="${textDirection(reservations)}">${escape(reservations)}</p>`] : []),
      ...alternatives.map((alternative) => `<p dir="${textDirection(alternative)}">${escape(alternative)}</p>`),
      '</div>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function renumberingAnnex(lines: readonly string[], labels: ExportLabels): string {
  return [`<section class="annex renumbering">`, labelLine('h2', labels.renumberingTitle), ...lines.map((line) => labelLine('p', line)), '</section>'].join('\n');
}

function annex(threads: readonly AnnexThread[], labels: ExportLabels): string {
  const parts = [`<section class="annex">`, labelLine('h2', labels.annexTitle)];
  if (threads.length === 0) parts.push(labelLine('p', labels.noThreads));
  threads.forEach((thread, index) => {
    parts.push(
      '<div class="thread">',
      labelLine('h3', labels.thread(index + 1)),
      `<blockquote dir="${textDirection(thread.quote)}">${escape(thread.quote)}</blockquote>`,
      labelLine('p', labels.field(labels.status, labels.threadStatus[thread.status])),
      ...(thread.outcome ? [labelLine('p', labels.field(labels.outcome, thread.outcome))] : []),
      ...thread.comments.map((comment) => {
        const body = comment.body ?? labels.deletedComment;
        return (
          `<div class="comment"><p class="comment-meta">${escape(labels.byline(comment.author, comment.delegation, comment.createdAt))}</p>` +
          `<p class="comment-body" dir="${textDirection(body)}">${escape(body)}</p></div>`
        );
      }),
      '</div>',
    );
  });
  parts.push('</section>');
  return parts.join('\n');
}
