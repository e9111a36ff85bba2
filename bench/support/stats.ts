// Figures every bench prints the same way: nearest-rank percentiles over full responses, in milliseconds.

export interface Summary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, n) => sum + n, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

export const ms = (n: number, digits = 1) => `${n.toFixed(digits)} ms`;
export const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

/**
 * One figure, one line, in a shape `npm run bench` can collect for its closing summary:
 * `FIGURE <bench> <name>: <value> [(target <target>: ok|MISSED)]`.
 */
export function figure(bench: string, name: string, value: string, target?: { text: string; met: boolean }): string {
  const verdict = target ? ` (target ${target.text}: ${target.met ? "ok" : "MISSED"})` : "";
  const line = `FIGURE ${bench} ${name}: ${value}${verdict}`;
  console.log(line);
  return line;
}
