/**
 * Relay fan-out: N clients in one document, W of them typing, against each relay in turn (alternating, fresh server
 * process per run). Prints delivery latency p50/p99, updates/s, server CPU per delivered update and peak RSS, with
 * the ratio of each Accord configuration to the reference relay.
 */
import os from 'node:os';
import { BenchOptions } from './lib/benchOptions.ts';
import { measureFsyncMs } from './lib/fsyncProbe.ts';
import { LoadGeneratorProcess } from './lib/loadGeneratorProcess.ts';
import type { LoadResult, LoadScenario } from './lib/loadGeneratorProtocol.ts';
import { summarizeLatencies } from './lib/percentiles.ts';
import { readProcessCpuMs, readProcessMemory } from './lib/processStats.ts';
import { type RelayTarget, allRelayTargets } from './lib/relayTargets.ts';
import { fixed, formatTable } from './lib/table.ts';

export interface RelayFanoutOptions {
  scenario: LoadScenario;
  /** Each round runs every target once, in order, so slow drifts of the machine hit all of them alike. */
  rounds: number;
  targets: RelayTarget[];
}

/** A generator above this share of one core may be late itself: its latency figures are then suspect. */
const GENERATOR_SATURATED_CPU = 0.7;

/** Defaults sized to finish in about a minute and a half on 2 cores; `--clients`, `--writers`, etc. override. */
export function relayFanoutOptions(options = new BenchOptions()): RelayFanoutOptions {
  const targets = allRelayTargets();
  const names = options.list('servers', targets.map((target) => target.name));
  const unknown = names.filter((name) => !targets.some((target) => target.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown --servers ${unknown.join(', ')}; known: ${targets.map((target) => target.name).join(', ')}`);
  }
  const scenario = {
    clients: options.positiveInteger('clients', 20),
    writers: options.positiveInteger('writers', 4),
    charsPerSecond: options.positiveNumber('rate', 10),
    seconds: options.positiveNumber('seconds', 8),
  };
  if (scenario.writers > scenario.clients) throw new Error('--writers cannot exceed --clients');
  if (scenario.clients < 2) throw new Error('--clients must be at least 2 (someone has to receive)');
  return {
    scenario,
    rounds: options.positiveInteger('rounds', 2),
    targets: names.map((name) => targets.find((target) => target.name === name)!),
  };
}

interface Measurement {
  load: LoadResult;
  serverCpuMs: number;
  startRssKiB: number;
  peakRssKiB: number;
}

async function measure(target: RelayTarget, scenario: LoadScenario): Promise<Measurement> {
  const relay = await target.start();
  const generator = new LoadGeneratorProcess();
  try {
    const startRssKiB = readProcessMemory(relay.pid).rssKiB;
    await generator.prepare({ wsUrl: relay.wsUrl, room: relay.room, params: relay.params }, scenario);
    const cpuBefore = readProcessCpuMs(relay.pid);
    const load = await generator.type();
    const serverCpuMs = readProcessCpuMs(relay.pid) - cpuBefore;
    // Read before stopping: Accord compacts on shutdown, which is not part of the load.
    const { peakRssKiB } = readProcessMemory(relay.pid);
    return { load, serverCpuMs, startRssKiB, peakRssKiB };
  } finally {
    await generator.close();
    await relay.stop();
  }
}

interface Figures {
  name: string;
  p50: number;
  p99: number;
  max: number;
  sentPerSecond: number;
  deliveredPerSecond: number;
  serverCpuUsPerDelivery: number;
  serverCpuShare: number;
  startRssMiB: number;
  peakRssMiB: number;
  generatorCpuShare: number;
  generatorLoopLagP99: number;
  lost: number;
  converged: boolean;
}

/** Pools every run of one target: latencies together, counts and CPU summed, peaks maximised. */
function figuresOf(name: string, runs: readonly Measurement[]): Figures {
  const latency = summarizeLatencies(runs.flatMap((run) => run.load.latenciesMs));
  const sum = (pick: (run: Measurement) => number) => runs.reduce((total, run) => total + pick(run), 0);
  const windowSeconds = sum((run) => run.load.windowMs) / 1000;
  const delivered = sum((run) => run.load.delivered);
  return {
    name,
    p50: latency.p50,
    p99: latency.p99,
    max: latency.max,
    sentPerSecond: sum((run) => run.load.sent) / windowSeconds,
    deliveredPerSecond: delivered / windowSeconds,
    serverCpuUsPerDelivery: (sum((run) => run.serverCpuMs) * 1000) / delivered,
    serverCpuShare: sum((run) => run.serverCpuMs) / 1000 / windowSeconds,
    startRssMiB: Math.max(...runs.map((run) => run.startRssKiB)) / 1024,
    peakRssMiB: Math.max(...runs.map((run) => run.peakRssKiB)) / 1024,
    generatorCpuShare: sum((run) => run.load.cpuMs) / 1000 / windowSeconds,
    generatorLoopLagP99: Math.max(...runs.map((run) => run.load.eventLoopLagP99Ms)),
    lost: sum((run) => run.load.expected - run.load.delivered),
    converged: runs.every((run) => run.load.converged),
  };
}

const percent = (share: number) => `${fixed(share * 100, 0)}%`;

function figuresTable(all: readonly Figures[]): string {
  return formatTable(
    ['server', 'p50 ms', 'p99 ms', 'max ms', 'sent/s', 'delivered/s', 'CPU µs/delivery', 'server CPU', 'RSS idle MiB', 'peak RSS MiB', 'generator CPU', 'gen loop lag p99 ms', 'lost', 'converged'],
    all.map((f) => [
      f.name,
      fixed(f.p50, 2),
      fixed(f.p99, 2),
      fixed(f.max, 1),
      fixed(f.sentPerSecond, 0),
      fixed(f.deliveredPerSecond, 0),
      fixed(f.serverCpuUsPerDelivery, 1),
      percent(f.serverCpuShare),
      fixed(f.startRssMiB, 1),
      fixed(f.peakRssMiB, 1),
      percent(f.generatorCpuShare),
      fixed(f.generatorLoopLagP99, 1),
      String(f.lost),
      f.converged ? 'yes' : 'NO',
    ]),
  );
}

function ratioTable(all: readonly Figures[]): string | undefined {
  const pairs: [Figures, Figures][] = [];
  const reference = all.find((f) => f.name === 'reference');
  const full = all.find((f) => f.name === 'accord-full');
  const normal = all.find((f) => f.name === 'accord-normal');
  if (reference) for (const f of all) if (f !== reference) pairs.push([f, reference]);
  if (full && normal) pairs.push([full, normal]);
  if (pairs.length === 0) return undefined;
  const ratio = (a: number, b: number) => `${fixed(a / b, 2)}x`;
  return formatTable(
    ['ratio (lower is better for Accord)', 'p50', 'p99', 'CPU/delivery', 'peak RSS', 'delivered/s'],
    pairs.map(([a, b]) => [
      `${a.name} / ${b.name}`,
      ratio(a.p50, b.p50),
      ratio(a.p99, b.p99),
      ratio(a.serverCpuUsPerDelivery, b.serverCpuUsPerDelivery),
      ratio(a.peakRssMiB, b.peakRssMiB),
      ratio(a.deliveredPerSecond, b.deliveredPerSecond),
    ]),
  );
}

/** Runs the fan-out benchmark and prints its figures; returns them for callers that record them. */
export async function runRelayFanout(options: RelayFanoutOptions): Promise<Figures[]> {
  const { scenario, rounds, targets } = options;
  console.log(
    `Relay fan-out: ${scenario.clients} clients in one document, ${scenario.writers} typing ${scenario.charsPerSecond} ` +
      `chars/s each (one update per char) for ${scenario.seconds} s; ${rounds} round(s), servers alternating.`,
  );
  for (const target of targets) console.log(`  ${target.name}: ${target.description}`);
  // Accord's data directories are made in os.tmpdir(): what one flush costs there is what FULL pays per commit.
  console.log(`  disk: small append + fdatasync in ${os.tmpdir()} takes ${fixed(measureFsyncMs(), 3)} ms on average`);

  const runs = new Map<string, Measurement[]>(targets.map((target) => [target.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const target of targets) {
      const run = await measure(target, scenario);
      runs.get(target.name)!.push(run);
      const latency = summarizeLatencies(run.load.latenciesMs);
      console.log(
        `  round ${round} ${target.name}: p50 ${fixed(latency.p50, 2)} ms, p99 ${fixed(latency.p99, 2)} ms, ` +
          `${run.load.delivered}/${run.load.expected} delivered, server CPU ${fixed(run.serverCpuMs, 0)} ms, ` +
          `generator CPU ${fixed(run.load.cpuMs, 0)} ms, setup ${fixed(run.load.setupMs, 0)} ms`,
      );
    }
  }

  const figures = targets.map((target) => figuresOf(target.name, runs.get(target.name)!));
  console.log(`\n${figuresTable(figures)}`);
  const ratios = ratioTable(figures);
  if (ratios) console.log(`\n${ratios}`);
  for (const f of figures) {
    if (f.generatorCpuShare > GENERATOR_SATURATED_CPU) {
      console.log(`WARNING: the generator used ${percent(f.generatorCpuShare)} of a core with ${f.name}: latencies include its own delay.`);
    }
    if (f.lost > 0 || !f.converged) console.log(`WARNING: ${f.name} lost ${f.lost} deliveries; converged: ${f.converged}.`);
  }
  console.log(
    'CPU µs/delivery = server CPU (user+system, /proc) over the typing window / updates received by clients. ' +
      'RSS idle = VmRSS after start; peak = VmHWM.',
  );
  return figures;
}
