/**
 * `npm run bench`: every benchmark, one after another, each printing its figures. Benchmarks are not tests: nothing
 * here runs in `npm test`. Options: `npm run bench -- --clients=100 --writers=10` or BENCH_CLIENTS=100 etc.; see
 * docs/performance.md.
 */
import os from 'node:os';
import { BenchOptions } from './lib/benchOptions.ts';
import { relayFanoutOptions, runRelayFanout } from './relayFanout.ts';

async function main(): Promise<void> {
  const options = new BenchOptions();
  console.log(
    `Accord benchmarks — Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
      `${new Date().toISOString()}\n`,
  );
  const only = options.list('only', ['relay-fanout', 'client-load']);

  if (only.includes('relay-fanout')) await runRelayFanout(relayFanoutOptions(options));

  // Further benchmarks go here as their own modules (bench/<name>.ts exporting a run function), each behind `--only`.
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exitCode = 1;
});
