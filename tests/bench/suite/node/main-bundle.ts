/**
 * How long the built main-process bundle (`dist/main/electron-main.cjs`) takes to load, in a fresh
 * `node` process each run, against a fresh empty `node` process. Electron is not needed: a
 * stand-in `electron` module (loaded with `-r` into both processes alike) says another instance
 * holds the lock, so the bundle evaluates every module and runs startup to its first question, then
 * quits without a window. The figure is the whole process minus the empty one; the import alone,
 * timed inside the process, is reported too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { BenchCase, CaseResult } from '../case.js';
import { FULL_RUNS, formatNumber, median, msSeries, QUICK_RUNS } from '../stats.js';

export const MAIN_BUNDLE = resolve(import.meta.dirname, '../../../../dist/main/electron-main.cjs');

/** A CommonJS preload that answers `require('electron')` with a stand-in whose app is already running elsewhere. */
const STAND_IN = `
const Module = require('node:module');
const noop = () => undefined;
const app = { isPackaged: false, setPath: noop, getPath: () => '', enableSandbox: noop, requestSingleInstanceLock: () => false, quit: noop, exit: noop, on: noop, whenReady: () => new Promise(noop) };
const electron = { app, protocol: { registerSchemesAsPrivileged: noop }, dialog: { showErrorBox: noop, showMessageBox: async () => ({}) }, BrowserWindow: { getAllWindows: () => [] }, ipcMain: { handle: noop, on: noop }, Menu: {}, session: {}, shell: {} };
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
`;

/** Runs `node` with `args`; the wall-clock milliseconds from spawn to exit, and what it printed. */
function timeProcess(args: string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const ms = performance.now() - started;
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${child.status}: ${child.stderr.slice(0, 500)}`);
  return { ms, stdout: child.stdout };
}

export const mainBundleCase: BenchCase = {
  id: 'main-bundle',
  runtime: 'node',
  async run({ quick, log }): Promise<CaseResult[]> {
    if (!existsSync(MAIN_BUNDLE)) throw new Error(`${MAIN_BUNDLE} is missing: run npm run build`);
    const runs = quick ? QUICK_RUNS : { warmup: FULL_RUNS.warmup, runs: 10 };
    const preload = join(mkdtempSync(join(tmpdir(), 'factmark-bench-')), 'electron-stand-in.cjs');
    writeFileSync(preload, STAND_IN);
    // Prints the require's wall-clock and CPU milliseconds (user + system; less sensitive to a busy machine).
    const bundleScript = `const c = process.cpuUsage(); const t = performance.now(); require(${JSON.stringify(MAIN_BUNDLE)}); const u = process.cpuUsage(c); process.stdout.write(String(performance.now() - t) + ' ' + String((u.user + u.system) / 1000));`;
    const whole: number[] = [];
    const empty: number[] = [];
    const importOnly: number[] = [];
    const importCpu: number[] = [];
    // Alternating, so drift in the machine's load falls on both alike.
    for (let i = 0; i < runs.warmup + runs.runs; i++) {
      const subject = timeProcess(['-r', preload, '-e', bundleScript]);
      const baseline = timeProcess(['-r', preload, '-e', '']);
      if (i < runs.warmup) continue;
      whole.push(subject.ms);
      empty.push(baseline.ms);
      const [wall, cpu] = subject.stdout.split(' ').map(Number);
      importOnly.push(wall!);
      importCpu.push(cpu!);
    }
    const difference = median(whole) - median(empty);
    log(`  bundle process ${whole.map((v) => v.toFixed(0)).join(', ')} ms; empty ${empty.map((v) => v.toFixed(0)).join(', ')} ms`);
    return [
      {
        id: 'main-bundle-import',
        title: 'Load the main-process bundle in a fresh node process',
        series: [msSeries('node + dist/main/electron-main.cjs (whole process)', whole), msSeries('empty node process', empty), msSeries('Factmark: require() of the bundle, timed inside the process', importOnly), msSeries('Factmark: CPU time of that require()', importCpu)],
        targets: [{ target: '≤ 100 ms over an empty process', measured: `${formatNumber(difference)} ms (median minus median)`, met: difference <= 100 }],
        notes:
          'Electron is a stand-in that reports another instance running, so startup stops before any window or file. The import formats and reports load on first use (their libraries from dist/vendor/), so this is startup alone; tests/unit/startup-graph.test.ts keeps it so.',
      },
    ];
  },
};
