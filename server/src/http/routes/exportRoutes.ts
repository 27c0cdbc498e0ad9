import { Router } from 'express';
import { ExportQuery } from '../../../../shared/api/export.ts';
import { attachmentDisposition } from '../../services/export/index.ts';
import type { ExportService, NamedExportFile } from '../../services/export/index.ts';
import { principalOf } from '../authenticate.ts';
import { parse } from '../validate.ts';

/** Document downloads: DOCX, PDF, Markdown and standalone HTML, for any member. */
export function exportRoutes({ exports }: { exports: ExportService }): Router {
  const router = Router();

  router.get('/api/documents/:id/export', async (req, res) => {
    const principal = principalOf(req, res);
    const query = parse(ExportQuery, req.query);
    // A client that leaves before its file is ready frees its place in the render queue (or its worker).
    const abandoned = new AbortController();
    res.on('close', () => abandoned.abort());
    let file: NamedExportFile;
    try {
      file = await exports.export(principal, req.params.id, query, abandoned.signal);
    } catch (error) {
      if (abandoned.signal.aborted) return; // nobody is left to answer, and nothing went wrong
      throw error;
    }
    res
      .status(200)
      .set({
        'Content-Type': file.contentType,
        'Content-Disposition': attachmentDisposition(file.baseName, file.extension),
        // Never sniffed into something executable, never kept by a shared cache: the text is the members' only.
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        // A final text of a translation that lags behind its source still downloads, saying how far it lags.
        ...(file.incomplete > 0 ? { 'Accord-Translation-Incomplete': String(file.incomplete) } : {}),
      })
      .send(file.body);
  });

  return router;
}
