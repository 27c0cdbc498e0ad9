/**
 * `npm run bench`: every benchmark, one after another, each printing its figures. Benchmarks are not tests: nothing
 * here runs in `npm test`. Options: `npm run bench -- --clients=100 --writers=10` or BENCH_CLIENTS=100 etc.; see
 * docs/performance.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runClientLoad } from './clientLoad.ts';
import { exportTimesOptions, runExportTimes } from './exportTimes.ts';
import { BenchOptions } from './lib/benchOptions.ts';
import { relayFanoutOptions, runRelayFanout } from './relayFanout.ts';

const BENCHMARKS = ['relay-fanout', 'export-times', 'client-load'] as const;

async function main(): Promise<void> {
  const options = new BenchOptions();
  console.log(
    `Accord benchmarks — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `${new Date().toISOString()}\n`,
  );
  // `--only=relay-fanout,export-times` runs a subset.
  const only = options.list('only', BENCHMARKS);

  if (only.includes('relay-fanout')) await runRelayFanout(relayFanoutOptions(options));
  if (only.includes('export-times')) {
    console.log('');
    await runExportTimes(exportTimesOptions(options));
  }
  if (only.includes('client-load')) {
    console.log('');
    if (fs.existsSync(path.resolve('dist/client'))) await runClientLoad();
    else console.log('Client load: skipped, no dist/client (run `npm run build` first).');
  }
  // Further benchmarks go here as their own modules (bench/<name>.ts exporting a run function), each behind `--only`.
}

// Exit when done: a benchmark may leave a handle open (vite's esbuild service after the client build keeps the
// process alive), and figures printed are all that matters here.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error((error as Error).stack ?? String(error));
    process.exit(1);
  },
);
