import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../src/nodeFlags.ts';
import { engineEnv, testEnv, withApi, type TestServer } from './testServer.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServerProcess extends TestServer {
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
  output(): string;
}

/** What `npm start` runs: the server bundled by `server/build.mjs`. */
export const SERVER_BUNDLE = path.join(ROOT, 'dist/server/main.mjs');

/**
 * Runs Accord as a real child process, with the V8 flags `npm start` gives it: from its sources (`node --import tsx
 * server/src/main.ts`, the default), or the bundle `npm start` runs (`bundle: true`; build it first).
 */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}, options: { bundle?: boolean } = {}): Promise<ServerProcess> {
  const args = [...SERVER_NODE_FLAGS, ...(options.bundle ? [SERVER_BUNDLE] : ['--import', 'tsx', 'server/src/main.ts'])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...testEnv(dataDir, { ...(await engineEnv(dataDir)), ...env }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Accord is running at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`server exited (${code}) before it started:\n${output}`)));
  });
  const server = {
    url,
    port: Number(new URL(url).port),
    child,
    exited,
    output: () => output,
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
  return withApi(server, dataDir) as ServerProcess;
}
