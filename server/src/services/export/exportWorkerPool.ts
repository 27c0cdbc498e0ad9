import os from 'node:os';
import { Piscina } from 'piscina';
import type { ExportFile, ExportInput } from './renderExport.ts';

/**
 * How long an idle worker is kept, in ms. Starting one loads the renderers and fonts (about a second): a burst of
 * exports reuses it, and a server nobody exports from gives the memory back.
 */
const IDLE_WORKER_MS = 60_000;

export interface ExportWorkerPool {
  /** Renders in a worker thread. Aborting drops a queued export, or stops the worker rendering it. */
  render(input: ExportInput, signal?: AbortSignal): Promise<ExportFile>;
  /** Stops every worker at once; exports still queued or rendering are rejected. */
  close(): Promise<void>;
}

/**
 * Renders exports off the event loop, so a long PDF never delays the relay's keystrokes (docs/performance.md).
 * The workers start on the first export, not with the server.
 */
export function createExportWorkerPool(): ExportWorkerPool {
  const pool = new Piscina<ExportInput, ExportFile>({
    filename: new URL('./exportWorker.mjs', import.meta.url).href,
    // The entry registers tsx itself: inheriting `--import tsx` (when the sources run under tsx) would register it twice.
    execArgv: [],
    minThreads: 0,
    // One core stays with the relay's event loop; the other exports wait in the queue. At most 2: each worker holds
    // its own renderers and fonts (docs/performance.md has the latencies measured with 1 and 2 workers on 2 cores).
    maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    idleTimeout: IDLE_WORKER_MS,
  });
  return {
    async render(input, signal) {
      const file = await pool.run(input, signal ? { signal } : {});
      // A Buffer crosses the thread boundary as a plain Uint8Array: view the same bytes as a Buffer again.
      return { ...file, body: Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength) };
    },
    close: () => pool.destroy(),
  };
}
