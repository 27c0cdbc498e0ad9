import { type ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FromGenerator, LoadResult, LoadTarget, LoadTask, ToGenerator } from './loadGeneratorProtocol.ts';

const SCRIPT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../loadGenerator.ts');

/** The load generator child process (bench/loadGenerator.ts), driven step by step over IPC. */
export class LoadGeneratorProcess {
  private readonly child: ChildProcess;
  private readonly exited: Promise<unknown>;
  private readonly inbox: FromGenerator[] = [];
  private waiting: ((message: FromGenerator) => void) | undefined;
  private stderrTail = '';

  constructor() {
    this.child = fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
    this.exited = once(this.child, 'exit');
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-4000);
    });
    this.child.on('message', (message: FromGenerator) => {
      if (this.waiting) this.waiting(message);
      else this.inbox.push(message);
    });
  }

  /** Runs the task's setup (connecting, syncing); resolves when the generator is ready for the measured part. */
  async prepare(target: LoadTarget, task: LoadTask): Promise<void> {
    this.post({ type: 'start', target, task });
    await this.expect('ready');
  }

  /** Runs the measured part and resolves with its figures, of the kind the task was. */
  async go<K extends LoadResult['kind']>(kind: K): Promise<Extract<LoadResult, { kind: K }>> {
    this.post({ type: 'go' });
    const { result } = await this.expect('done');
    if (result.kind !== kind) throw new Error(`load generator answered a ${result.kind} result, expected ${kind}`);
    return result as Extract<LoadResult, { kind: K }>;
  }

  /** Waits for the generator to exit, killing it if it lingers. */
  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }

  private post(message: ToGenerator): void {
    this.child.send(message);
  }

  private async expect<T extends FromGenerator['type']>(type: T): Promise<Extract<FromGenerator, { type: T }>> {
    const message = await this.next();
    if (message.type === 'failed') throw new Error(`load generator failed: ${message.message}`);
    if (message.type !== type) throw new Error(`load generator sent ${message.type}, expected ${type}`);
    return message as Extract<FromGenerator, { type: T }>;
  }

  private next(): Promise<FromGenerator> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) =>
        reject(new Error(`load generator exited (${String(code)}) unexpectedly\n${this.stderrTail}`));
      this.child.once('exit', onExit);
      this.waiting = (message) => {
        this.waiting = undefined;
        this.child.off('exit', onExit);
        resolve(message);
      };
    });
  }
}

/**
 * One task in a fresh generator process: setup, then `beforeGo` (e.g. to read the server's memory while the clients are
 * connected), then the measured part. The generator has exited when this resolves.
 */
export async function runLoadTask<K extends LoadResult['kind']>(
  target: LoadTarget,
  task: LoadTask & { kind: K },
  beforeGo?: () => void | Promise<void>,
): Promise<Extract<LoadResult, { kind: K }>> {
  const generator = new LoadGeneratorProcess();
  try {
    await generator.prepare(target, task);
    await beforeGo?.();
    return await generator.go(task.kind);
  } finally {
    await generator.close();
  }
}
