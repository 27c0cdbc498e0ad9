import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.ts';

const REDIS_SERVER = '/usr/bin/redis-server';
const START_TIMEOUT_MS = 10_000;

export interface TestRedis {
  readonly url: string;
  readonly port: number;
  /** SIGTERM, then waits for the exit; the data directory is removed. */
  stop(): Promise<void>;
  /**
   * Stops the server and starts a new one on the same port: clients see their connection drop and come back.
   * `whileDown` runs between the two, for checks of what clients do during the outage.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
}

/**
 * Runs Debian's redis-server on a free loopback port for one test file: no persistence (a restart starts empty, as a
 * pub/sub bus must tolerate), its own temp directory, and a kill on exit so a crashed test leaves no server behind.
 */
export async function startRedis(): Promise<TestRedis> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'accord-redis-'));
  let port = await freePort();
  let child: ChildProcess;
  try {
    child = await launch(port, dir);
  } catch {
    // Another process may have taken the port between freePort() and redis-server's bind: one more try.
    port = await freePort();
    child = await launch(port, dir);
  }
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop() {
      await terminate(child);
      process.off('exit', killOnExit);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart(whileDown) {
      await terminate(child);
      try {
        await whileDown?.();
      } finally {
        child = await launch(port, dir);
      }
    },
  };
}

async function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir];
  const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`redis-server exited (${code ?? signal}) before answering:\n${output}`)));
  });
  exited.catch(() => undefined);
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(await Promise.race([answersPing(port), exited]))) {
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer PING on port ${port} within ${START_TIMEOUT_MS} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child;
}

/** One inline PING over a raw socket: true on +PONG, false while nothing listens yet. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) socket.end();
    });
    socket.once('error', () => undefined);
    socket.once('close', () => resolve(reply.startsWith('+PONG')));
  });
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
