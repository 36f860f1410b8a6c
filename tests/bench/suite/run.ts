/**
 * `npm run bench [-- --quick] [-- --only id,id] [-- --no-build]`: builds what ships
 * (`NODE_ENV=production npm run build`: minified bundles, the renderer split into chunks; skipped
 * when dist/ already holds a production build newer than every source), runs the
 * bench cases (tests/bench/suite/cases.ts) one after another, records a case that throws as failed
 * (with its message) and goes on, then writes BENCHMARKS.md and BENCHMARKS.json at the repository
 * root and prints the table. `--no-build` measures `dist/` as it is (and says which build that is).
 * The Chromium cases share one browser host and one Chromium, closed at the end. Exits with 1 when
 * a case failed, an id is unknown or the build failed; a missed target is reported, not an error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { CHROMIUM_PATH } from '../../../playwright.config.js';
import type { CaseResult } from './case.js';
import { CASES } from './cases.js';
import { closeSharedBench } from './chromium/shared.js';
import { benchmarksJson, benchmarksMarkdown, chromiumVersion, currentEnvironment, resultsTable, type BenchRun, type Failure } from './report.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const BUILT = ['dist/main/electron-main.cjs', 'dist/browser-host/serve.cjs', 'dist/renderer/app.js'];

/** The options of a run, from the command line. */
function parseOptions(argv: string[]): { quick: boolean; only: string[] | null; build: boolean } {
  const { values } = parseArgs({ args: argv, options: { quick: { type: 'boolean', default: false }, only: { type: 'string' }, 'no-build': { type: 'boolean', default: false } } });
  const only = values.only === undefined ? null : values.only.split(',').map((id) => id.trim()).filter(Boolean);
  return { quick: values.quick === true, only, build: values['no-build'] !== true };
}

/** Whether dist/renderer/app.js is minified (a production build): a minified file has few, long lines. */
function minifiedDist(root: string): boolean {
  const text = readFileSync(resolve(root, 'dist/renderer/app.js'), 'utf8');
  return text.split('\n').length * 1_000 < text.length;
}

/** Which build `dist/` holds, for the header. */
function describeDist(root: string): string {
  const built = statSync(resolve(root, 'dist/renderer/app.js')).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
  return `${minifiedDist(root) ? 'production (minified renderer)' : 'development (unminified renderer)'}, as found in dist/ (\`--no-build\`, built ${built})`;
}

/** The newest modification time (ms) of the files the build reads: the sources, the build script, the lock file. */
function newestSource(root: string): number {
  let newest = 0;
  for (const folder of ['main', 'renderer', 'shared']) {
    for (const entry of readdirSync(resolve(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(resolve(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  for (const file of ['esbuild.config.mjs', 'package-lock.json', 'assets/icons/icon.svg']) newest = Math.max(newest, statSync(resolve(root, file)).mtimeMs);
  return newest;
}

/** True when dist/ is complete, a production build, and newer than everything it is built from: building again would change nothing. */
function productionDistIsCurrent(root: string): boolean {
  if (BUILT.some((file) => !existsSync(resolve(root, file)))) return false;
  const builtAt = Math.min(...BUILT.map((file) => statSync(resolve(root, file)).mtimeMs));
  return minifiedDist(root) && builtAt > newestSource(root);
}

async function main(): Promise<number> {
  const { quick, only, build } = parseOptions(process.argv.slice(2));
  const unknown = (only ?? []).filter((id) => !CASES.some((c) => c.id === id));
  if (unknown.length > 0) {
    console.error(`bench: no case ${unknown.join(', ')}; the cases are ${CASES.map((c) => c.id).join(', ')}`);
    return 1;
  }
  const entries = only ? CASES.filter((c) => only.includes(c.id)) : CASES;
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s`;
  const log = (line: string): void => console.log(`[${elapsed()}] ${line}`);

  let measured: string;
  if (build && productionDistIsCurrent(ROOT)) {
    log('dist/ is a production build newer than every source: not building it again');
    measured = 'production (`NODE_ENV=production npm run build`: minified, renderer split into chunks), built before this run from the same sources';
  } else if (build) {
    log('NODE_ENV=production npm run build (what ships; --no-build measures dist/ as it is)');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32', env: { ...process.env, NODE_ENV: 'production' } });
    if (built.status !== 0) {
      console.error('bench: NODE_ENV=production npm run build failed');
      return 1;
    }
    measured = 'production (`NODE_ENV=production npm run build`: minified, renderer split into chunks), built by this run';
  } else {
    if (BUILT.some((file) => !existsSync(resolve(ROOT, file)))) {
      console.error(`bench: --no-build, but dist/ is missing or incomplete (${BUILT.join(', ')}): run npm run build`);
      return 1;
    }
    measured = describeDist(ROOT);
  }

  const environment = currentEnvironment(quick ? 'quick' : 'full', only, chromiumVersion(CHROMIUM_PATH), measured);
  log(`${quick ? 'quick' : 'full'} run of ${entries.length} case(s) on ${environment.cpu} (${environment.cores} cores), load ${environment.loadAverage[0].toFixed(2)}, node ${environment.node}, ${environment.chromium}`);
  const results: CaseResult[] = [];
  const failures: Failure[] = [];
  for (const entry of entries) {
    const caseStarted = performance.now();
    log(`${entry.id} (${entry.runtime})…`);
    try {
      const benchCase = await entry.load();
      const caseResults = await benchCase.run({ quick, log });
      results.push(...caseResults);
      const missed = caseResults.flatMap((r) => r.targets).filter((t) => !t.met).length;
      log(`${entry.id}: done in ${((performance.now() - caseStarted) / 1000).toFixed(1)} s${missed > 0 ? `, ${missed} target(s) missed` : ''}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.push({ id: entry.id, runtime: entry.runtime, message: message.split('\n')[0]!.slice(0, 300) });
      log(`${entry.id}: FAILED: ${message}`);
      if (error instanceof Error && error.stack) console.error(error.stack);
    }
  }

  await closeSharedBench();
  environment.loadAverageEnd = loadavg()[0]!;
  const run: BenchRun = { environment, results, failures, seconds: (performance.now() - started) / 1000 };
  const notesFile = resolve(import.meta.dirname, 'notes.md');
  const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8') : '';
  writeFileSync(resolve(ROOT, 'BENCHMARKS.md'), benchmarksMarkdown(run, notes));
  writeFileSync(resolve(ROOT, 'BENCHMARKS.json'), benchmarksJson(run));
  console.log(`\n${resultsTable(results, failures)}\n`);
  log(`wrote BENCHMARKS.md and BENCHMARKS.json${failures.length > 0 ? `; ${failures.length} case(s) failed` : ''}`);
  return failures.length > 0 ? 1 : 0;
}

// Exit even if a case left a handle open (a browser, a server): the results are written.
process.exit(await main());
