import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadRoom, LoadTarget, WireProtocol } from './loadGeneratorProtocol.ts';
import { createBenchDocument, createBenchDocuments } from './accordDocument.ts';
import { findFreePort } from './freePort.ts';
import { SERVER_NODE_FLAGS } from '../../server/src/nodeFlags.ts';
import { startServerProcess } from './serverProcess.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOST = '127.0.0.1';
/**
 * The server bundle `npm start` runs (built by server/build.mjs; bench/run.ts builds it first). BENCH_ACCORD_BUNDLE
 * runs another build instead (e.g. one of an earlier commit, to measure what a change bought): a copy of
 * dist/server/main.mjs with its chunks/ folder beside it, inside the project (its packages resolve from there).
 */
const ACCORD_BUNDLE = process.env.BENCH_ACCORD_BUNDLE ?? path.join(ROOT, 'dist/server/main.mjs');
/** Extra `node` flags for Accord's server process, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it under load. */
const ACCORD_NODE_ARGS = (process.env.BENCH_ACCORD_NODE_ARGS ?? '').split(' ').filter(Boolean);

/**
 * What survives a restart of a relay: its data directory (if it has persistence), its first document and the
 * credentials to reach it. Made by the first `start`, passed to the next to restart on the same data.
 */
export interface RelayState {
  /** Removed by `RelayTarget.discard`; the benchmark's own temp directory. */
  dataDir: string;
  room: LoadRoom;
  /** Accord's organiser token (the same across restarts). */
  secret: string;
}

/** A relay server started for one measurement, with where and how websocket clients join its documents. */
export interface RunningRelay {
  pid: number;
  state: RelayState;
  /** Where clients of the first document connect. */
  target: LoadTarget;
  /** `count` documents for clients to join (created first where the server needs that), the first one included. */
  rooms(count: number): Promise<LoadRoom[]>;
  /** Bytes the relay keeps on disk now; undefined when it keeps nothing. */
  diskBytes(): number | undefined;
  /** SIGTERM (the relay's own shutdown: Accord compacts, Hocuspocus stores) and wait; the data directory stays. */
  stop(): Promise<void>;
}

/** A relay the benchmark can measure. */
export interface RelayTarget {
  /** Short, stable name, used in `--servers` and the printed tables. */
  name: string;
  /** What this server does per update that the others may not, for the printed notes. */
  description: string;
  /** Whether it stores documents, so a restart (cold load) means something. */
  persistent: boolean;
  /** Starts a fresh server, or restarts one on the data of an earlier `start` (`state`). */
  start(state?: RelayState): Promise<RunningRelay>;
}

function newState(room: string): RelayState {
  // On the same disk as a real data directory would be (never tmpfs here: /tmp is ext4), so fsync costs what it costs.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-'));
  return { dataDir, room: { room, params: {} }, secret: randomBytes(24).toString('base64url') };
}

/** Removes what a relay left on disk. */
export function discard(state: RelayState): void {
  fs.rmSync(state.dataDir, { recursive: true, force: true });
}

/** Bytes of the files directly in `dir` whose names pass `keep`. */
function bytesIn(dir: string, keep: (name: string) => boolean): number {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .reduce((total, entry) => total + fs.statSync(path.join(dir, entry.name)).size, 0);
}

function protocolTarget(protocol: WireProtocol, wsUrl: string, room: LoadRoom): LoadTarget {
  return { protocol, wsUrl, rooms: [room] };
}

/**
 * Accord's real server process, exactly as `npm start` runs it (the bundle, its V8 flags), with the given SQLite
 * synchronous mode; `env` adds to its environment (ACCORD_DATABASE_URL and ACCORD_REDIS_URL for a clustered process).
 */
