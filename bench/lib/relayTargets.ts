import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchDocument } from './accordDocument.ts';
import { findFreePort } from './freePort.ts';
import { startServerProcess } from './serverProcess.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HOST = '127.0.0.1';

/** A relay server started for one measurement, with where and how websocket clients join its document. */
export interface RunningRelay {
  pid: number;
  /** Base websocket URL; y-websocket appends `/<room>`. */
  wsUrl: string;
  room: string;
  /** Query parameters every client sends (credentials). */
  params: Record<string, string>;
  stop(): Promise<void>;
}

/** A relay the benchmark can measure. */
export interface RelayTarget {
  /** Short, stable name, used in `--servers` and the printed table. */
  name: string;
  /** What this server does per update that the others may not, for the printed notes. */
  description: string;
  start(): Promise<RunningRelay>;
}

/** Accord's real server process (`server/src/main.ts`) on a fresh data directory, with the given SQLite synchronous mode. */
export function accordTarget(synchronous: 'FULL' | 'NORMAL'): RelayTarget {
  return {
    name: `accord-${synchronous.toLowerCase()}`,
    description:
      `Accord, SQLite WAL synchronous=${synchronous}${synchronous === 'FULL' ? ' (the default)' : ''}: ` +
      'token auth at upgrade, each update committed before it is relayed',
    async start() {
      // On the same disk as the project's data would be (never tmpfs here: /tmp is ext4), so fsync costs what it costs.
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-bench-'));
      const organiserToken = randomBytes(24).toString('base64url');
      const server = await startServerProcess({
        args: ['--import', 'tsx', path.join(ROOT, 'server/src/main.ts')],
        env: {
          PORT: '0',
          HOST,
          ACCORD_DATA_DIR: dataDir,
          ACCORD_ORGANISER_TOKEN: organiserToken,
          ACCORD_SEED_DEMO: 'false',
          ACCORD_SYNCHRONOUS: synchronous,
          LOG_LEVEL: 'warn',
        },
        ready: /Accord is running at (http:\/\/\S+)/,
      });
      const baseUrl = server.readyMatch[1]!;
      const { documentId, inviteToken } = await createBenchDocument(baseUrl, organiserToken, 'Relay fan-out benchmark');
      return {
        pid: server.pid,
        wsUrl: `${baseUrl.replace(/^http/, 'ws')}/collab`,
        room: documentId,
        params: { token: inviteToken },
        async stop() {
          await server.stop();
          await fs.rm(dataDir, { recursive: true, force: true });
        },
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
    async start() {
      const port = await findFreePort(HOST);
      const script = fileURLToPath(import.meta.resolve('@y/websocket-server/server'));
      const server = await startServerProcess({ args: [script], env: { HOST, PORT: String(port) }, ready: /running at/ });
      return {
        pid: server.pid,
        wsUrl: `ws://${HOST}:${port}/collab`,
        room: 'relay-fanout-benchmark',
        params: {},
        stop: () => server.stop(),
      };
    },
  };
}

/** Every target, by name, in the order they alternate within a round. */
export function allRelayTargets(): RelayTarget[] {
  return [accordTarget('FULL'), accordTarget('NORMAL'), referenceTarget()];
}
