import type { ExportFormat, ExportKind } from '../../../../shared/api/export.ts';

/** The download address of a document in `format`; the browser sends the session cookie with it. */
export function exportUrl(documentId: string, format: ExportFormat, kind: ExportKind): string {
  return `/api/documents/${encodeURIComponent(documentId)}/export?${new URLSearchParams({ format, kind }).toString()}`;
}
