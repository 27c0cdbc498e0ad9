/**
 * Connection churn (issue 14, item 4): rounds of 2,000 websocket connections (200 at a time, all open at the end) to one
 * document that sync (and with `--churn-presence=true` announce a presence as browsers do) and close, while one client
 * stays connected (the document stays loaded, as at a meeting). Printed after each round, open and closed: the server's
 * RSS, how much of it is the C allocator's main heap, and V8's heap (used and reserved) and external memory as the
 * server reports them on /metrics.
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import * as awarenessProtocol from 'y-protocols/awareness';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { awarenessFrame, syncStep1Frame } from '../shared/protocol/wireFormat.ts';
import type { BenchOptions } from './lib/benchOptions.ts';
import { type RelayTarget, discard } from './lib/relayTargets.ts';
import { fixed, formatTable } from './lib/table.ts';

const MiB = 1024 * 1024;
const BATCH = 200;
/**
 * After the last socket of a round closed, the server is left this long before it is measured: longer than Accord's
 * memory release takes (2 s without a close, then two collections 6 s apart; server/src/infrastructure/memoryRelease.ts).
 */
const SETTLE_MS = 10_000;

export interface ConnectionChurnOptions {
  targets: RelayTarget[];
  connections: number;
  rounds: number;
  /** Whether each connection announces a presence, as a browser does (every other one is then told: slower). */
  presence: boolean;
}

export function connectionChurnOptions(options: BenchOptions, targets: RelayTarget[], quick: boolean): ConnectionChurnOptions {
  return {
    targets: targets.filter((target) => target.name.startsWith('accord')),
    connections: options.positiveInteger('churn-connections', quick ? 1000 : 2000),
    rounds: options.positiveInteger('churn-rounds', 2),
    presence: options.raw('churn-presence') === 'true',
  };
}

interface Memory {
  rss: number;
  /** Resident part of the C allocator's main heap (`[heap]` in /proc/<pid>/smaps). */
  mallocHeap: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

async function readMemory(pid: number, metricsUrl: string): Promise<Memory> {
  const metrics = await (await fetch(metricsUrl)).text();
  const gauge = (name: string) => Number(new RegExp(`^accord_${name} (\\d+)`, 'm').exec(metrics)?.[1] ?? Number.NaN);
  const smaps = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const heapRegion = /\[heap\]\n(?:.*\n)*?Rss:\s+(\d+) kB/.exec(smaps);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    rss: Number(/^VmRSS:\s+(\d+) kB/m.exec(status)![1]) * 1024,
    mallocHeap: Number(heapRegion?.[1] ?? 0) * 1024,
    heapUsed: gauge('nodejs_heap_size_used_bytes'),
    heapTotal: gauge('nodejs_heap_size_total_bytes'),
    external: gauge('nodejs_external_memory_bytes'),
  };
}

/** Opens a socket that asks for the document (and announces a presence); resolves once the document has arrived. */
async function visit(url: string, presence: boolean): Promise<WebSocket> {
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const synced = new Promise<void>((resolve) => socket.on('message', (data: Buffer) => data[0] === 0 && data[1] === 1 && resolve()));
  socket.send(syncStep1Frame(new Y.Doc()));
  if (presence) {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    awareness.setLocalState({ user: { name: 'Visitor' }, cursor: null });
    socket.send(awarenessFrame(awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID])));
    awareness.destroy();
  }
  await synced;
  return socket;
}

async function closeAll(sockets: WebSocket[]): Promise<void> {
  await Promise.all(
    sockets.map((socket) => {
      const closed = new Promise((resolve) => socket.once('close', resolve));
      socket.close();
      return closed;
    }),
  );
}

async function measure(target: RelayTarget, options: ConnectionChurnOptions): Promise<void> {
  const relay = await target.start();
  try {
    const { wsUrl, rooms } = relay.target;
    const url = `${wsUrl}/${rooms[0]!.room}?token=${rooms[0]!.params.token}`;
    const metricsUrl = `${wsUrl.replace(/^ws/, 'http').replace(/\/collab$/, '')}/metrics`;
    const staying = await visit(url, options.presence);
    await sleep(SETTLE_MS);
    const rows: [string, Memory][] = [['baseline', await readMemory(relay.pid, metricsUrl)]];
    for (let round = 1; round <= options.rounds; round++) {
      const open: WebSocket[] = [];
      for (let first = 0; first < options.connections; first += BATCH) {
        const count = Math.min(BATCH, options.connections - first);
        open.push(...(await Promise.all(Array.from({ length: count }, () => visit(url, options.presence)))));
      }
      rows.push([`round ${round}, ${options.connections} open`, await readMemory(relay.pid, metricsUrl)]);
      await closeAll(open);
      await sleep(SETTLE_MS);
      rows.push([`round ${round}, closed`, await readMemory(relay.pid, metricsUrl)]);
    }
    staying.close();
    const baseline = rows[0]![1];
    console.log(
      formatTable(
        ['after', 'RSS MiB', 'vs baseline', 'malloc heap MiB', 'V8 heap used MiB', 'V8 heap reserved MiB', 'external MiB'],
        rows.map(([name, memory]) => [
          name,
          fixed(memory.rss / MiB, 1),
          `${memory.rss >= baseline.rss ? '+' : ''}${fixed((memory.rss - baseline.rss) / MiB, 1)}`,
          fixed(memory.mallocHeap / MiB, 1),
          fixed(memory.heapUsed / MiB, 1),
          fixed(memory.heapTotal / MiB, 1),
          fixed(memory.external / MiB, 1),
        ]),
      ),
    );
    const closed = rows.filter(([name]) => name.endsWith('closed')).map(([, memory]) => memory.rss);
    console.log(
      `${target.name}: round 2 added ${fixed(((closed[1] ?? Number.NaN) - (closed[0] ?? Number.NaN)) / MiB, 1)} MiB of RSS (target < 8); ` +
        `after the last round ${fixed((closed[closed.length - 1]! - baseline.rss) / MiB, 1)} MiB above the baseline (target < 32).`,
    );
  } finally {
    await relay.stop();
    discard(relay.state);
  }
}

export async function runConnectionChurn(options: ConnectionChurnOptions): Promise<void> {
  console.log(
    `Connection churn: ${options.rounds} rounds of ${options.connections} connections (${BATCH} at a time) that sync` +
      `${options.presence ? ', announce a presence' : ''} and close, one client staying connected; measured ${SETTLE_MS / 1000} s ` +
      "after each round's last close.",
  );
  for (const target of options.targets) await measure(target, options);
}
