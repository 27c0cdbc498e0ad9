/**
 * Clustered fan-out (issue 20): 100 clients in one document, 10 of them typing, against one Accord process on SQLite
 * (as `npm start`), one process on PostgreSQL + Redis behind HAProxy, and two such processes behind HAProxy with the
 * clients spread over both (HAProxy pins each client by a query parameter so that every delivery is known to cross
 * processes or not). Prints delivery latency p50/p99, split same process / other process, and each process's CPU per
 * update it delivered, with the machine's own CPU use to say what limits the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchOptions } from './lib/benchOptions.ts';
import { runLoadTask } from './lib/loadGeneratorProcess.ts';
import type { FanoutResult, LoadScenario, LoadTarget } from './lib/loadGeneratorProtocol.ts';
import { summarizeLatencies } from './lib/percentiles.ts';
import { cpuBetweenMs, processTree, readProcessCpuMs, readProcessesCpuMs } from './lib/processStats.ts';
import { type RunningRelay, accordTarget, discard } from './lib/relayTargets.ts';
import { fixed, formatTable } from './lib/table.ts';
import { pinnedTo, startHaproxy, type TestHaproxy } from '../server/test/support/haproxy.ts';
import { startPostgres, type TestPostgres } from '../server/test/support/postgres.ts';
import { startRedis, type TestRedis } from '../server/test/support/redis.ts';

export interface ClusteredFanoutOptions {
  scenario: LoadScenario;
}

export function clusteredFanoutOptions(options: BenchOptions, quick: boolean): ClusteredFanoutOptions {
  return {
    scenario: {
      clients: options.positiveInteger('clients', 100),
      writers: options.positiveInteger('writers', 10),
      charsPerSecond: options.positiveNumber('rate', 10),
      seconds: options.positiveNumber('seconds', quick ? 2 : 4),
    },
  };
}

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  // idle and iowait
  return { busy: total - fields[3]! - fields[4]!, total };
}

interface Setup {
  name: string;
  processes: RunningRelay[];
  haproxy?: TestHaproxy;
  target: LoadTarget;
}

/** A server besides Accord whose CPU counts: found by its command line when the window starts. */
interface Service {
  name: string;
  needle: string;
}

interface Measured {
  name: string;
  load: FanoutResult;
  processCpuMs: number[];
  /** CPU (ms) of HAProxy, PostgreSQL (all its processes), Redis over the window, by name. */
  servicesCpuMs: [string, number][];
  machineBusyShare: number;
}

async function measure(setup: Setup, scenario: LoadScenario, services: Service[]): Promise<Measured> {
  const pids = setup.processes.map((process) => process.pid);
  const servicePids = () => [
    ...(setup.haproxy ? [{ name: 'HAProxy', pids: [setup.haproxy.pid] }] : []),
    ...services.map(({ name, needle }) => ({ name, pids: processTree(needle) })),
  ];
  let watched: ReturnType<typeof servicePids> = [];
  let cpuBefore: number[] = [];
  let servicesBefore: number[][] = [];
  let ticksBefore = machineTicks();
  const load = await runLoadTask(setup.target, { kind: 'fanout', scenario }, () => {
    watched = servicePids();
    cpuBefore = pids.map(readProcessCpuMs);
    servicesBefore = watched.map((service) => readProcessesCpuMs(service.pids));
    ticksBefore = machineTicks();
  });
  const ticksAfter = machineTicks();
  return {
    name: setup.name,
    load,
    processCpuMs: pids.map((pid, index) => readProcessCpuMs(pid) - cpuBefore[index]!),
    servicesCpuMs: watched.map((service, index) => [service.name, cpuBetweenMs(servicesBefore[index]!, readProcessesCpuMs(service.pids))]),
    machineBusyShare: (ticksAfter.busy - ticksBefore.busy) / (ticksAfter.total - ticksBefore.total),
  };
}

const portOf = (relay: RunningRelay) => Number(new URL(relay.target.wsUrl).port);

