/**
 * The PDF report's worker thread (dist/workers/pdf-worker.cjs): lays out the one Markdown report it
 * is started with (`workerData`, a {@link PdfJob}) and posts back a {@link PdfReply}, then ends.
 * pdfkit and fontkit lay out synchronously, for seconds on a large project; here they do so off the
 * event loop of the process that asked (the browser host keeps answering autosaves meanwhile).
 * in-worker.ts starts one such thread per PDF.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pdfFromMarkdown, type PdfReportMeta } from './index.js';

/** What the worker lays out: `pdfFromMarkdown`'s arguments. */
export interface PdfJob {
  markdown: string;
  meta: PdfReportMeta;
}

/** The worker's one message: the PDF's bytes (their buffer transferred, not copied), or why it failed. */
export type PdfReply = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** The reply to `job`; a thrown error becomes a failed reply. */
async function layOut(job: PdfJob): Promise<PdfReply> {
  try {
    return { ok: true, bytes: await pdfFromMarkdown(job.markdown, job.meta) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

if (!parentPort) throw new Error('The PDF report worker runs only as a worker thread.');
const port = parentPort;
// pdfFromMarkdown's bytes are a buffer of their own, so the whole buffer can move to the caller.
void layOut(workerData as PdfJob).then((reply) => port.postMessage(reply, reply.ok ? [reply.bytes.buffer as ArrayBuffer] : []));
