import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

let clockTicksPerSecond: number | undefined;

/** USER_HZ, the unit of utime/stime in /proc/<pid>/stat (100 on every Linux we run on, but ask). */
function ticksPerSecond(): number {
  if (clockTicksPerSecond === undefined) {
    try {
      clockTicksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicksPerSecond = 100;
    }
  }
  return clockTicksPerSecond;
}

/**
 * CPU time (user + system, all threads) a live process has used so far, in milliseconds. From the scheduler's own
 * count per thread (`/proc/<pid>/task/<tid>/schedstat`, nanoseconds) where the kernel keeps it, so a window of a few
 * keystrokes is measured, not rounded to 10 ms ticks; a thread that ended is no longer counted there (the servers
 * measured keep theirs for their whole life). Otherwise from /proc/<pid>/stat, in ticks.
 */
export function readProcessCpuMs(pid: number): number {
  return readSchedulerCpuMs(pid) ?? readTickCpuMs(pid);
}

function readSchedulerCpuMs(pid: number): number | undefined {
  let totalNs = 0;
  let threads = 0;
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    let schedstat: string;
    try {
      schedstat = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // the thread ended while we listed them
      return undefined;
    }
    totalNs += Number(schedstat.split(' ')[0]);
    threads++;
  }
  return threads > 0 ? totalNs / 1e6 : undefined;
}

function readTickCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond();
}

export interface ProcessMemory {
  /** Resident set size now, KiB (VmRSS). */
  rssKiB: number;
  /** Peak resident set size since the process started, KiB (VmHWM). */
  peakRssKiB: number;
}

/** Current and peak resident memory of a live process, from /proc/<pid>/status. */
export function readProcessMemory(pid: number): ProcessMemory {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string): number => {
    const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${name}`);
    return Number(match[1]);
  };
  return { rssKiB: field('VmRSS'), peakRssKiB: field('VmHWM') };
}

/** Parent pid of a live process, from /proc/<pid>/stat; undefined once it is gone. */
function parentOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Processes whose command line holds `needle` (e.g. PostgreSQL's `-p 5432`, Redis's `127.0.0.1:6379`) and their
 * children (PostgreSQL's backends), for the CPU of a server this benchmark did not start with a pid it knows.
 */
export function processTree(needle: string): number[] {
  const pids = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  const roots = pids.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').includes(needle);
    } catch {
      return false;
    }
  });
  return [...roots, ...pids.filter((pid) => roots.includes(parentOf(pid) ?? -1))];
}

/** CPU (ms) of each of `pids` so far; NaN for a process that is gone. */
export function readProcessesCpuMs(pids: readonly number[]): number[] {
  return pids.map((pid) => {
    try {
      return readProcessCpuMs(pid);
    } catch {
      return Number.NaN;
    }
  });
}

/** CPU (ms) used between two readings of the same pids; a process that ended in between counts for nothing. */
export function cpuBetweenMs(before: readonly number[], after: readonly number[]): number {
  return before.reduce((total, start, index) => {
    const spent = after[index]! - start;
    return Number.isFinite(spent) ? total + spent : total;
  }, 0);
}
