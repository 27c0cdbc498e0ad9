import { fixed, formatTable } from './table.ts';

/** One figure of a comparison: how to print it and which way is better. */
export interface Metric {
  key: string;
  label: string;
  decimals: number;
  better: 'lower' | 'higher';
}

/** One server's figures, by metric key; NaN where it has none (e.g. no persistence). */
export interface ServerFigures {
  name: string;
  values: Record<string, number>;
}

const isAccord = (name: string) => name.startsWith('accord');

/**
 * The figures of every server, then the ratio of each Accord configuration to each peer for every figure, marked
 * "better" or "worse" for Accord so the direction of each figure need not be remembered.
 */
export function comparisonTables(servers: readonly ServerFigures[], metrics: readonly Metric[]): string {
  const figures = formatTable(
    ['server', ...metrics.map((metric) => metric.label)],
    servers.map((server) => [server.name, ...metrics.map((metric) => fixed(server.values[metric.key] ?? Number.NaN, metric.decimals))]),
  );
  const pairs = servers.filter((a) => isAccord(a.name)).flatMap((a) => servers.filter((b) => !isAccord(b.name)).map((b) => [a, b] as const));
  if (pairs.length === 0) return figures;
  const ratios = formatTable(
    ['ratio', ...metrics.map((metric) => `${metric.label} (${metric.better} is better)`)],
    pairs.map(([a, b]) => [
      `${a.name} / ${b.name}`,
      ...metrics.map((metric) => {
        const ratio = (a.values[metric.key] ?? Number.NaN) / (b.values[metric.key] ?? Number.NaN);
        if (!Number.isFinite(ratio)) return '-';
        const better = metric.better === 'lower' ? ratio < 1 : ratio > 1;
        return `${fixed(ratio, 2)}x ${ratio === 1 ? 'same' : better ? 'better' : 'worse'}`;
      }),
    ]),
  );
  return `${figures}\n\n${ratios}`;
}