export function accordTarget(synchronous: 'FULL' | 'NORMAL' = 'FULL', env: Record<string, string> = {}): RelayTarget {
  return {
    name: synchronous === 'FULL' ? 'accord' : 'accord-normal',
    description:
      `Accord (node ${SERVER_NODE_FLAGS.join(' ')} dist/server/main.mjs, as npm start), SQLite WAL synchronous=${synchronous}${synchronous === 'FULL' ? ' (the default)' : ''}: ` +
      'token auth at upgrade, every update committed (grouped per event-loop turn) before it is relayed',
    persistent: true,
    async start(previous) {
      const state = previous ?? newState('');
      const server = await startServerProcess({
        args: [...SERVER_NODE_FLAGS, ...ACCORD_NODE_ARGS, ACCORD_BUNDLE],
        env: {
          PORT: '0',
          HOST,
          ACCORD_DATA_DIR: state.dataDir,
          ACCORD_ORGANISER_TOKEN: state.secret,
          ACCORD_SEED_DEMO: 'false',
          ACCORD_SYNCHRONOUS: synchronous,
          LOG_LEVEL: 'warn',
          ...env,
        },
        ready: /Accord is running at (http:\/\/\S+)/,
      });
      const baseUrl = server.readyMatch[1]!;
      if (!previous) {
        const { documentId, inviteToken } = await createBenchDocument(baseUrl, state.secret, 'Benchmark');
        state.room = { room: documentId, params: { token: inviteToken } };
      }
      const wsUrl = `${baseUrl.replace(/^http/, 'ws')}/collab`;
      return {
        pid: server.pid,
        state,
        target: protocolTarget('y-websocket', wsUrl, state.room),
        async rooms(count) {
          // The organiser may open any document: one token for all of them.
          const ids = await createBenchDocuments(baseUrl, state.secret, count - 1);
          return [state.room, ...ids.map((room) => ({ room, params: { token: state.secret } }))];
        },
        // The database and its WAL; automatic backups (a separate folder) are not the document's cost.
        diskBytes: () => bytesIn(state.dataDir, (name) => name.startsWith('accord.sqlite')),
        stop: () => server.stop(),
      };
    },
  };
}

/**
 * The reference relay, `@y/websocket-server` 0.1.5's own `bin` script, running on our Yjs 13 through npm overrides.
 * It has no authentication and, without YPERSISTENCE/callbacks configured, no persistence: it relays from memory.
 */
export function referenceTarget(): RelayTarget {
  return {
    name: 'reference',
    description: '@y/websocket-server 0.1.5 (its bin script): no auth, no persistence (memory only), relays at once',
    persistent: false,
    async start(previous) {
      const state = previous ?? newState('bench-0');
      const port = await findFreePort(HOST);
      const script = fileURLToPath(import.meta.resolve('@y/websocket-server/server'));
      const server = await startServerProcess({ args: [script], env: { HOST, PORT: String(port) }, ready: /running at/ });
      return {
        pid: server.pid,
        state,
        target: protocolTarget('y-websocket', `ws://${HOST}:${port}/collab`, state.room),
        rooms: (count) => Promise.resolve(Array.from({ length: count }, (_, index) => ({ room: `bench-${index}`, params: {} }))),
        diskBytes: () => undefined,
        stop: () => server.stop(),
      };
    },
  };
}

/**
 * `@hocuspocus/server` with `@hocuspocus/extension-sqlite` (bench/servers/hocuspocusServer.mjs), defaults otherwise:
 * no authentication, and the whole document state stored debounced (2 s, at most 10 s), relayed before it is stored.
 */
export function hocuspocusTarget(): RelayTarget {
  return {
    name: 'hocuspocus',
    description:
      '@hocuspocus/server 4.7.0 + extension-sqlite (plain JS): no auth, relays at once, stores the whole state debounced 2-10 s',
    persistent: true,
    async start(previous) {
      const state = previous ?? newState('bench-0');
      const server = await startServerProcess({
        args: [path.join(ROOT, 'bench/servers/hocuspocusServer.mjs')],
        env: { HOST, PORT: '0', HOCUSPOCUS_DATABASE: path.join(state.dataDir, 'hocuspocus.sqlite') },
        ready: /Hocuspocus listening on (\d+)/,
      });
      return {
        pid: server.pid,
        state,
        target: protocolTarget('hocuspocus', `ws://${HOST}:${server.readyMatch[1]!}`, state.room),
        rooms: (count) => Promise.resolve(Array.from({ length: count }, (_, index) => ({ room: `bench-${index}`, params: {} }))),
        diskBytes: () => bytesIn(state.dataDir, (name) => name.startsWith('hocuspocus.sqlite')),
        stop: () => server.stop(),
      };
    },
  };
}

/** Every target, by name, in the order they alternate within a round. */
export function allRelayTargets(): RelayTarget[] {
  return [accordTarget('FULL'), hocuspocusTarget(), referenceTarget(), accordTarget('NORMAL')];
}

/** The targets named by `--servers` (default: Accord with its defaults, Hocuspocus, the reference). */
export function selectRelayTargets(names: readonly string[] | undefined): RelayTarget[] {
  const targets = allRelayTargets();
  const chosen = names ?? ['accord', 'hocuspocus', 'reference'];
  const unknown = chosen.filter((name) => !targets.some((target) => target.name === name));
  if (unknown.length > 0) {
    throw new Error(`unknown --servers ${unknown.join(', ')}; known: ${targets.map((target) => target.name).join(', ')}`);
  }
  return chosen.map((name) => targets.find((target) => target.name === name)!);
}
