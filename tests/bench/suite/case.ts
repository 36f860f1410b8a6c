/**
 * The contract every benchmark case keeps, so `npm run bench` can run Node and Chromium cases
 * alike and write one table. A case measures Factmark (the subject) and, in the same run, at least
 * one baseline or peer doing the same work, because absolute times on a shared machine drift and
 * the ratio is what stays comparable between runs.
 */

/** One measured series: every run's value after the warm-up, in the unit given. */
export interface Series {
  /** Who did the work: 'Factmark', or the baseline's name ('plain contenteditable', …). */
  label: string;
  unit: 'ms' | 'MB' | 'count' | '%';
  values: number[];
}

/** A target the subject must meet, checked by the case on its own figures. */
export interface TargetCheck {
  /** The target as the issue states it, e.g. '≤ 300 ms', '≤ 1.5× the plain page'. */
  target: string;
  /** What was measured against it, e.g. 'median 212 ms', '1.31×'. */
  measured: string;
  met: boolean;
}

/** What one case reports. */
export interface CaseResult {
  /** Stable id for the JSON, e.g. 'open-1mb'. */
  id: string;
  /** One line for the table, e.g. 'Open a 1 MB document with 2,000 annotations to first frame'. */
  title: string;
  /** Factmark's series first, then the baselines and peers. */
  series: Series[];
  targets: TargetCheck[];
  /** What the reader should know: what the figure includes, what the baseline is. */
  notes?: string;
}

/** How a run is asked for. */
export interface RunOptions {
  /** `--quick`: fewer runs and the smaller corpora, for a check in under two minutes. */
  quick: boolean;
  /** Prints progress; results go only in the returned value. */
  log: (line: string) => void;
}

/** A benchmark case: runs its warm-up and measured runs and reports them. */
export interface BenchCase {
  id: string;
  /** 'node' cases run in this process; 'chromium' cases drive Debian's Chromium through the browser host. */
  runtime: 'node' | 'chromium';
  run(options: RunOptions): Promise<CaseResult[]>;
}
