import type { ExportFormat, ExportKind } from '../../../../shared/api/export.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';

/**
 * The download address of a document in `format`; the browser sends the session cookie with it. The words the export
 * adds (labels, annex headings) come in `lang`, the language the person reads the interface in.
 */
export function exportUrl(documentId: string, format: ExportFormat, kind: ExportKind, lang: LanguageCode): string {
  return `/api/documents/${encodeURIComponent(documentId)}/export?${new URLSearchParams({ format, kind, lang }).toString()}`;
}
