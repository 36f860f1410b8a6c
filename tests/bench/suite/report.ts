/**
 * Writing a bench run down: BENCHMARKS.md (a header with the machine and versions, one table of
 * every case's series and targets, then the hand-written notes from tests/bench/suite/notes.md)
 * and BENCHMARKS.json beside it with every run's value. The Markdown is generated: edit the prose
 * in notes.md, not in BENCHMARKS.md.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import type { CaseResult, Series } from './case.js';
import { formatNumber, formatRatio, median, p95 } from './stats.js';

/** Where and how the bench ran. */
export interface Environment {
  /** ISO timestamp of the start. */
  date: string;
  cpu: string;
  cores: number;
  ramGiB: number;
  /** 1, 5 and 15-minute load averages at the start. */
  loadAverage: [number, number, number];
  os: string;
  node: string;
  chromium: string;
  mode: 'quick' | 'full';
  /** The case ids asked for with --only, or null for all. */
  only: string[] | null;
  /** The 1-minute load average when the run ended. */
  loadAverageEnd?: number;
  /** Which build of Factmark was measured (production built by the run, or dist/ as found). */
  build?: string;
}

/** A case that threw instead of reporting. */
export interface Failure {
  id: string;
  runtime: 'node' | 'chromium';
  message: string;
}

/** Everything one `npm run bench` measured. */
export interface BenchRun {
  environment: Environment;
  results: CaseResult[];
  failures: Failure[];
  /** Wall-clock seconds of the whole run. */
  seconds: number;
}

/** The first line of `<chromium> --version`, or why it is unknown. */
export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', timeout: 20_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0]!;
  } catch {
    return `unknown (${path} did not answer --version)`;
  }
}

/** The distribution's name (/etc/os-release) and the kernel. */
function osName(): string {
  let pretty = '';
  try {
    pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? '';
  } catch {
    // Not Linux.
  }
  return `${pretty ? `${pretty}, ` : ''}${osType()} ${release()} ${arch()}`;
}

/** This machine, now. */
export function currentEnvironment(mode: 'quick' | 'full', only: string[] | null, chromium: string, build?: string): Environment {
  const [one, five, fifteen] = loadavg() as [number, number, number];
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: [one, five, fifteen],
    os: osName(),
    node: process.version,
    chromium,
    mode,
    only,
    ...(build === undefined ? {} : { build }),
  };
}

/** A series' figure with its unit, e.g. '65.1 ms', '99.9 %', '0'. */
function withUnit(value: number, unit: Series['unit']): string {
  const figure = formatNumber(value);
  return unit === 'count' ? figure : `${figure} ${unit}`;
}

/** A table cell: pipes escaped, no line breaks. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * The ratio of a baseline's median to the subject's (the result's first series), for times and
 * sizes of the same unit: '37.6×' means the baseline took 37.6 times as long. Empty for the
 * subject itself, for Factmark's other series (labels starting 'Factmark': parts or other views of
 * the same work, not baselines), and for percentages and counts.
 */
export function ratioCell(series: Series, subject: Series): string {
  if (series === subject || /^Factmark\b/.test(series.label) || series.unit !== subject.unit || (series.unit !== 'ms' && series.unit !== 'MB')) return '';
  const s = median(subject.values);
  return s === 0 ? '' : formatRatio(median(series.values) / s);
}

export const TABLE_HEADER = '| Case | Series | Median | p95 | Ratio to subject | Target | Measured | Met |';

