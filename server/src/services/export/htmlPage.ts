import { createHash } from 'node:crypto';
import type { TextDirection } from '../../../../shared/editor/textDirection.ts';
import type { TitleBlock } from './exportModel.ts';
import { SEPARATOR, documentInfoLine } from './titleBlock.ts';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for both element content and double-quoted attribute values. */
export function escape(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

export interface HtmlPage {
  title: string;
  dir: 'ltr' | 'rtl';
  /** The page's only style sheet, allowed by its hash. */
  style: string;
  bodyClass?: string;
  body: readonly string[];
}

/**
 * A standalone HTML export. No script, no remote resource, no form, no base: the file is read offline and nothing in
 * it may run. The only style allowed is the page's inline sheet, by hash.
 */
export function htmlPage({ title, dir, style, bodyClass, body }: HtmlPage): string {
  const csp = [
    "default-src 'none'",
    `style-src 'sha256-${createHash('sha256').update(style).digest('base64')}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!DOCTYPE html>',
    `<html dir="${dir}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escape(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(title)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    bodyClass ? `<body class="${bodyClass}">` : '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The title block's lines' style, in every HTML export's sheet. */
export const TITLE_BLOCK_STYLE = `
p.event { font-size: 1.1em; margin: 0 0 .1em; color: #333; }
p.document-info { font-size: .9em; color: #555; margin: 0 0 1.2em; padding-bottom: .4em; border-bottom: 1px solid #999; }
`;

/**
 * The workshop line and the version and status under the title, in the export language's direction; each part of
 * the workshop line isolated, so a Latin event name keeps its place beside an Arabic date.
 */
export function titleLines(block: TitleBlock, dir: TextDirection): string[] {
  const event = block.event.map((part) => `<bdi>${escape(part)}</bdi>`).join(SEPARATOR);
  return [...(event ? [`<p class="event" dir="${dir}">${event}</p>`] : []), `<p class="document-info" dir="${dir}">${escape(documentInfoLine(block))}</p>`];
}
