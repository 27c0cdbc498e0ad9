import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.ts';

const HAPROXY = '/usr/sbin/haproxy';
const START_TIMEOUT_MS = 10_000;
/** Response header HAProxy adds: the name (`s0`, `s1`…) of the backend that answered. */
const BACKEND_HEADER = 'x-accord-backend';
/**
 * Query parameter that sends a request to one backend (`?backend=s1`) while it is up, for a benchmark that must know
 * which process each client is on; requests without it are balanced round robin.
 */
const PIN_PARAM = 'backend';

/** Query parameters that pin a request to the backend at `index` of `backendPorts`. */
export const pinnedTo = (index: number): Record<string, string> => ({ [PIN_PARAM]: `s${index}` });

export interface TestHaproxy {
  /** http://127.0.0.1:port of the frontend. */
  readonly url: string;
  /** ws://…/collab through the frontend. */
  readonly wsUrl: string;
  /** Index in `backendPorts` of the backend that answered `response` (read from the header HAProxy adds). */
  servedBy(response: Response): number;
  readonly pid: number;
  /** SIGTERM, then waits for the exit; the config directory is removed. */
  stop(): Promise<void>;
}

/**
 * The configuration docs/operations.md recommends in front of Accord: round robin without stickiness (any process
 * serves any client), health checks on /healthz that take a dead process out within a second, a retried and
 * redispatched connect when a process has just died, and a tunnel timeout long enough for idle websockets.
 */
function config(port: number, backendPorts: number[]): string {
  return [
    'global',
    '  maxconn 4096',
    'defaults',
    '  mode http',
    '  timeout connect 5s',
    '  timeout client 30s',
    '  timeout server 30s',
    '  timeout tunnel 1h',
    '  option redispatch',
    '  retries 3',
    'frontend accord',
    `  bind 127.0.0.1:${port}`,
    '  default_backend accord',
    'backend accord',
    '  balance roundrobin',
    '  option httpchk GET /healthz',
    `  http-response set-header ${BACKEND_HEADER} %s`,
    ...backendPorts.map((_, index) => `  use-server s${index} if { urlp(${PIN_PARAM}) -m str s${index} }`),
    ...backendPorts.map((backend, index) => `  server s${index} 127.0.0.1:${backend} check inter 500ms fall 2 rise 1`),
    '',
  ].join('\n');
}

/** Runs Debian's haproxy in the foreground on a free loopback port, balancing over the given local ports. */
export async function startHaproxy(backendPorts: number[]): Promise<TestHaproxy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  let port = await freePort();
  let child: ChildProcess;
  try {
    writeFileSync(file, config(port, backendPorts));
    child = await launch(file, port);
  } catch {
    // Another process may have taken the port between freePort() and haproxy's bind: one more try.
    port = await freePort();
    writeFileSync(file, config(port, backendPorts));
    child = await launch(file, port);
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    pid: child.pid!,
    servedBy(response) {
      const name = response.headers.get(BACKEND_HEADER);
      if (!name?.startsWith('s')) throw new Error(`no ${BACKEND_HEADER} header: the response did not come through HAProxy`);
      return Number(name.slice(1));
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise((resolve) => {
          child.once('exit', resolve);
          child.kill('SIGTERM');
        });
      }
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function launch(file: string, port: number): Promise<ChildProcess> {
  // -db: stay in the foreground, so that the child is haproxy itself and a kill reaches it.
  const child = spawn(HAPROXY, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`haproxy exited (${code ?? signal}) before accepting connections:\n${output}`)));
  });
  exited.catch(() => undefined);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await Promise.race([accepts(port), exited]))) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`haproxy did not accept connections on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
