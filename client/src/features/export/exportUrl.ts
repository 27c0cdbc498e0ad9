import type { ExportFormat, ExportKind } from '../../../../shared/api/export.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';

/**
 * The download address of a document in `format`; the browser sends the session cookie with it. `text` picks the text
 * (e.g. `ar`, or `en,ar` for a parallel text; default: the source). Without `lang`, the words the export adds (labels,
 * annex headings) follow the exported text's language: a Lebanese delegate exporting the English text gets
 * "Recommendation", not "التوصية".
 */
export function exportUrl(documentId: string, format: ExportFormat, kind: ExportKind, options: { lang?: LanguageCode; text?: string } = {}): string {
  const query: Record<string, string> = { format, kind, ...(options.text ? { text: options.text } : {}), ...(options.lang ? { lang: options.lang } : {}) };
  return `/api/documents/${encodeURIComponent(documentId)}/export?${new URLSearchParams(query).toString()}`;
}
