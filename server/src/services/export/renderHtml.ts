import { createHash } from 'node:crypto';
import { textDirection } from '../../../../shared/editor/textDirection.ts';
import { EXPORT_LABELS } from './exportLabels.ts';
import type { AnnexStatusRow, AnnexThread, Block, ExportDocument, Inline } from './exportModel.ts';
import { statusLines } from './statusRows.ts';

const STYLE = `
body { font-family: "Amiri", "Noto Naskh Arabic", "Times New Roman", serif; max-width: 46em; margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #111; }
h1.title { font-size: 1.6em; border-bottom: 1px solid #999; padding-bottom: .3em; }
section.recommendation { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid #bbb; }
.recommendation-number { font-weight: bold; margin: 0 0 .3em; }
blockquote { margin: 1em 0; padding-inline-start: 1em; border-inline-start: 3px solid #ddd; color: #333; }
section.annex { margin-top: 3em; border-top: 1px solid #999; }
.thread { margin: 1em 0; }
.comment { margin: .3em 0 .3em 1em; }
.comment-meta { color: #555; font-size: .9em; }
.thread blockquote, .comment-body { white-space: pre-wrap; }
`;

/**
 * No script, no remote resource, no form, no base: the file is read offline and nothing in it may run. The only
 * style allowed is the inline sheet above, by hash.
 */
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A standalone HTML file: inline CSS, a strict CSP, every text escaped, a `dir` on every block. */
export function renderHtml(document: ExportDocument): string {
  const dir = textDirection(document.title);
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
    ...document.blocks.map(block),
    ...(document.statuses ? [statusAnnex(document.statuses)] : []),
    ...(document.annex ? [annex(document.annex)] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function block(item: Block): string {
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
      const items = item.items.map((blocks) => `<li dir="${blocks[0]?.dir ?? item.dir}">${blocks.map(block).join('\n')}</li>`).join('\n');
      return `<${tag} dir="${item.dir}"${start}>\n${items}\n</${tag}>`;
    }
    case 'quote':
      return `<blockquote dir="${item.dir}">\n${item.blocks.map(block).join('\n')}\n</blockquote>`;
    case 'recommendation':
      return [
        `<section class="recommendation" dir="${item.dir}">`,
        `<p class="recommendation-number">${escape(EXPORT_LABELS.recommendation(item.number))}</p>`,
        ...item.blocks.map(block),
        '</section>',
      ].join('\n');
  }
}

function inlines(content: readonly Inline[]): string {
  return content
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

function statusAnnex(rows: readonly AnnexStatusRow[]): string {
  const parts = [`<section class="annex statuses">`, `<h2>${escape(EXPORT_LABELS.statusAnnexTitle)}</h2>`];
  if (rows.length === 0) parts.push(`<p>${escape(EXPORT_LABELS.noRecommendations)}</p>`);
  for (const { line, excerpt, reservations } of statusLines(rows)) {
    parts.push(
      '<div class="status">',
      `<p><strong>${escape(line)}</strong></p>`,
      `<p dir="${textDirection(excerpt)}">${escape(excerpt)}</p>`,
      ...(reservations ? [`<p dir="${textDirection(reservations)}">${escape(reservations)}</p>`] : []),
      '</div>',
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function annex(threads: readonly AnnexThread[]): string {
  const parts = [`<section class="annex">`, `<h2>${escape(EXPORT_LABELS.annexTitle)}</h2>`];
  if (threads.length === 0) parts.push(`<p>${escape(EXPORT_LABELS.noThreads)}</p>`);
  threads.forEach((thread, index) => {
    parts.push(
      '<div class="thread">',
      `<h3>${escape(EXPORT_LABELS.thread(index + 1))}</h3>`,
      `<blockquote dir="${textDirection(thread.quote)}">${escape(thread.quote)}</blockquote>`,
      `<p>${escape(EXPORT_LABELS.status)}: ${escape(thread.status)}</p>`,
      ...(thread.outcome ? [`<p dir="${textDirection(thread.outcome)}">${escape(EXPORT_LABELS.outcome)}: ${escape(thread.outcome)}</p>`] : []),
      ...thread.comments.map(
        (comment) =>
          `<div class="comment"><p class="comment-meta">${escape(comment.author)} (${escape(comment.delegation)}), ${escape(comment.createdAt)}</p>` +
          `<p class="comment-body" dir="${textDirection(comment.body)}">${escape(comment.body)}</p></div>`,
      ),
      '</div>',
    );
  });
  parts.push('</section>');
  return parts.join('\n');
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for both element content and double-quoted attribute values. */
function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
