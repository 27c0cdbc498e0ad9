import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import readline from 'node:readline';

export interface ServerProcessSpec {
  /** Arguments to `node` (flags, then the script). */
  args: string[];
  /** Environment added to this process's own. */
  env: Record<string, string>;
  /** Matched against each stdout line; the server is ready at the first match. */
  ready: RegExp;
  /** How long to wait for `ready`. */
  startTimeoutMs?: number;
}

/** A server running as a child `node` process, so its CPU and memory can be read from /proc apart from ours. */
export interface ServerProcess {
  readonly pid: number;
  /** The stdout line that matched `ready`, with its match. */
  readonly readyMatch: RegExpExecArray;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

const TAIL_CHARS = 4000;

/** Starts `node ...spec.args` and resolves once it prints the ready line; rejects with its stderr if it exits first. */
export async function startServerProcess(spec: ServerProcessSpec): Promise<ServerProcess> {
  const child = spawn(process.execPath, spec.args, {
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderrTail = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderrTail = (stderrTail + chunk).slice(-TAIL_CHARS);
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const exited = once(child, 'exit');

  const readyMatch = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timeoutMs = spec.startTimeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not become ready in ${timeoutMs} ms: node ${spec.args.join(' ')}\n${stderrTail}`));
    }, timeoutMs);
    lines.on('line', (line) => {
      const match = spec.ready.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    void exited.then(([code, signal]) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${String(code ?? signal)}) before it was ready: node ${spec.args.join(' ')}\n${stderrTail}`));
    });
  });

  return { pid: child.pid!, readyMatch, stop: (graceMs = 5000) => stopChild(child, exited, graceMs) };
}

async function stopChild(child: ChildProcess, exited: Promise<unknown>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
