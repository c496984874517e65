/** Order statistics of a sample of durations, in milliseconds. */
export interface Distribution {
  readonly count: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
}

/** The q-quantile (0..1) of sorted values, nearest-rank (no interpolation: every figure is a measured value). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Rounded to one decimal. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

/** The middle value (the upper one of an even count); NaN for none. */
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** p50/p95/p99/max of a sample, rounded to 0.1 ms; NaN for an empty one. */
export function distribution(values: readonly number[]): Distribution {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50_ms: round1(quantile(sorted, 0.5)),
    p95_ms: round1(quantile(sorted, 0.95)),
    p99_ms: round1(quantile(sorted, 0.99)),
    max_ms: round1(sorted.at(-1) ?? Number.NaN),
  };
}

/** Percentile points (1 %, 2 %, … 100 %) for a cumulative-distribution chart, small whatever the sample. */
export function cdfPoints(values: readonly number[], steps = 100): { percentile: number; ms: number }[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const points: { percentile: number; ms: number }[] = [];
  for (let i = 1; i <= steps; i++) points.push({ percentile: (100 * i) / steps, ms: round1(quantile(sorted, i / steps)) });
  return points;
}
