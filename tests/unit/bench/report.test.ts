import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../bench/suite/case.js';
import { benchmarksJson, benchmarksMarkdown, resultsTable, TABLE_HEADER, type BenchRun } from '../../bench/suite/report.js';

const RESULT: CaseResult = {
  id: 're-anchor-1mb',
  title: 'Re-anchor 2,000 annotations | 1 MB',
  series: [
    { label: 'Factmark', unit: 'ms', values: [60, 50, 70, 55, 65] },
    { label: 'Hypothesis-style', unit: 'ms', values: [3_000, 2_000, 2_500] },
    { label: 'Factmark: right words', unit: '%', values: [99.9] },
  ],
  targets: [
    { target: '≤ 1 s', measured: 'median 60 ms', met: true },
    { target: '≥ 100× faster than Hypothesis-style', measured: '41.7×', met: false },
  ],
  notes: 'Same text for all.',
};

const RUN: BenchRun = {
  environment: { date: '2026-11-27T12:00:00.000Z', cpu: 'Test CPU', cores: 2, ramGiB: 8, loadAverage: [3.5, 1, 0.5], os: 'Debian', node: 'v20.19.0', chromium: 'Chromium 140', mode: 'quick', only: null, build: 'production (minified), built by this run' },
  results: [RESULT],
  failures: [{ id: 'open-1mb', runtime: 'chromium', message: 'Chromium | not found' }],
  seconds: 61.2,
};

/** The table's rows as cells (escaped pipes kept inside their cell). */
function rows(table: string): string[][] {
  return table.split('\n').slice(2).map((line) => line.slice(2, -2).split(/ (?<!\\)\| /));
}

describe('bench report', () => {
  it('writes a row per series with its median, p95, ratio to the subject, and the targets with ✓ or ✗', () => {
    const table = resultsTable([RESULT]);
    expect(table.split('\n')[0]).toBe(TABLE_HEADER);
    const [first, second, third] = rows(table);
    expect(first).toEqual(['**Re-anchor 2,000 annotations \\| 1 MB** `re-anchor-1mb`', 'Factmark', '60 ms', '70 ms', '', '≤ 1 s', 'median 60 ms', '✓']);
    expect(second).toEqual(['', 'Hypothesis-style', '2,500 ms', '3,000 ms', '41.7×', '≥ 100× faster than Hypothesis-style', '41.7×', '✗']);
    // A percentage has no ratio (nor has any other series of Factmark's own); a single value no p95.
    expect(third).toEqual(['', 'Factmark: right words', '99.9 %', '', '', '', '', '']);
  });

  it('gives a ratio only to baselines, not to further series of Factmark', () => {
    const [, cpu] = rows(resultsTable([{ ...RESULT, series: [RESULT.series[0]!, { label: 'Factmark, main-thread CPU', unit: 'ms', values: [40] }] }]));
    expect(cpu![4]).toBe('');
  });

  it('records a failed case as a row with its message', () => {
    const table = resultsTable([], RUN.failures);
    expect(table).toContain('| `open-1mb` (chromium) | failed: Chromium \\| not found |');
  });

  it('heads the Markdown with the machine, versions and mode, flags a busy machine, and ends with the hand-written notes', () => {
    const markdown = benchmarksMarkdown(RUN, '## What made the difference\n\nThe shift.\n');
    expect(markdown).toContain('Test CPU, 2 cores, 8 GiB RAM; load average at start 3.50 / 1.00 / 0.50');
    expect(markdown).toContain('a busy machine');
    expect(markdown).toContain('**Node:** v20.19.0; **Chromium:** Chromium 140');
    expect(markdown).toContain('quick (`--quick`');
    expect(markdown).toContain('- **Build measured:** production (minified), built by this run');
    expect(markdown).toContain('**Targets met:** 1 of 2; **1 case(s) failed**');
    expect(markdown).toContain('- `re-anchor-1mb`: Same text for all.');
    expect(markdown.indexOf('| Case |')).toBeLessThan(markdown.indexOf('## What made the difference'));
    expect(markdown.trimEnd().endsWith('The shift.')).toBe(true);
  });

  it('writes every value and each series median and p95 to the JSON', () => {
    const json = JSON.parse(benchmarksJson(RUN)) as { results: { series: { values: number[]; median: number; p95: number }[] }[]; failures: unknown[] };
    expect(json.results[0]!.series[0]).toMatchObject({ values: [60, 50, 70, 55, 65], median: 60, p95: 70 });
    expect(json.failures).toHaveLength(1);
  });
});
