/**
 * Benchmark settings from the command line (`--clients=100`) or the environment (`BENCH_CLIENTS=100`), command line
 * first. `npm run bench -- --clients=100` passes arguments through npm.
 */
export class BenchOptions {
  constructor(
    private readonly argv: readonly string[] = process.argv.slice(2),
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** The raw value of `--name=value` or `BENCH_NAME`, if given. */
  raw(name: string): string | undefined {
    const flag = this.argv.find((arg) => arg.startsWith(`--${name}=`));
    if (flag) return flag.slice(name.length + 3);
    return this.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`];
  }

  positiveNumber(name: string, fallback: number): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got "${raw}"`);
    return value;
  }

  positiveInteger(name: string, fallback: number): number {
    const value = this.positiveNumber(name, fallback);
    if (!Number.isInteger(value)) throw new Error(`--${name} must be a whole number, got "${value}"`);
    return value;
  }

  list(name: string, fallback: readonly string[]): string[] {
    const raw = this.raw(name);
    if (raw === undefined) return [...fallback];
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
  }
}
