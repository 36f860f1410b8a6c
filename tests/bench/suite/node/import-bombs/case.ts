/**
 * Issue 15: a hostile file costs that one file an error, never the process holding the project.
 * Each bomb is imported through the import worker (time and peak memory against its limits) beside
 * an honest file of about the same size and format, each in a fresh process (./probe.ts). Targets:
 * the bomb ends within the worker's time limit and under its memory cap, with an error that names
 * the file (or, for the stream bomb, an import of what text there is), and the process keeps running.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IMPORT_WORKER_LIMITS } from '../../../../../main/services/import/in-worker.js';
import type { BenchCase, CaseResult, Series, TargetCheck } from '../../case.js';
import { formatNumber, median } from '../../stats.js';
import { BOMB_PAIRS, type BenchFile } from './files.js';
import type { ProbeResult } from './probe.js';

const PROBE = fileURLToPath(new URL('./probe.ts', import.meta.url));

/** Runs one import in a fresh process; a probe that died (the process did not survive) is an error. */
function probeOnce(file: BenchFile): ProbeResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', PROBE, file.id], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`the process importing ${file.label} did not survive (exit ${run.status ?? run.signal}): ${run.stderr.slice(-500)}`);
  return JSON.parse(line) as ProbeResult;
}

function probeRuns(file: BenchFile, runs: number): ProbeResult[] {
  return Array.from({ length: runs }, () => probeOnce(file));
}

export const importBombsCase: BenchCase = {
  id: 'import-bombs',
  runtime: 'node',
  async run({ quick, log }): Promise<CaseResult[]> {
    const runs = quick ? 1 : 3;
    const results: CaseResult[] = [];
    for (const pair of BOMB_PAIRS) {
      const bomb = probeRuns(pair.bomb, runs);
      const honest = probeRuns(pair.honest, runs);
      const worstMs = Math.max(...bomb.map((r) => r.ms));
      const worstMb = Math.max(...bomb.map((r) => r.peakGrowthMb));
      log(`  ${pair.bomb.label}: ${bomb.map((r) => `${r.ms.toFixed(0)} ms ${r.peakGrowthMb.toFixed(0)} MB`).join(', ')} — ${bomb[0]!.outcome.slice(0, 100)}`);
      log(`  ${pair.honest.label}: ${honest.map((r) => `${r.ms.toFixed(0)} ms ${r.peakGrowthMb.toFixed(0)} MB`).join(', ')}`);
      const series: Series[] = [
        { label: `Factmark, ${pair.bomb.label}`, unit: 'ms', values: bomb.map((r) => r.ms) },
        { label: `Factmark, ${pair.bomb.label}, peak memory growth`, unit: 'MB', values: bomb.map((r) => r.peakGrowthMb) },
        { label: pair.honest.label, unit: 'ms', values: honest.map((r) => r.ms) },
        { label: `${pair.honest.label}, peak memory growth`, unit: 'MB', values: honest.map((r) => r.peakGrowthMb) },
      ];
      const targets: TargetCheck[] = [
        { target: `≤ ${IMPORT_WORKER_LIMITS.timeMs / 1000} s (the worker's time limit)`, measured: `slowest ${formatNumber(worstMs)} ms`, met: worstMs <= IMPORT_WORKER_LIMITS.timeMs },
        { target: `≤ ${IMPORT_WORKER_LIMITS.memoryMb} MB growth (the worker's memory cap)`, measured: `highest ${formatNumber(worstMb)} MB`, met: worstMb <= IMPORT_WORKER_LIMITS.memoryMb },
        { target: 'the honest file imports', measured: honest.every((r) => r.imported) ? 'imported' : honest[0]!.outcome, met: honest.every((r) => r.imported) },
      ];
      results.push({
        id: pair.id,
        title: pair.title,
        series,
        targets,
        notes: `Each import in a fresh Node process through importBytesInWorker with its default limits; memory is the process's resident growth, the worker thread's included. The bomb ${bomb[0]!.imported ? 'imported' : 'was refused'}: ${bomb[0]!.outcome.slice(0, 160)}. Honest file median ${formatNumber(median(honest.map((r) => r.ms)))} ms.`,
      });
    }
    return results;
  },
};
