/**
 * Saturation: the highest total edit rate a relay carries with delivery p99 under 100 ms. Every client of one document
 * types; the rate doubles from a start until a step fails (p99 ≥ 100 ms, a delivery lost, or the writers could not be
 * fed at the rate), then the gap between the last passing and the first failing rate is halved a few times. Each step
 * is a fresh generator against the same server process. The search is bounded: at most `maxSteps` steps per server.
 */
import type { BenchOptions } from './lib/benchOptions.ts';
import { type Metric, comparisonTables } from './lib/comparison.ts';
import { summarizeLatencies } from './lib/percentiles.ts';
import { readProcessMemory } from './lib/processStats.ts';
import { type RelayTarget, discard } from './lib/relayTargets.ts';
import { fixed } from './lib/table.ts';
import { measureFanout } from './relayFanout.ts';

const P99_LIMIT_MS = 100;
/** A step whose writers sent less than this share of the asked rate did not test the rate at all. */
const MIN_SENT_SHARE = 0.9;

export interface SaturationOptions {
  clients: number;
  startRate: number;
  maxRate: number;
  /** Halvings of the pass/fail gap after the doubling phase. */
  refinements: number;
  seconds: number;
  targets: RelayTarget[];
}

export function saturationOptions(options: BenchOptions, targets: RelayTarget[], quick: boolean): SaturationOptions {
  return {
    clients: options.positiveInteger('saturation-clients', 10),
    startRate: options.positiveNumber('saturation-start', 200),
    maxRate: options.positiveNumber('saturation-max', 12_800),
    refinements: quick ? 1 : 2,
    seconds: options.positiveNumber('saturation-seconds', quick ? 2 : 3),
    targets,
  };
}

interface Step {
  rate: number;
  pass: boolean;
  p99: number;
  generatorCpuShare: number;
  serverCpuShare: number;
}

/** Runs the search against one fresh server process; returns every step. */
async function search(target: RelayTarget, options: SaturationOptions): Promise<{ steps: Step[]; peakRssKiB: number }> {
  const relay = await target.start();
  const steps: Step[] = [];
  const tryRate = async (rate: number): Promise<boolean> => {
    const { load, serverCpuMs } = await measureFanout(relay, {
      clients: options.clients,
      writers: options.clients,
      charsPerSecond: rate / options.clients,
      seconds: options.seconds,
    });
    const { p99 } = summarizeLatencies(load.latenciesMs);
    // Writers that fall behind their schedule catch up in bursts: the rate achieved is what they sent over the time
    // they took, not over the time they were given.
    const sentShare = load.sent / ((rate * Math.max(load.typingMs, options.seconds * 1000)) / 1000);
    const pass = p99 < P99_LIMIT_MS && load.delivered === load.expected && sentShare >= MIN_SENT_SHARE;
    const step = { rate, pass, p99, generatorCpuShare: load.cpuMs / load.windowMs, serverCpuShare: serverCpuMs / load.windowMs };
    steps.push(step);
    console.log(
      `  ${target.name} ${fixed(rate, 0)} edits/s: p99 ${fixed(p99, 1)} ms, lost ${load.expected - load.delivered}, ` +
        `sent ${fixed(sentShare * 100, 0)}% of the rate, server CPU ${fixed(step.serverCpuShare * 100, 0)}%, ` +
        `generator CPU ${fixed(step.generatorCpuShare * 100, 0)}% → ${pass ? 'pass' : 'FAIL'}`,
    );
    return pass;
  };
  try {
    let passing = 0;
    let failing = Number.POSITIVE_INFINITY;
    for (let rate = options.startRate; rate <= options.maxRate; rate *= 2) {
      if (await tryRate(rate)) passing = rate;
      else {
        failing = rate;
        break;
      }
    }
    for (let i = 0; i < options.refinements && Number.isFinite(failing) && passing > 0; i++) {
      const middle = Math.round((passing + failing) / 2);
      if (await tryRate(middle)) passing = middle;
      else failing = middle;
    }
    return { steps, peakRssKiB: readProcessMemory(relay.pid).peakRssKiB };
  } finally {
    await relay.stop();
    discard(relay.state);
  }
}

const METRICS: Metric[] = [
  { key: 'rate', label: 'max edits/s with p99 < 100 ms', decimals: 0, better: 'higher' },
  { key: 'generatorCpu', label: 'generator CPU at that rate %', decimals: 0, better: 'lower' },
  { key: 'peakRss', label: 'peak RSS MiB', decimals: 1, better: 'lower' },
];

export async function runSaturation(options: SaturationOptions): Promise<void> {
  console.log(
    `Saturation: ${options.clients} clients in one document, all typing; total rate from ${options.startRate} edits/s doubling ` +
      `(≤ ${options.maxRate}), then ${options.refinements} halving(s); ${options.seconds} s per step; pass = p99 < ${P99_LIMIT_MS} ms, ` +
      `nothing lost, ≥ ${MIN_SENT_SHARE * 100}% of the rate sent.`,
  );
  const figures = [];
  for (const target of options.targets) {
    const { steps, peakRssKiB } = await search(target, options);
    const best = steps.filter((step) => step.pass).sort((a, b) => b.rate - a.rate)[0];
    figures.push({
      name: target.name,
      values: { rate: best?.rate ?? 0, generatorCpu: (best?.generatorCpuShare ?? Number.NaN) * 100, peakRss: peakRssKiB / 1024 },
    });
  }
  console.log(`\n${comparisonTables(figures, METRICS)}`);
  console.log(
    'A generator near 100% of a core at the highest passing rate means the two-core machine, not the server, set the limit.',
  );
}
