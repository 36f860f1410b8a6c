/**
 * The figures the bench reports: medians and 95th percentiles of a case's measured runs, and the
 * ratio of a baseline to the subject. Percentiles are nearest-rank (a value that was measured,
 * never an interpolation), so a p95 of five runs is the slowest run.
 */
import { performance } from 'node:perf_hooks';
import type { Series } from './case.js';

/** The `q` quantile (0…1) of `values` by nearest rank: the smallest value with at least q of them at or below it. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  if (q < 0 || q > 1) throw new RangeError(`quantile takes 0…1, not ${q}`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

/** The median: the middle value, or the mean of the two middle values of an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The 95th percentile by nearest rank. */
export function p95(values: readonly number[]): number {
  return quantile(values, 0.95);
}

/** How many times the baseline's median is the subject's: above 1 means the subject is faster (for times). */
export function ratio(baseline: readonly number[], subject: readonly number[]): number {
  const b = median(baseline);
  const s = median(subject);
  return s === 0 ? (b === 0 ? 1 : Number.POSITIVE_INFINITY) : b / s;
}

/** A figure for the table: three significant digits at most, thousands separated. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '–' : '∞';
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** A ratio for the table, e.g. '12.3×'. */
export function formatRatio(value: number): string {
  return `${formatNumber(value)}×`;
}

/** How many warm-up and measured runs a case makes. */
export interface Runs {
  warmup: number;
  runs: number;
}

/** The run counts of a full and a quick bench. */
export const FULL_RUNS: Runs = { warmup: 1, runs: 5 };
export const QUICK_RUNS: Runs = { warmup: 1, runs: 3 };

/** Runs `work` `warmup` times unmeasured, then `runs` times measured: wall-clock milliseconds of each. */
export async function timeRuns(work: () => unknown, { warmup, runs }: Runs): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

/** A series of milliseconds. */
export function msSeries(label: string, values: number[]): Series {
  return { label, unit: 'ms', values };
}
