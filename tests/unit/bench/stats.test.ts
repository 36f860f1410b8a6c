import { describe, expect, it } from 'vitest';
import { formatNumber, formatRatio, median, p95, quantile, ratio, timeRuns } from '../../bench/suite/stats.js';

describe('bench statistics', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNaN();
  });

  it('takes the 95th percentile by nearest rank: a measured value, the slowest of up to twenty runs', () => {
    expect(p95([10, 50, 20, 40, 30])).toBe(50);
    expect(p95(Array.from({ length: 20 }, (_, i) => i + 1))).toBe(19);
    expect(p95(Array.from({ length: 100 }, (_, i) => 100 - i))).toBe(95);
    expect(quantile([3, 1, 2], 0)).toBe(1);
    expect(quantile([3, 1, 2], 1)).toBe(3);
    expect(() => quantile([1], 1.5)).toThrow(RangeError);
  });

  it('gives the ratio of the baseline median to the subject median', () => {
    expect(ratio([100, 300, 200], [10, 30, 20])).toBe(10);
    expect(ratio([5], [0])).toBe(Number.POSITIVE_INFINITY);
    expect(formatRatio(37.64)).toBe('37.6×');
    expect(formatNumber(1234.56)).toBe('1,235');
    expect(formatNumber(0.12345)).toBe('0.123');
  });

  it('runs the work the warm-up count plus the run count times and returns one value per measured run', async () => {
    let calls = 0;
    const values = await timeRuns(() => calls++, { warmup: 2, runs: 3 });
    expect(calls).toBe(5);
    expect(values).toHaveLength(3);
    expect(values.every((v) => v >= 0)).toBe(true);
  });
});
