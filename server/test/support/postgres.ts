import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort.ts';

/**
 * A real PostgreSQL server for tests (Debian's `postgresql` package): its own cluster in a temp dir, on a free loopback
 * port, started and stopped by the test. PostgreSQL refuses to run as root, so as root the cluster belongs to the
 * `postgres` user the package creates. fsync is off: tests kill processes, not machines.
 */
export interface TestPostgres {
  /** postgres://… of the server's `postgres` database, for administration. */
  adminUrl: string;
  port: number;
  /** A new empty database; returns its URL. */
  createDatabase(): string;
  /** Stops the server (fast shutdown); `start()` brings it back on the same port with the same data. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

const USER = 'accord';

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => path.join(root, version, 'bin')).find((dir) => fs.existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error('PostgreSQL is not installed: apt-get install postgresql (.ci/run installs it)');
  return found;
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL program as the user that owns the cluster. */
function command(bin: string, program: string, args: string[]): [string, string[]] {
  const file = path.join(bin, program);
  return asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
}

let databases = 0;

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const [initdb, initArgs] = command(bin, 'initdb', ['-D', data, '-U', USER, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  execFileSync(initdb, initArgs, { stdio: 'pipe' });
  const port = await freePort();
  const adminUrl = `postgres://${USER}@127.0.0.1:${port}/postgres`;
  const pgCtl = (args: string[]) => {
    const [file, fileArgs] = command(bin, 'pg_ctl', ['-D', data, ...args]);
    execFileSync(file, fileArgs, { stdio: 'pipe' });
  };
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  // pg_ctl rather than a child process: as root the server runs under runuser, which does not pass signals on.
  const start = async () => pgCtl(['start', '-w', '-t', '30', '-l', path.join(dir, 'server.log'), '-o', options]);
  const stop = async () => pgCtl(['stop', '-w', '-m', 'fast']);

  await start();
  process.once('exit', () => {
    try {
      pgCtl(['stop', '-m', 'immediate']);
    } catch {
      // Already stopped.
    }
  });
  return {
    adminUrl,
    port,
    createDatabase() {
      const name = `accord_${process.pid}_${++databases}`;
      const [createdb, args] = command(bin, 'createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', USER, name]);
      execFileSync(createdb, args, { stdio: 'pipe' });
      return `postgres://${USER}@127.0.0.1:${port}/${name}`;
    },
    stop,
    start,
  };
}
