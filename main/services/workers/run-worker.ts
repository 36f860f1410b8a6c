/**
 * One job on one worker thread, from this build's worker script, settled once that thread has
 * stopped — so none outlives the call, whatever its outcome. The PDF report's layout
 * (export/pdf/in-worker.ts) and every import's parse (import/in-worker.ts) run this way: work that
 * takes seconds, or that a hostile file can make take minutes and gigabytes, happens off the event
 * loop and out of the heap of the process that holds the project.
 *
 * Limits, each optional: the thread's V8 heap (`resourceLimits`; V8 stops the thread, not the
 * process, when it is reached), the growth of the process's resident memory while the thread runs
 * (the heap cap does not cover ArrayBuffers, which is where pdf.js decodes a compressed stream:
 * measured, a 1 MB PDF whose stream decodes to 1 GB ran to 2.3 GB of RSS under a 512 MB heap cap), and
 * wall-clock time. A thread past a limit is terminated and the outcome says which limit it was.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/** How to start a worker: its file, and the modules to `require` before it. */
export interface WorkerScript {
  file: string;
  preload: string[];
}

/**
 * A worker built into dist/workers/ (esbuild.config.mjs), as the CommonJS bundles (dist/<folder>/
 * <name>.cjs, the packaged app too) find it: one folder up from their own.
 */
export function bundledWorkerScript(name: string): WorkerScript {
  return { file: join(__dirname, '../workers', name), preload: [] };
}

/**
 * A worker run from its TypeScript source (the unit tests, tsx): `url` (from the caller's
 * `import.meta.resolve`) after tsx's CommonJS hooks, which compile it and what it imports in the
 * worker's own thread (Node 20 ignores an `--import` loader in a worker's execArgv), and after
 * `preload`. Only called where `import.meta.resolve` exists: esbuild defines it as undefined in the
 * bundles, which tells the two apart.
 */
export function sourceWorkerScript(url: string, preload: string[] = []): WorkerScript {
  return { file: fileURLToPath(url), preload: [fileURLToPath(import.meta.resolve('tsx/cjs')), ...preload] };
}

/** What a worker may use before it is stopped; a limit left out is not applied. */
export interface WorkerLimits {
  /** The thread's V8 old-generation heap, in MB. */
  heapMb?: number;
  /** How much this process's resident memory may grow while the thread runs, in MB (sampled every 50 ms). */
  memoryMb?: number;
  /** Wall-clock time from the thread's start, in milliseconds. */
  timeMs?: number;
}

/** How a worker ended: with its one reply, not at all (no script), past a limit, or stopped without a reply. */
export type WorkerOutcome<Reply> =
  | { kind: 'replied'; reply: Reply }
  | { kind: 'missing' }
  | { kind: 'out-of-time' }
  | { kind: 'out-of-memory'; limit: 'heapMb' | 'memoryMb' }
  | { kind: 'stopped'; why: string };

export interface RunWorkerOptions {
  /** Buffers in the job that move to the thread instead of being copied (the caller's views are left empty). */
  transfer?: TransferListItem[];
  limits?: WorkerLimits;
}

const MB = 1024 * 1024;
const MEMORY_SAMPLE_MS = 50;

/**
 * Starts `script` with `job` as its `workerData` and settles, never rejecting, once the thread has
 * exited: with the first message it posted, or with why there was none. A missing script starts no
 * thread (an incomplete build); a script that throws or exits early is `stopped` with its reason.
 */
export function runWorker<Reply>(script: WorkerScript, job: unknown, options: RunWorkerOptions = {}): Promise<WorkerOutcome<Reply>> {
  if (!existsSync(script.file)) return Promise.resolve({ kind: 'missing' });
  const { heapMb, memoryMb, timeMs } = options.limits ?? {};
  // A script that requires the preloads, then the file: the hooks must be set up in the worker's own thread.
  const source = [...script.preload, script.file].map((file) => `require(${JSON.stringify(file)});`).join('\n');
  return new Promise((resolve) => {
    const worker = new Worker(source, {
      eval: true,
      workerData: job,
      transferList: options.transfer ?? [],
      ...(heapMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMb } }),
    });
    let replied: { reply: Reply } | undefined;
    let limit: WorkerOutcome<Reply> | undefined;
    let crash: (Error & { code?: string }) | undefined;
    const halt = (reached: WorkerOutcome<Reply>) => {
      if (replied || limit) return;
      limit = reached;
      void worker.terminate();
    };
    const timer = timeMs === undefined ? undefined : setTimeout(() => halt({ kind: 'out-of-time' }), timeMs);
    const baseline = process.memoryUsage.rss();
    const sampler = memoryMb === undefined ? undefined : setInterval(() => process.memoryUsage.rss() - baseline > memoryMb * MB && halt({ kind: 'out-of-memory', limit: 'memoryMb' }), MEMORY_SAMPLE_MS);
    sampler?.unref();
    worker.once('message', (reply: Reply) => {
      if (limit) return;
      replied = { reply };
      void worker.terminate();
    });
    worker.once('error', (error) => (crash = error));
    worker.once('exit', (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      if (replied) resolve({ kind: 'replied', reply: replied.reply });
      else if (limit) resolve(limit);
      else if (crash?.code === 'ERR_WORKER_OUT_OF_MEMORY') resolve({ kind: 'out-of-memory', limit: 'heapMb' });
      else resolve({ kind: 'stopped', why: crash?.message ?? `its worker stopped (exit code ${code}) before it finished` });
    });
  });
}
