/**
 * The import worker thread (dist/workers/import-worker.cjs): runs the one import it is started with
 * (`workerData`, an {@link ImportJob}) through the in-thread pipeline (./pipeline.ts) and posts back
 * an {@link ImportReply}, then ends. Every parser a hostile file can drive to gigabytes or minutes
 * (mammoth, pdf.js, linkedom and Readability, markdown-it) runs here, under the heap cap and time
 * limit ./in-worker.ts starts it with, never in the process that holds the project.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FactmarkError, type AppError } from '../../../shared/result.js';
import { ownedBytes } from '../workers/transfer.js';
import { importBytes, importFile, importPasted, type ImportOptions, type PastedContent } from './pipeline.js';
import type { ImportedDocument } from './types.js';

/** The options that cross to the worker: a function cannot, so the import time travels as its ISO text. */
export interface ImportJobOptions {
  encoding?: string;
  importedAt?: string;
}

/** One import: a file the worker reads itself, bytes moved to it (their buffer transferred), or a paste. */
export type ImportJob =
  | { kind: 'file'; path: string; options: ImportJobOptions }
  | { kind: 'bytes'; fileName: string; bytes: Uint8Array; options: ImportJobOptions }
  | { kind: 'pasted'; paste: PastedContent; options: ImportJobOptions };

/** The worker's one message: the document (its original bytes' buffer transferred), a refusal the pipeline gave, or an unexpected failure. */
export type ImportReply = { ok: true; document: ImportedDocument } | { ok: false; error: AppError } | { ok: false; failure: string };

function pipelineOptions({ encoding, importedAt }: ImportJobOptions): ImportOptions {
  return { ...(encoding === undefined ? {} : { encoding }), ...(importedAt === undefined ? {} : { now: () => new Date(importedAt) }) };
}

/** The reply to `job`: a FactmarkError becomes a refusal, anything else a failure with its message. */
async function answer(job: ImportJob): Promise<ImportReply> {
  try {
    const options = pipelineOptions(job.options);
    const document = job.kind === 'file' ? await importFile(job.path, options) : job.kind === 'bytes' ? await importBytes(job.fileName, job.bytes, options) : await importPasted(job.paste, options);
    return { ok: true, document: document.original ? { ...document, original: ownedBytes(document.original) } : document };
  } catch (error) {
    if (error instanceof FactmarkError) return { ok: false, error: error.toAppError() };
    return { ok: false, failure: error instanceof Error ? error.message : String(error) };
  }
}

if (!parentPort) throw new Error('The import worker runs only as a worker thread.');
const port = parentPort;
void answer(workerData as ImportJob).then((reply) => port.postMessage(reply, reply.ok && reply.document.original ? [reply.document.original.buffer as ArrayBuffer] : []));
