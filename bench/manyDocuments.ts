/**
 * Many documents: D documents with 2 clients each, all connected at once from one generator. Prints the time until
 * every client is synced and until every second client holds its first client's paragraph, and the server's memory
 * per document (RSS with everyone connected minus RSS before anyone connected, over D).
 */
import type { BenchOptions } from './lib/benchOptions.ts';
import { type Metric, comparisonTables } from './lib/comparison.ts';
import { runLoadTask } from './lib/loadGeneratorProcess.ts';
import { readProcessMemory } from './lib/processStats.ts';
import { type RelayTarget, discard } from './lib/relayTargets.ts';

export interface ManyDocumentsOptions {
  documents: number;
  targets: RelayTarget[];
}

export function manyDocumentsOptions(options: BenchOptions, targets: RelayTarget[], quick: boolean): ManyDocumentsOptions {
  return { documents: options.positiveInteger('documents', quick ? 100 : 500), targets };
}

const METRICS: Metric[] = [
  { key: 'connect', label: 'all connected+synced s', decimals: 2, better: 'lower' },
  { key: 'synced', label: 'all paragraphs received s', decimals: 2, better: 'lower' },
  { key: 'perDocument', label: 'RSS per document KiB', decimals: 1, better: 'lower' },
  { key: 'rss', label: 'RSS with all connected MiB', decimals: 1, better: 'lower' },
  { key: 'generatorCpu', label: 'generator CPU s', decimals: 2, better: 'lower' },
];

export async function runManyDocuments(options: ManyDocumentsOptions): Promise<void> {
  console.log(`Many documents: ${options.documents} documents × 2 clients, connected at once (one websocket per client).`);
  const figures = [];
  for (const target of options.targets) {
    const relay = await target.start();
    try {
      const rooms = await relay.rooms(options.documents);
      const idleKiB = readProcessMemory(relay.pid).rssKiB;
      let connectedKiB = 0;
      const result = await runLoadTask({ ...relay.target, rooms }, { kind: 'documents' }, () => {
        connectedKiB = readProcessMemory(relay.pid).rssKiB;
      });
      figures.push({
        name: target.name,
        values: {
          connect: result.connectMs / 1000,
          synced: result.syncedMs / 1000,
          perDocument: (connectedKiB - idleKiB) / options.documents,
          rss: connectedKiB / 1024,
          generatorCpu: result.cpuMs / 1000,
        },
      });
    } finally {
      await relay.stop();
      discard(relay.state);
    }
  }
  console.log(comparisonTables(figures, METRICS));
  console.log('RSS per document = (VmRSS with every client connected − VmRSS before the first connection) / documents.');
}
