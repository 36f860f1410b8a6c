/**
 * One import in a fresh process, for the import-bombs benchmark: builds the named file, imports it
 * through the worker every host uses (importBytesInWorker, with its default limits), and prints one
 * JSON line — the time, the process's peak resident-memory growth (sampled every 10 ms; the worker
 * thread's memory is the process's), whether it imported or the error it got, and that the process
 * was still running afterwards. A fresh process per import, because memory the allocator keeps
 * after a worker's bomb would otherwise count against the next file.
 * Usage: node --import tsx probe.ts <file id>
 */
import { performance } from 'node:perf_hooks';
import { importBytesInWorker } from '../../../../../main/services/import/in-worker.js';
import { benchFile } from './files.js';

/** What the probe prints. */
export interface ProbeResult {
  ms: number;
  peakGrowthMb: number;
  outcome: string;
  imported: boolean;
}

async function probe(id: string): Promise<ProbeResult> {
  const file = benchFile(id);
  if (!file) throw new Error(`no bench file ${id}`);
  const bytes = file.build();
  await new Promise((resolve) => setTimeout(resolve, 100));
  const base = process.memoryUsage.rss();
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const started = performance.now();
  let outcome: string;
  let imported = false;
  try {
    const document = await importBytesInWorker(file.fileName, bytes);
    outcome = `imported (${document.content.content?.length ?? 0} blocks)`;
    imported = true;
  } catch (error) {
    outcome = `${(error as { code?: string }).code ?? 'ERROR'}: ${(error as Error).message}`;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, peakGrowthMb: (Math.max(peak, process.memoryUsage.rss()) - base) / 1_048_576, outcome, imported };
}

probe(process.argv[2] ?? '').then(
  (result) => console.log(JSON.stringify(result)),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
