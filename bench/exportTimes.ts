/**
 * Export time per format for a long document (200 recommendations by default, in English, French and Arabic, with
 * lists, emphasis and links), rendered from its Yjs state as the export endpoint does. Measures the rendering, which
 * is the whole cost of an export: reading the state from SQLite and sending the file add well under a millisecond.
 * Options: --export-recommendations=200 --export-repeats=5.
 */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { EXPORT_FORMATS } from '../shared/api/export.ts';
import { editorSchema } from '../server/src/infrastructure/editorKit/editorSchema.ts';
import { createExportRenderer } from '../server/src/services/export/renderExport.ts';
import type { BenchOptions } from './lib/benchOptions.ts';
import { summarizeLatencies } from './lib/percentiles.ts';
import { fixed, formatTable } from './lib/table.ts';
import { longDocument } from '../server/test/longDocumentFixture.ts';
import { CURRENT_TEXT } from '../server/test/exportFixture.ts';

export interface ExportTimesOptions {
  recommendations: number;
  /** Timed renders per format, after one untimed warm-up render. */
  repeats: number;
}

export function exportTimesOptions(options: BenchOptions): ExportTimesOptions {
  return {
    recommendations: options.positiveInteger('export-recommendations', 200),
    repeats: options.positiveInteger('export-repeats', 5),
  };
}

export async function runExportTimes({ recommendations, repeats }: ExportTimesOptions): Promise<void> {
  const state = Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(editorSchema(), longDocument(recommendations), 'default'));
  const render = createExportRenderer();
  console.log(`Export times — ${recommendations} recommendations (Yjs state ${fixed(state.byteLength / 1024, 0)} KiB), ${repeats} renders per format\n`);
  const rows: string[][] = [];
  for (const format of EXPORT_FORMATS) {
    const exportOnce = () => render({ title: 'Benchmark document', state, format, language: 'en', annex: undefined, publication: CURRENT_TEXT });
    const { body } = await exportOnce(); // warm-up: first use loads fonts and compiles code paths
    const samples: number[] = [];
    for (let repeat = 0; repeat < repeats; repeat++) {
      const started = performance.now();
      await exportOnce();
      samples.push(performance.now() - started);
    }
    const summary = summarizeLatencies(samples);
    rows.push([format, fixed(summary.p50, 0), fixed(summary.max, 0), fixed(body.byteLength / 1024, 0)]);
  }
  console.log(formatTable(['format', 'median ms', 'max ms', 'size KiB'], rows));
  console.log('');
}
