import type { ExportFormat, ExportKind } from '../../../../shared/api/export.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';

/**
 * The download address of a document in `format`; the browser sends the session cookie with it. The source comes with
 * the words the export adds (labels, annex headings) in `lang`, the language the person reads the interface in; a
 * language version or a parallel text (`text`, e.g. `ar` or `en,ar`) with them in the text's own language.
 */
export function exportUrl(documentId: string, format: ExportFormat, kind: ExportKind, lang: LanguageCode, text?: string): string {
  const query: Record<string, string> = text ? { format, kind, text } : { format, kind, lang };
  return `/api/documents/${encodeURIComponent(documentId)}/export?${new URLSearchParams(query).toString()}`;
}
