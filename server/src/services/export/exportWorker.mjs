// The export pool's worker thread entry (see exportWorkerPool.ts). JavaScript, not TypeScript: a worker thread does
// not get the loader of the thread that starts it (a test runner's), and on Node 20 passing `--import tsx` in the
// worker's execArgv does not reliably apply to the worker's own first module. So the entry registers tsx itself,
// then loads the TypeScript renderers.
import { register } from 'tsx/esm/api';

register();
const { createExportRenderer } = await import('./renderExport.ts');

/**
 * Renders one export file from plain data (`ExportInput` → `ExportFile`); the server thread keeps auth, storage and
 * the HTTP response. Built once per thread: the schema and the PDF fonts are not prepared again for every export.
 */
export default createExportRenderer();