/** `count` Accord processes (the bundle) on one new PostgreSQL database and one Redis, behind a new HAProxy. */
async function clustered(count: number, postgres: TestPostgres, redis: TestRedis): Promise<Setup> {
  const target = accordTarget('FULL', { ACCORD_DATABASE_URL: postgres.createDatabase(), ACCORD_REDIS_URL: redis.url });
  const first = await target.start();
  const processes = [first];
  // The others join the first one's document with its credentials, each with a data directory of its own.
  while (processes.length < count) {
    processes.push(await target.start({ ...first.state, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-')) }));
  }
  const haproxy = await startHaproxy(processes.map(portOf));
  return {
    name: `${count} process${count > 1 ? 'es' : ''}, PostgreSQL + Redis, HAProxy`,
    processes,
    haproxy,
    target: { ...first.target, wsUrl: haproxy.wsUrl, groups: processes.map((_, index) => pinnedTo(index)) },
  };
}

async function tearDown(setup: Setup): Promise<void> {
  await setup.haproxy?.stop();
  for (const process of setup.processes) {
    await process.stop();
    discard(process.state);
  }
}

const latency = (samples: number[]) => {
  if (samples.length === 0) return '-';
  const { p50, p99 } = summarizeLatencies(samples);
  return `${fixed(p50, 1)} / ${fixed(p99, 1)}`;
};
const percent = (share: number) => `${fixed(share * 100, 0)}%`;

function report(runs: Measured[], scenario: LoadScenario): void {
  const rows = runs.map(({ name, load, processCpuMs }) => {
    const groups = load.byGroup ?? [{ sameMs: load.latenciesMs, crossMs: [] }];
    const delivered = groups.map((group) => group.sameMs.length + group.crossMs.length);
    return [
      name,
      latency(load.latenciesMs),
      latency(groups.flatMap((group) => group.sameMs)),
      latency(groups.flatMap((group) => group.crossMs)),
      processCpuMs.map((cpuMs, index) => fixed((cpuMs * 1000) / delivered[index]!, 1)).join(' / '),
      `${load.delivered}/${load.expected}${load.converged ? '' : ' NOT CONVERGED'}`,
    ];
  });
  console.log(
    formatTable(['setup', 'p50 / p99 ms', 'same process', 'other process', 'CPU µs/delivery per process', 'delivered'], rows),
  );
  for (const run of runs) {
    const windowS = run.load.windowMs / 1000;
    console.log(
      `  ${run.name}: Accord CPU ${run.processCpuMs.map((cpuMs) => percent(cpuMs / 1000 / windowS)).join(' + ')} of a core` +
        run.servicesCpuMs.map(([name, cpuMs]) => `, ${name} ${percent(cpuMs / 1000 / windowS)}`).join('') +
        `, generator ${percent(run.load.cpuMs / 1000 / windowS)} (loop lag p99 ${fixed(run.load.eventLoopLagP99Ms, 1)} ms)` +
        `, machine busy ${percent(run.machineBusyShare)} of ${os.cpus().length} cores`,
    );
  }
  const cores = os.cpus().length;
  // Of the busiest run: how much of the machine this benchmark's own processes used, and how much was others'.
  const busiest = runs.reduce((worst, run) => (run.machineBusyShare > worst.machineBusyShare ? run : worst));
  const windowS = busiest.load.windowMs / 1000;
  const ownCpuMs = [...busiest.processCpuMs, ...busiest.servicesCpuMs.map(([, cpuMs]) => cpuMs), busiest.load.cpuMs].reduce((a, b) => a + b, 0);
  const ownShare = ownCpuMs / 1000 / windowS / cores;
  console.log(
    `\nWhat limits it on ${cores} cores: the generator (${scenario.clients} clients in one process), every Accord process, ` +
      `PostgreSQL, Redis and HAProxy share them. In the busiest run ("${busiest.name}") the machine was ` +
      `${percent(busiest.machineBusyShare)} busy, ${percent(ownShare)} of it this benchmark's processes; ` +
      (busiest.machineBusyShare > 0.85
        ? `the cores were saturated${busiest.machineBusyShare - ownShare > 0.2 ? ' mostly by other jobs (see the load average)' : ''}, so latencies include waiting for a core, and a second process adds work (relaying over Redis, applying the other process’s updates) to the same cores instead of spreading it.`
        : 'the cores were not saturated, so the difference between the setups is the extra hop (Redis pub/sub after the PostgreSQL commit).') +
      ' Two processes gain capacity only on two machines.',
  );
}

/** Runs the three setups one after another on fresh processes and prints their figures. */
export async function runClusteredFanout({ scenario }: ClusteredFanoutOptions): Promise<void> {
  console.log(
    `Clustered fan-out: ${scenario.clients} clients in one document (alternating over the processes), ${scenario.writers} ` +
      `writers typing ${scenario.charsPerSecond} chars/s for ${scenario.seconds} s; PostgreSQL (the test harness's: ` +
      'fsync off), Redis and HAProxy on this machine.',
  );
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  const runs: Measured[] = [];
  try {
    const sqlite = await accordTarget('FULL').start();
    const single: Setup = { name: '1 process, SQLite (npm start)', processes: [sqlite], target: sqlite.target };
    const services = [
      { name: 'PostgreSQL', needle: `-p ${postgres.port} ` },
      { name: 'Redis', needle: `127.0.0.1:${redis.port}` },
    ];
    for (const setup of [async () => single, () => clustered(1, postgres, redis), () => clustered(2, postgres, redis)]) {
      const started = await setup();
      try {
        runs.push(await measure(started, scenario, started.haproxy ? services : []));
      } finally {
        await tearDown(started);
      }
    }
  } finally {
    await Promise.all([postgres.stop(), redis.stop()]);
  }
  report(runs, scenario);
  console.log(
    'same / other process: deliveries to clients on the writer\'s process / on the other one (p50 / p99 ms, send to ' +
      'apply, one clock). CPU µs/delivery: the process\'s CPU over the typing window / updates its own clients received.',
  );
}
