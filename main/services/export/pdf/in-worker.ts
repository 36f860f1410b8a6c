/**
 * `pdfFromMarkdown` on a worker thread of its own (worker.ts), one per PDF: the layout takes seconds
 * on a large project (over ten for a 1 MB document with 2,000 claims) and in-process would hold the
 * calling process's event loop all that time — in the browser host, every other request. The same
 * function on the same input, so the same bytes. A fresh thread loads pdfkit, fontkit and the fonts
 * again (a few hundred milliseconds a PDF, spent off the caller's loop).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FactmarkError } from '../../../../shared/result.js';
import type { PdfReportMeta } from './index.js';
import type { PdfJob, PdfReply } from './worker.js';

/** How to start the worker: its file, and the modules to `require` before it. */
export interface PdfWorkerScript {
  file: string;
  preload: string[];
}

/**
 * The worker of this build. From the CommonJS bundles (dist/<folder>/<name>.cjs, the packaged app
 * too): dist/workers/pdf-worker.cjs, one folder up. From the TypeScript sources run as ES modules
 * (the unit tests, tsx): worker.ts beside this file, after tsx's CommonJS hooks, which compile it
 * and what it imports (Node 20 ignores an `--import` loader in a worker's execArgv). As in fonts.ts,
 * esbuild defines `import.meta.resolve` as undefined in the bundles, which tells the two apart.
 */
export function pdfWorkerScript(): PdfWorkerScript {
  if (typeof import.meta.resolve === 'function') return { file: fileURLToPath(import.meta.resolve('./worker.ts')), preload: [fileURLToPath(import.meta.resolve('tsx/cjs'))] };
  return { file: join(__dirname, '../workers/pdf-worker.cjs'), preload: [] };
}

/**
 * The PDF of a Markdown report, laid out by `pdfFromMarkdown` on a new worker thread. Settles once
 * that thread has stopped, so none outlives the call: with the bytes, or INTERNAL when the worker
 * file is missing (an incomplete build), the layout throws, or the worker dies before replying.
 * `script` is this build's worker; the tests name broken ones.
 */
export function pdfFromMarkdownInWorker(markdown: string, meta: PdfReportMeta, script: PdfWorkerScript = pdfWorkerScript()): Promise<Uint8Array> {
  if (!existsSync(script.file)) {
    return Promise.reject(new FactmarkError('INTERNAL', `The PDF report cannot be made: its worker ${script.file} is missing. Build Factmark again (npm run build) or reinstall it.`));
  }
  const job: PdfJob = { markdown, meta };
  // A script that requires the preloads, then the file: the hooks must be set up in the worker's own thread.
  const source = [...script.preload, script.file].map((file) => `require(${JSON.stringify(file)});`).join('\n');
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData: job });
    let reply: PdfReply | undefined;
    let crash: Error | undefined;
    worker.once('message', (message: PdfReply) => {
      reply = message;
      void worker.terminate();
    });
    worker.once('error', (error) => (crash = error));
    worker.once('exit', (code) => {
      if (reply?.ok) resolve(reply.bytes);
      else {
        const why = reply?.message ?? crash?.message ?? `its worker stopped (exit code ${code}) before it finished`;
        reject(new FactmarkError('INTERNAL', `The PDF report could not be laid out: ${why}`));
      }
    });
  });
}
