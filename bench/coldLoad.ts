/**
 * Cold load: a document whose history is E single-character edits (one update each, typed through the server), the
 * server stopped (its own SIGTERM shutdown) and started again on the same data; then one new client joins. Prints the
 * time until that client is synced and holds every character, the server's RSS after the load, and the bytes the
 * server keeps on disk, for each E. Servers without persistence lose the document on restart and are only listed.
 */
import type { BenchOptions } from './lib/benchOptions.ts';
import { type Metric, comparisonTables } from './lib/comparison.ts';
import { runLoadTask } from './lib/loadGeneratorProcess.ts';
import { readProcessMemory } from './lib/processStats.ts';
import { type RelayTarget, discard } from './lib/relayTargets.ts';
import { fixed } from './lib/table.ts';

export interface ColdLoadOptions {
  sizes: number[];
  targets: RelayTarget[];
}

export function coldLoadOptions(options: BenchOptions, targets: RelayTarget[], quick: boolean): ColdLoadOptions {
  const sizes = options.list('edits', quick ? ['2000', '20000'] : ['2000', '20000', '200000']).map(Number);
  if (sizes.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error('--edits takes positive whole numbers');
  return { sizes, targets };
}

const METRICS: Metric[] = [
  { key: 'sync', label: 'new client synced ms', decimals: 1, better: 'lower' },
  { key: 'disk', label: 'bytes on disk', decimals: 0, better: 'lower' },
  { key: 'rss', label: 'RSS after load MiB', decimals: 1, better: 'lower' },
  { key: 'populate', label: '(typing the history s)', decimals: 1, better: 'lower' },
];

export async function runColdLoad(options: ColdLoadOptions): Promise<void> {
  const persistent = options.targets.filter((target) => target.persistent);
  console.log(
    `Cold load: one document of E single-character edits (${options.sizes.join(', ')}), server restarted, one new client joins.`,
  );
  for (const target of options.targets.filter((t) => !t.persistent)) {
    console.log(`  ${target.name}: no persistence, a restart loses the document: nothing to measure.`);
  }
  for (const edits of options.sizes) {
    const figures = [];
    for (const target of persistent) {
      const first = await target.start();
      try {
        const populated = await runLoadTask(first.target, { kind: 'populate', edits });
        await first.stop();
        const disk = first.diskBytes() ?? Number.NaN;
        const restarted = await target.start(first.state);
        try {
          const { syncedMs } = await runLoadTask(restarted.target, { kind: 'coldSync', edits });
          figures.push({
            name: target.name,
            values: { sync: syncedMs, disk, rss: readProcessMemory(restarted.pid).rssKiB / 1024, populate: populated.typingMs / 1000 },
          });
        } finally {
          await restarted.stop();
        }
      } finally {
        await first.stop();
        discard(first.state);
      }
    }
    console.log(`\n${edits} edits:`);
    console.log(comparisonTables(figures, METRICS));
  }
  console.log(
    `\nBytes on disk after the shutdown that precedes the restart (Accord: accord.sqlite*; Hocuspocus: hocuspocus.sqlite*). ` +
      `Typing the history is not a cold-load figure; it shows what the server took to store ${fixed(options.sizes.at(-1)!, 0)} updates.`,
  );
}
