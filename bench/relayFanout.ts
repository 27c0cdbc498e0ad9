/**
 * Relay fan-out: N clients in one document, W of them typing, against each relay in turn (alternating, fresh server
 * process per run), for every (clients, writers) pair of the matrix. Prints delivery latency p50/p99, server CPU per
 * delivered update and peak RSS, with the ratio of Accord to each peer, and the generator's own CPU.
 */
import os from 'node:os';
import type { BenchOptions } from './lib/benchOptions.ts';
import { type Metric, comparisonTables } from './lib/comparison.ts';
import { measureFsyncMs } from './lib/fsyncProbe.ts';
import { runLoadTask } from './lib/loadGeneratorProcess.ts';
import type { FanoutResult, LoadScenario } from './lib/loadGeneratorProtocol.ts';
import { summarizeLatencies } from './lib/percentiles.ts';
import { readProcessCpuMs, readProcessMemory } from './lib/processStats.ts';
import { type RelayTarget, type RunningRelay, discard } from './lib/relayTargets.ts';
import { fixed } from './lib/table.ts';

export interface RelayFanoutOptions {
  /** (clients, writers) pairs, run in this order. */
  matrix: { clients: number; writers: number }[];
  charsPerSecond: number;
  seconds: number;
  /** Each round runs every target once, in order, so slow drifts of the machine hit all of them alike. */
  rounds: number;
  targets: RelayTarget[];
}

/** A generator above this share of one core may be late itself: its latency figures are then suspect. */
export const GENERATOR_SATURATED_CPU = 0.7;

/** 2, 20 and 100 clients with 1 and 10 writers (as many as there are clients, for 2). */
const DEFAULT_MATRIX = [2, 20, 100].flatMap((clients) => [1, 10].map((writers) => ({ clients, writers: Math.min(writers, clients) })));

/** `--clients=20 --writers=4` narrows the matrix to that one pair. */
export function relayFanoutOptions(options: BenchOptions, targets: RelayTarget[], quick: boolean): RelayFanoutOptions {
  const clients = options.raw('clients');
  const matrix = clients
    ? [{ clients: options.positiveInteger('clients', 20), writers: options.positiveInteger('writers', 1) }]
    : DEFAULT_MATRIX;
  for (const { clients: n, writers } of matrix) {
    if (writers > n) throw new Error('--writers cannot exceed --clients');
    if (n < 2) throw new Error('--clients must be at least 2 (someone has to receive)');
  }
  return {
    matrix,
    charsPerSecond: options.positiveNumber('rate', 10),
    seconds: options.positiveNumber('seconds', quick ? 2 : 4),
    rounds: options.positiveInteger('rounds', 1),
    targets,
  };
}

export interface FanoutMeasurement {
  load: FanoutResult;
  serverCpuMs: number;
}

/** One fan-out run against a running relay, in a fresh generator process. */
export async function measureFanout(relay: RunningRelay, scenario: LoadScenario): Promise<FanoutMeasurement> {
  let cpuBefore = 0;
  const load = await runLoadTask(relay.target, { kind: 'fanout', scenario }, () => {
    cpuBefore = readProcessCpuMs(relay.pid);
  });
  return { load, serverCpuMs: readProcessCpuMs(relay.pid) - cpuBefore };
}

interface Run extends FanoutMeasurement {
  startRssKiB: number;
  peakRssKiB: number;
}

async function measureFresh(target: RelayTarget, scenario: LoadScenario): Promise<Run> {
  const relay = await target.start();
  try {
    const startRssKiB = readProcessMemory(relay.pid).rssKiB;
    const measurement = await measureFanout(relay, scenario);
    // Read before stopping: Accord compacts on shutdown, which is not part of the load.
    return { ...measurement, startRssKiB, peakRssKiB: readProcessMemory(relay.pid).peakRssKiB };
  } finally {
    await relay.stop();
    discard(relay.state);
  }
}

