/**
 * Stalled reader (issue 14, item 2): two writers each send a 32 KiB update every 10 ms for 10 s (bench/bulkWriters.ts,
 * a child process), first alone, then with a reader that synced and stopped reading its socket, each on a fresh server. Printed: whether and
 * when Accord dropped the stalled reader and the close code it saw, the server's RSS growth, and the delivery latency
 * of a small probe edit (sent every 50 ms by one client, timed on arrival at another, both in this process) throughout.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { syncStep1Frame, updateFrame } from '../shared/protocol/wireFormat.ts';
import type { FromBulkWriters } from './bulkWriters.ts';
import type { BenchOptions } from './lib/benchOptions.ts';
import { percentile } from './lib/percentiles.ts';
import { readProcessMemory } from './lib/processStats.ts';
import { type RelayTarget, discard } from './lib/relayTargets.ts';
import { fixed, formatTable } from './lib/table.ts';

const WRITERS_SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'bulkWriters.ts');
const MiB = 1024 * 1024;
const PROBE_EVERY_MS = 50;
/** A probe not delivered within this is counted at this latency (and as lost). */
const PROBE_TIMEOUT_MS = 10_000;

export interface StalledReaderOptions {
  targets: RelayTarget[];
  seconds: number;
  updateBytes: number;
  intervalMs: number;
}

export function stalledReaderOptions(options: BenchOptions, targets: RelayTarget[], quick: boolean): StalledReaderOptions {
  return {
    // Only Accord has a bound to hold; the other relays are not measured here.
    targets: targets.filter((target) => target.name.startsWith('accord')),
    seconds: options.positiveNumber('stalled-seconds', quick ? 5 : 10),
    updateBytes: options.positiveInteger('stalled-update-bytes', 32 * 1024),
    intervalMs: options.positiveNumber('stalled-interval-ms', 10),
  };
}

interface Phase {
  name: string;
  /** Writers the server closed during the run. */
  dropped: number;
  written: number;
  writingMs: number;
  rssBefore: number;
  rssGrowth: number;
  latencies: number[];
  lost: number;
}

async function openSocket(url: string): Promise<WebSocket> {
  const socket = new WebSocket(url);
  socket.binaryType = 'nodebuffer';
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** A client sending a small marked edit every PROBE_EVERY_MS and one timing its arrival, both in this process. */
async function startProbe(url: string) {
  const writer = await openSocket(url);
  const reader = await openSocket(url);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => writer.send(updateFrame(update)));
  const fragment = doc.getXmlFragment('default');
  const pending = new Map<string, number>();
  const latencies: number[] = [];
  let lost = 0;
  let dropped = 0;
  for (const socket of [writer, reader]) socket.on('close', () => dropped++);
  reader.on('message', (data: Buffer) => {
    const now = performance.now();
    for (const [marker, sentAt] of pending) {
      if (!data.includes(marker)) continue;
      latencies.push(now - sentAt);
      pending.delete(marker);
    }
  });
  let next = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    for (const [marker, sentAt] of pending) {
      if (now - sentAt < PROBE_TIMEOUT_MS) continue;
      latencies.push(PROBE_TIMEOUT_MS);
      lost++;
      pending.delete(marker);
    }
    const marker = `probe-${next++}-`;
    pending.set(marker, performance.now());
    doc.transact(() => {
      if (fragment.length > 0) fragment.delete(0, 1);
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(marker)]);
      fragment.push([paragraph]);
    });
  }, PROBE_EVERY_MS);
  return {
    /** Starts a new phase: returns the latencies measured since the last call. */
    take(): { latencies: number[]; lost: number } {
      const taken = { latencies: latencies.splice(0), lost };
      lost = 0;
      return taken;
    },
    /** How many of its two sockets the server closed. */
    dropped: () => dropped,
    async stop(): Promise<void> {
      clearInterval(timer);
      await waitUntil(() => pending.size === 0, PROBE_TIMEOUT_MS);
      writer.removeAllListeners('close');
      reader.removeAllListeners('close');
      writer.terminate();
      reader.terminate();
    },
  };
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(20);
  }
  return true;
}

