/**
 * `pdfFromMarkdown` on a worker thread of its own (worker.ts), one per PDF: the layout takes seconds
 * on a large project (over ten for a 1 MB document with 2,000 claims) and in-process would hold the
 * calling process's event loop all that time — in the browser host, every other request. The same
 * function on the same input, so the same bytes. A fresh thread loads pdfkit, fontkit and the fonts
 * again (a few hundred milliseconds a PDF, spent off the caller's loop). Starting the thread and
 * waiting for it to stop is ../../workers/run-worker.ts, shared with the import worker.
 */
import { FactmarkError } from '../../../../shared/result.js';
import { bundledWorkerScript, runWorker, sourceWorkerScript, type WorkerScript } from '../../workers/run-worker.js';
import type { PdfReportMeta } from './index.js';
import type { PdfJob, PdfReply } from './worker.js';

/** How to start the worker: its file, and the modules to `require` before it. */
export type PdfWorkerScript = WorkerScript;

/**
 * The worker of this build: dist/workers/pdf-worker.cjs from the CommonJS bundles (the packaged app
 * too), worker.ts beside this file compiled by tsx from the TypeScript sources (the unit tests). As
 * in fonts.ts, esbuild defines `import.meta.resolve` as undefined in the bundles, which tells the
 * two apart.
 */
export function pdfWorkerScript(): PdfWorkerScript {
  return typeof import.meta.resolve === 'function' ? sourceWorkerScript(import.meta.resolve('./worker.ts')) : bundledWorkerScript('pdf-worker.cjs');
}

/**
 * The PDF of a Markdown report, laid out by `pdfFromMarkdown` on a new worker thread. Settles once
 * that thread has stopped, so none outlives the call: with the bytes, or INTERNAL when the worker
 * file is missing (an incomplete build), the layout throws, or the worker dies before replying.
 * `script` is this build's worker; the tests name broken ones.
 */
export async function pdfFromMarkdownInWorker(markdown: string, meta: PdfReportMeta, script: PdfWorkerScript = pdfWorkerScript()): Promise<Uint8Array> {
  const job: PdfJob = { markdown, meta };
  const outcome = await runWorker<PdfReply>(script, job);
  switch (outcome.kind) {
    case 'missing':
      throw new FactmarkError('INTERNAL', `The PDF report cannot be made: its worker ${script.file} is missing. Build Factmark again (npm run build) or reinstall it.`);
    case 'replied':
      if (outcome.reply.ok) return outcome.reply.bytes;
      throw laidOutFailed(outcome.reply.message);
    case 'stopped':
      throw laidOutFailed(outcome.why);
    case 'out-of-memory':
      throw laidOutFailed('its worker ran out of memory');
    case 'out-of-time':
      throw laidOutFailed('its worker ran out of time');
  }
}

function laidOutFailed(why: string): FactmarkError {
  return new FactmarkError('INTERNAL', `The PDF report could not be laid out: ${why}`);
}