const METRICS: Metric[] = [
  { key: 'p50', label: 'p50 ms', decimals: 2, better: 'lower' },
  { key: 'p99', label: 'p99 ms', decimals: 2, better: 'lower' },
  { key: 'cpuPerDelivery', label: 'CPU µs/delivery', decimals: 1, better: 'lower' },
  { key: 'peakRss', label: 'peak RSS MiB', decimals: 1, better: 'lower' },
  { key: 'idleRss', label: 'idle RSS MiB', decimals: 1, better: 'lower' },
];

/** Pools every run of one target: latencies together, counts and CPU summed, peaks maximised. */
function pooled(runs: readonly Run[]) {
  const latency = summarizeLatencies(runs.flatMap((run) => run.load.latenciesMs));
  const sum = (pick: (run: Run) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const windowSeconds = sum((run) => run.load.windowMs) / 1000;
  const delivered = sum((run) => run.load.delivered);
  return {
    values: {
      p50: latency.p50,
      p99: latency.p99,
      cpuPerDelivery: (sum((run) => run.serverCpuMs) * 1000) / delivered,
      peakRss: Math.max(...runs.map((run) => run.peakRssKiB)) / 1024,
      idleRss: Math.max(...runs.map((run) => run.startRssKiB)) / 1024,
    },
    deliveredPerSecond: delivered / windowSeconds,
    serverCpuMs: sum((run) => run.serverCpuMs),
    delivered,
    serverCpuShare: sum((run) => run.serverCpuMs) / 1000 / windowSeconds,
    generatorCpuShare: sum((run) => run.load.cpuMs) / 1000 / windowSeconds,
    generatorLagP99: Math.max(...runs.map((run) => run.load.eventLoopLagP99Ms)),
    lost: sum((run) => run.load.expected - run.load.delivered),
    converged: runs.every((run) => run.load.converged),
  };
}

const percent = (share: number) => `${fixed(share * 100, 0)}%`;

/** Runs the fan-out matrix and prints its figures. */
export async function runRelayFanout(options: RelayFanoutOptions): Promise<void> {
  const { matrix, rounds, targets, charsPerSecond, seconds } = options;
  console.log(
    `Relay fan-out: clients in one document, writers typing ${charsPerSecond} chars/s each (one update per char) for ` +
      `${seconds} s; ${rounds} round(s), servers alternating, a fresh server process per run.`,
  );
  // Accord's data directories are made in os.tmpdir(): what one flush costs there is what FULL pays per commit.
  console.log(`  disk: small append + fdatasync in ${os.tmpdir()} takes ${fixed(measureFsyncMs(), 3)} ms on average`);

  for (const { clients, writers } of matrix) {
    const scenario: LoadScenario = { clients, writers, charsPerSecond, seconds };
    const runs = new Map<string, Run[]>(targets.map((target) => [target.name, []]));
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) runs.get(target.name)!.push(await measureFresh(target, scenario));
    }
    const figures = targets.map((target) => ({ name: target.name, ...pooled(runs.get(target.name)!) }));
    console.log(`\n${clients} clients, ${writers} writer(s): ${writers * charsPerSecond} updates/s in, ${writers * charsPerSecond * (clients - 1)} deliveries/s out`);
    console.log(comparisonTables(figures, METRICS));
    console.log(
      figures
        .map(
          (f) =>
            `  ${f.name}: delivered/s ${fixed(f.deliveredPerSecond, 0)}, server CPU ${percent(f.serverCpuShare)} ` +
            `(${fixed(f.serverCpuMs, 0)} ms for ${f.delivered} deliveries), generator CPU ` +
            `${percent(f.generatorCpuShare)} (loop lag p99 ${fixed(f.generatorLagP99, 1)} ms), lost ${f.lost}, converged ${f.converged ? 'yes' : 'NO'}`,
        )
        .join('\n'),
    );
    for (const f of figures) {
      if (f.generatorCpuShare > GENERATOR_SATURATED_CPU) {
        console.log(`  WARNING: the generator used ${percent(f.generatorCpuShare)} of a core with ${f.name}: latencies include its own delay.`);
      }
    }
  }
  console.log(
    '\nCPU µs/delivery = server CPU (user+system of every thread, from the scheduler\'s nanosecond counts in /proc) over the ' +
      'typing window / updates received by clients. idle RSS = VmRSS after start; peak = VmHWM.',
  );
}
