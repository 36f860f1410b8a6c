/**
 * Every import the hosts make (the CLI, the browser host and the desktop app, through
 * store/use-cases/document-handlers.ts) runs its parse on a worker thread of its own (worker.ts),
 * under a heap cap, a memory cap and a time limit. A Word file of a million tiny paragraphs, a PDF
 * whose stream unpacks to gigabytes or a parser that loops then costs that one file an error,
 * never the process that holds the project (with its unsaved edits and its lock): the worker is
 * stopped, the calling process keeps running, and the next file imports.
 *
 * Imports run one at a time in a process, so the memory cap bounds the process's growth rather
 * than each of several imports. Bytes move to the worker and back without copies (their buffers
 * are transferred); a file the worker reads itself.
 */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledWorkerScript, runWorker, sourceWorkerScript, type WorkerLimits, type WorkerScript } from '../workers/run-worker.js';
import { ownedBytes } from '../workers/transfer.js';
import type { ImportOptions, PastedContent } from './pipeline.js';
import type { ImportedDocument } from './types.js';
import type { ImportJob, ImportJobOptions, ImportReply } from './worker.js';
import { importedOrThrow } from './worker-outcome.js';

/**
 * The limits of one import's worker (measured on a 2-core Linux machine, Node 20, bundled worker).
 * - heapMb: 1 GB of V8 heap. The largest honest files within the parsers' own limits fit: a Word
 *   file of 27,000 formatted paragraphs (about 4,000 pages, just under the docx markup limit) needs
 *   about 600 MB, a 50 MB text file and a 2,000-page PDF far less. A million-paragraph Word file
 *   ran to 4.4 GB in-process before V8 aborted the whole process.
 * - memoryMb: 1.5 GB of growth of the process's resident memory: the heap cap plus what V8 and the
 *   parsers hold beside it (that Word file peaks at 0.8 GB), so it stops what the heap cap cannot
 *   see — pdf.js decoding a compressed stream into ArrayBuffers.
 * - timeMs: 60 seconds, about eight times the slowest honest file measured (7 s, the same Word
 *   file and the 2,000-page PDF); a hostile file that stays under the memory caps cannot hold an
 *   import longer.
 */
export const IMPORT_WORKER_LIMITS = { heapMb: 1024, memoryMb: 1536, timeMs: 60_000 } as const satisfies Required<WorkerLimits>;

/** How an import's worker is started: other limits or another script (the tests). */
export interface ImportWorkerSettings {
  limits?: WorkerLimits;
  script?: WorkerScript;
}

/**
 * The import worker of this build: dist/workers/import-worker.cjs from the CommonJS bundles (the
 * packaged app too), worker.ts compiled by tsx from the TypeScript sources (the unit tests), its
 * dynamic imports made `require`s (../workers/from-sources-dynamic-imports.ts).
 */
export function importWorkerScript(): WorkerScript {
  if (typeof import.meta.resolve !== 'function') return bundledWorkerScript('import-worker.cjs');
  return sourceWorkerScript(import.meta.resolve('./worker.ts'), [fileURLToPath(import.meta.resolve('../workers/from-sources-dynamic-imports.ts'))]);
}

/** Imports a file from disk on a worker, which reads it (refusing oversized files before reading them). */
export function importFileInWorker(path: string, options: ImportOptions = {}, settings: ImportWorkerSettings = {}): Promise<ImportedDocument> {
  return inWorker(basename(path), { kind: 'file', path, options: jobOptions(options) }, settings);
}

/**
 * Imports one file's bytes on a worker. The bytes' buffer moves to the worker (the caller's view is
 * left empty; a view of part of a buffer is copied once instead) and comes back as the document's
 * `original`.
 */
export function importBytesInWorker(fileName: string, bytes: Uint8Array, options: ImportOptions = {}, settings: ImportWorkerSettings = {}): Promise<ImportedDocument> {
  // No bytes (or a view whose buffer already moved elsewhere) go as a new empty view, never
  // transferred: Node 20 starts a worker whose transfer list holds a detached buffer without running it.
  const owned = bytes.byteLength === 0 ? new Uint8Array() : ownedBytes(bytes);
  return inWorker(fileName, { kind: 'bytes', fileName, bytes: owned, options: jobOptions(options) }, settings, owned.byteLength === 0 ? [] : [owned.buffer]);
}

/** Imports what the user pasted on a worker: the clipboard's HTML when there is some (sanitised), else its text. */
export function importPastedInWorker(paste: PastedContent, options: ImportOptions = {}, settings: ImportWorkerSettings = {}): Promise<ImportedDocument> {
  return inWorker('', { kind: 'pasted', paste, options: jobOptions(options) }, settings);
}

function jobOptions(options: ImportOptions): ImportJobOptions {
  return { ...(options.encoding === undefined ? {} : { encoding: options.encoding }), ...(options.now === undefined ? {} : { importedAt: options.now().toISOString() }) };
}

/** The imports of this process, one after another. */
let queue: Promise<unknown> = Promise.resolve();

function inWorker(fileName: string, job: ImportJob, settings: ImportWorkerSettings, transfer: ArrayBuffer[] = []): Promise<ImportedDocument> {
  const limits = { ...IMPORT_WORKER_LIMITS, ...settings.limits };
  const script = settings.script ?? importWorkerScript();
  const run = queue.then(async () => importedOrThrow(await runWorker<ImportReply>(script, job, { transfer, limits }), fileName, limits, script));
  queue = run.catch(() => undefined);
  return run;
}