/** Runs the writers once; resolves with what they wrote and how many of them the server closed. */
async function runWriters(url: string, options: StalledReaderOptions, minBytes: number): Promise<{ sent: number; ms: number; dropped: number }> {
  const child: ChildProcess = fork(
    WRITERS_SCRIPT,
    [url, '2', String(options.updateBytes), String(options.intervalMs), String(options.seconds), String(minBytes)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const exited = once(child, 'exit');
  let dropped = 0;
  return new Promise((resolve, reject) => {
    child.on('message', (message: FromBulkWriters) => {
      if (message.type === 'ready') child.send('go');
      else if (message.type === 'closed') dropped++;
      else resolve({ sent: message.sent, ms: message.ms, dropped });
    });
    void exited.then(([code]) => reject(new Error(`the writers exited (${String(code)}) before they were done`)));
  });
}

/** Clients dropped as too slow, and bytes of updates stored (what the server relays to every reader), from /metrics. */
async function serverCounts(metricsUrl: string): Promise<{ tooSlow: number; stored: number }> {
  const metrics = await (await fetch(metricsUrl)).text();
  return {
    tooSlow: Number(/^accord_messages_rejected_total\{reason="client too slow"\} (\d+)/m.exec(metrics)?.[1] ?? 0),
    stored: Number(/^accord_bytes_persisted_total (\d+)/m.exec(metrics)?.[1] ?? 0),
  };
}

interface Stall {
  closeCode: number | undefined;
  /**
   * Bytes the server had stored (and so relayed to every reader) since the reader stopped reading, when it counted a
   * client dropped as too slow; the writers' own count runs ahead of it whenever the server lags.
   */
  relayedWhenDropped: number | undefined;
}

/** One run on a fresh server process: the writers and the probe, and a reader that stops reading if `stall`. */
async function run(target: RelayTarget, options: StalledReaderOptions, stall: boolean): Promise<Phase & { stall?: Stall; othersDropped: number }> {
  const relay = await target.start();
  try {
    const { wsUrl, rooms } = relay.target;
    const url = `${wsUrl}/${rooms[0]!.room}?token=${rooms[0]!.params.token}`;
    const metricsUrl = `${wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '')}/metrics`;
    const rssNow = () => readProcessMemory(relay.pid).rssKiB * 1024;
    const probe = await startProbe(url);

    let stalled: WebSocket | undefined;
    let closeCode: number | undefined;
    if (stall) {
      stalled = await openSocket(url);
      stalled.on('close', (code) => (closeCode = code));
      stalled.send(syncStep1Frame(new Y.Doc()));
      await new Promise<void>((resolve) => stalled!.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve()));
    }
    // It stops reading its socket: its TCP receive window fills, then the server's send queue.
    const tcp = (stalled as unknown as { _socket: { pause(): void; resume(): void } } | undefined)?._socket;
    tcp?.pause();

    const before = rssNow();
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssNow())), 50);
    probe.take();
    const storedBefore = (await serverCounts(metricsUrl)).stored;
    let relayedWhenDropped: number | undefined;
    let writing = true;
    const watching = (async () => {
      while (stall && writing && relayedWhenDropped === undefined) {
        const counts = await serverCounts(metricsUrl);
        if (counts.tooSlow > 0) relayedWhenDropped = counts.stored - storedBefore;
        await sleep(100);
      }
    })();
    // On a slow machine the writers go on until 24 MiB are out: more than the bound plus what TCP buffers.
    const { sent, ms, dropped } = await runWriters(url, options, 24 * MiB);
    writing = false;
    clearInterval(sampler);
    await watching;
    tcp?.resume();
    if (stalled) await waitUntil(() => closeCode !== undefined, 5000);
    const measured = probe.take();
    await probe.stop();
    stalled?.terminate();
    return {
      name: stall ? 'with a stalled reader' : 'load alone',
      dropped,
      written: sent,
      writingMs: ms,
      rssBefore: before,
      rssGrowth: peak - before,
      ...measured,
      stall: stall ? { closeCode, relayedWhenDropped } : undefined,
      othersDropped: dropped + probe.dropped(),
    };
  } finally {
    await relay.stop();
    discard(relay.state);
  }
}

async function measure(target: RelayTarget, options: StalledReaderOptions): Promise<void> {
  const alone = await run(target, options, false);
  const withStall = await run(target, options, true);
  const rows = [alone, withStall].map((phase) => {
    const sorted = Float64Array.from(phase.latencies).sort();
    return [
      phase.name,
      fixed(phase.written / MiB, 1),
      fixed((phase.written / MiB / phase.writingMs) * 1000, 1),
      fixed(phase.rssBefore / MiB, 1),
      `+${fixed(phase.rssGrowth / MiB, 1)}`,
      String(phase.latencies.length),
      String(phase.lost),
      fixed(percentile(sorted, 50), 0),
      fixed(percentile(sorted, 95), 0),
      fixed(sorted[sorted.length - 1] ?? Number.NaN, 0),
    ];
  });
  console.log(
    formatTable(['phase (fresh server)', 'written MiB', 'MiB/s', 'RSS before MiB', 'peak RSS growth MiB', 'probes', 'lost', 'p50 ms', 'p95 ms', 'max ms'], rows),
  );
  const stall = withStall.stall!;
  console.log(
    `${target.name}: stalled reader ${stall.closeCode === undefined ? 'NOT dropped' : `dropped (close code seen by it: ${stall.closeCode}) when the server had relayed ${fixed((stall.relayedWhenDropped ?? Number.NaN) / MiB, 1)} MiB since it stopped reading (bound: 16 MiB)`}; ` +
      `other clients dropped: ${alone.othersDropped + withStall.othersDropped}. Targets: dropped, RSS growth < 64 MiB, probe p95 < 250 ms throughout.`,
  );
}

export async function runStalledReader(options: StalledReaderOptions): Promise<void> {
  console.log(
    `Stalled reader: 2 writers × ${options.updateBytes / 1024} KiB every ${options.intervalMs} ms for ${options.seconds} s ` +
      `(and until 24 MiB are out), alone, then with a reader that stopped reading; a probe edit every ${PROBE_EVERY_MS} ms.`,
  );
  for (const target of options.targets) await measure(target, options);
}
