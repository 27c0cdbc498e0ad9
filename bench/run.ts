/**
 * `npm run bench`: every benchmark, one after another, each printing its figures. Benchmarks are not tests: nothing
 * here runs in `npm test`. Options: `--quick` (shorter runs, smaller sizes), `--only=relay-fanout,cold-load`,
 * `--servers=accord,hocuspocus,reference`, and per-benchmark flags (or BENCH_* variables); see docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runClientLoad } from './clientLoad.ts';
import { clusteredFanoutOptions, runClusteredFanout } from './clusteredFanout.ts';
import { coldLoadOptions, runColdLoad } from './coldLoad.ts';
import { connectionChurnOptions, runConnectionChurn } from './connectionChurn.ts';
import { exportTimesOptions, runExportTimes } from './exportTimes.ts';
import { keystrokeStorageOptions, runKeystrokeStorage } from './keystrokeStorage.ts';
import { languageVersionsOptions, runLanguageVersions } from './languageVersions.ts';
import { BenchOptions } from './lib/benchOptions.ts';
import { selectRelayTargets } from './lib/relayTargets.ts';
import { fixed } from './lib/table.ts';
import { manyDocumentsOptions, runManyDocuments } from './manyDocuments.ts';
import { relayFanoutOptions, runRelayFanout } from './relayFanout.ts';
import { runSaturation, saturationOptions } from './saturation.ts';
import { runStalledReader, stalledReaderOptions } from './stalledReader.ts';

const BENCHMARKS = ['keystroke-storage', 'relay-fanout', 'saturation', 'many-documents', 'cold-load', 'export-times', 'client-load', 'connection-churn', 'language-versions', 'stalled-reader', 'clustered-fanout'] as const;

const loadAverage = () => os.loadavg().map((load) => fixed(load, 2)).join(' / ');

async function main(): Promise<void> {
  const options = new BenchOptions();
  const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
  console.log(
    `Accord benchmarks${quick ? ' (quick)' : ''} — Node ${process.version}, ${os.cpus().length} cores ` +
      `(${os.cpus()[0]?.model ?? 'unknown CPU'}), ${fixed(os.totalmem() / 2 ** 30, 1)} GiB, ${new Date().toISOString()}`,
  );
  const only = options.list('only', BENCHMARKS);
  const unknown = only.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`unknown --only ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  const servers = options.raw('servers') === undefined ? undefined : options.list('servers', []);
  const targets = selectRelayTargets(servers);
  // Accord is measured as `npm start` runs it: the server bundle, rebuilt so it matches the sources.
  if (targets.some((target) => target.name.startsWith('accord'))) execFileSync(process.execPath, ['server/build.mjs'], { stdio: 'inherit' });
  console.log('Servers, alternating within every scenario:');
  for (const target of targets) console.log(`  ${target.name}: ${target.description}`);

  const benchmarks: Record<(typeof BENCHMARKS)[number], () => Promise<void>> = {
    'keystroke-storage': async () => runKeystrokeStorage(keystrokeStorageOptions(options, quick)),
    'relay-fanout': () => runRelayFanout(relayFanoutOptions(options, targets, quick)),
    saturation: () => runSaturation(saturationOptions(options, targets, quick)),
    'many-documents': () => runManyDocuments(manyDocumentsOptions(options, targets, quick)),
    'cold-load': () => runColdLoad(coldLoadOptions(options, targets, quick)),
    'export-times': () => runExportTimes(exportTimesOptions(options)),
    'connection-churn': () => runConnectionChurn(connectionChurnOptions(options, targets, quick)),
    'language-versions': async () => {
      if (fs.existsSync(path.resolve('dist/client'))) await runLanguageVersions(languageVersionsOptions(options, quick));
      else console.log('Language versions: skipped, no dist/client (run `npm run build` first).');
    },
    'stalled-reader': () => runStalledReader(stalledReaderOptions(options, targets, quick)),
    'clustered-fanout': () => runClusteredFanout(clusteredFanoutOptions(options, quick)),
    'client-load': async () => {
      if (fs.existsSync(path.resolve('dist/client'))) await runClientLoad();
      else console.log('Client load: skipped, no dist/client (run `npm run build` first).');
    },
  };
  const started = performance.now();
  for (const name of BENCHMARKS) {
    if (!only.includes(name)) continue;
    const start = performance.now();
    // Other jobs share the machine: the load average before and after says how much the figures can be trusted.
    console.log(`\n=== ${name} (load average ${loadAverage()}) ===`);
    await benchmarks[name]();
    console.log(`--- ${name}: ${fixed((performance.now() - start) / 1000, 0)} s, load average after ${loadAverage()}`);
  }
  console.log(`\nAll done in ${fixed((performance.now() - started) / 1000, 0)} s.`);
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