/** The results table: a row per series (the case's title on its first), its targets beside them. */
export function resultsTable(results: readonly CaseResult[], failures: readonly Failure[] = []): string {
  const rows = [TABLE_HEADER, '|---|---|---:|---:|---:|---|---|:-:|'];
  for (const result of results) {
    const subject = result.series[0];
    const height = Math.max(result.series.length, result.targets.length, 1);
    for (let i = 0; i < height; i++) {
      const series = result.series[i];
      const target = result.targets[i];
      rows.push(`| ${[
        i === 0 ? `**${cell(result.title)}** \`${cell(result.id)}\`` : '',
        series ? cell(series.label) : '',
        series ? withUnit(median(series.values), series.unit) : '',
        series ? (series.values.length > 1 ? withUnit(p95(series.values), series.unit) : '') : '',
        series && subject ? ratioCell(series, subject) : '',
        target ? cell(target.target) : '',
        target ? cell(target.measured) : '',
        target ? (target.met ? '✓' : '✗') : '',
      ].join(' | ')} |`);
    }
  }
  for (const failure of failures) rows.push(`| \`${cell(failure.id)}\` (${failure.runtime}) | failed: ${cell(failure.message)} |  |  |  |  |  | ✗ |`);
  return rows.join('\n');
}

/** The notes of every result that has them, as a list. */
function resultNotes(results: readonly CaseResult[]): string {
  return results.filter((r) => r.notes).map((r) => `- \`${r.id}\`: ${r.notes}`).join('\n');
}

/** Whether other work loaded the machine: a load average above its core count, at the start or the end. */
export function busy(e: Environment): boolean {
  return Math.max(e.loadAverage[0], e.loadAverageEnd ?? 0) > e.cores;
}

/** BENCHMARKS.md: header, table, what each figure includes, then the hand-written notes. */
export function benchmarksMarkdown(run: BenchRun, notes: string): string {
  const e = run.environment;
  const met = run.results.flatMap((r) => r.targets).filter((t) => t.met).length;
  const targets = run.results.flatMap((r) => r.targets).length;
  const lines = [
    '# Benchmarks',
    '',
    '<!-- Generated by `npm run bench` (tests/bench/suite/run.ts): do not edit by hand. The prose after the table comes from tests/bench/suite/notes.md. -->',
    '',
    `- **Run:** ${e.date}, ${e.mode === 'quick' ? 'quick (`--quick`: fewer runs; 100 KB documents instead of 1 MB where a row says so; the 5 MB cases left out)' : 'full'}${e.only ? `, only ${e.only.join(', ')}` : ''}; ${formatNumber(run.seconds)} s in all`,
    `- **Machine:** ${e.cpu}, ${e.cores} cores, ${formatNumber(e.ramGiB)} GiB RAM; load average at start ${e.loadAverage.map((l) => l.toFixed(2)).join(' / ')} (1 / 5 / 15 min)${e.loadAverageEnd === undefined ? '' : `, at the end ${e.loadAverageEnd.toFixed(2)}`}${busy(e) ? ' — **a busy machine: compare the ratios, not the absolute times**' : ''}`,
    ...(e.build ? [`- **Build measured:** ${e.build}`] : []),
    `- **OS:** ${e.os}`,
    `- **Node:** ${e.node}; **Chromium:** ${e.chromium}`,
    `- **Targets met:** ${met} of ${targets}${run.failures.length > 0 ? `; **${run.failures.length} case(s) failed** to run` : ''}`,
    '',
    'Median and p95 (nearest rank) of the measured runs after a warm-up; "ratio to subject" is a baseline\'s median divided by Factmark\'s (the first series of its case), so above 1× means Factmark is faster (Factmark\'s own further series have none). Every figure of every run is in BENCHMARKS.json.',
    '',
    resultsTable(run.results, run.failures),
    '',
  ];
  const perResult = resultNotes(run.results);
  if (perResult) lines.push('## What each figure includes', '', perResult, '');
  if (notes.trim()) lines.push(notes.trim(), '');
  return lines.join('\n');
}

/** BENCHMARKS.json: the run with every value, and each series' median and p95. */
export function benchmarksJson(run: BenchRun): string {
  const results = run.results.map((r) => ({ ...r, series: r.series.map((s) => ({ ...s, median: median(s.values), p95: p95(s.values) })) }));
  return `${JSON.stringify({ ...run, results }, null, 2)}\n`;
}
