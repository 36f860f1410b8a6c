/**
 * The red team's hostile files, built here at test time (a few hundred KB each, unpacking to
 * hundreds of MB or gigabytes), imported on the worker as every host imports them: each gives a
 * clear error for that file, within the test's time limit, and the calling process's memory stays
 * bounded — its own heap never holds what the file unpacks to, and its resident memory (which the
 * worker thread shares while it runs) ends within a few hundred MB of where it started.
 */
import { describe, expect, it } from 'vitest';
import { importBytesInWorker } from '../../../main/services/import/in-worker.js';
import type { ImportWorkerSettings } from '../../../main/services/import/in-worker.js';
import { pdfWithContent, selfReferencingPdf } from './support/pdf-bombs.js';
import { paragraph, wordFile, wordParts } from './support/word.js';
import { writeZip } from './support/zip.js';

const MB = 1024 * 1024;

/** Imports `bytes` on the worker and returns the error it gives, with how much the calling process grew. */
async function refusal(fileName: string, bytes: Uint8Array, settings: ImportWorkerSettings = {}) {
  const heap = process.memoryUsage().heapUsed;
  const rss = process.memoryUsage.rss();
  const error = await importBytesInWorker(fileName, bytes, {}, settings).then(
    () => expect.unreachable(`${fileName} was imported`),
    (failure: unknown) => failure as { code: string; message: string },
  );
  return { error, heapGrowth: process.memoryUsage().heapUsed - heap, rssGrowth: process.memoryUsage.rss() - rss };
}

/** What every bomb must leave of the calling process: a heap that never held the bomb, and bounded resident memory. */
function expectBounded(growth: { heapGrowth: number; rssGrowth: number }): void {
  expect(growth.heapGrowth).toBeLessThan(100 * MB);
  expect(growth.rssGrowth).toBeLessThan(300 * MB);
}

describe('hostile files imported on the worker', () => {
  it('refuses a 400 KB Word file of 1.7 million short paragraphs (100 MB of XML) without parsing it', async () => {
    const docx = wordFile([{ data: paragraph('x').repeat(1000), times: 1700 }]);
    expect(docx.length).toBeLessThan(500 * 1024);
    const outcome = await refusal('paragraphs.docx', docx);
    expect(outcome.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"paragraphs\.docx" unpacks to more than 64 MB of Word XML, .*Split the document into smaller files, or save it as plain text/) });
    expectBounded(outcome);
  }, 60_000);

  it('refuses the same Word file when its directory claims 4 KB, counting paragraphs as they unpack', async () => {
    const docx = wordFile([{ data: paragraph('x').repeat(1000), times: 1700 }], { claimedSize: 4096 });
    const outcome = await refusal('paragraphs.docx', docx);
    expect(outcome.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"paragraphs\.docx" has more than 100,000 paragraphs, more than Factmark imports from one Word file\./) });
    expectBounded(outcome);
  }, 60_000);

  it('refuses a 2 MB ZIP whose directory claims 4 KB for 2 GB, stopping at 64 MB of real output', async () => {
    const zip = writeZip(wordParts([{ data: new Uint8Array(MB), times: 2048 }], { claimedSize: 4096 }));
    expect(zip.length).toBeLessThan(3 * MB);
    const outcome = await refusal('lying.docx', zip);
    expect(outcome.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"lying\.docx" unpacks to more than 64 MB of Word XML/) });
    expectBounded(outcome);
  }, 60_000);

  it('refuses a PDF whose page tree holds itself as a kid, as a damaged file', async () => {
    const outcome = await refusal('self-referencing.pdf', selfReferencingPdf());
    expect(outcome.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message:
        '"self-referencing.pdf" is damaged: page 1 cannot be read (Pages tree contains circular reference). Open it in a PDF reader and save or print it as a new PDF, or save its text as plain text (.txt), and import that.',
    });
    expectBounded(outcome);
  }, 60_000);

  it('refuses a PDF whose compressed page makes two million pieces of text, counted as pdf.js reads them', async () => {
    const pdf = pdfWithContent([{ data: 'BT /F1 12 Tf 72 700 Td ' }, { data: '(ab) Tj 0 -12 Td (cd) Tj 0 12 Td '.repeat(10_000), times: 100 }, { data: 'ET' }]);
    const outcome = await refusal('pieces.pdf', pdf);
    expect(outcome.error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"pieces\.pdf" has more than 100,000 pieces of text on page 1, /) });
    expectBounded(outcome);
  }, 60_000);

  it('stops a PDF whose FlateDecode stream unpacks to 512 MB at the memory cap', async () => {
    // pdf.js decodes the stream into ArrayBuffers, which the heap cap does not see: the memory cap
    // does. A cap of 256 MB here (1.5 GB in the app) keeps the test's own footprint small.
    const pdf = pdfWithContent([{ data: ' '.repeat(MB), times: 512 }]);
    expect(pdf.length).toBeLessThan(MB);
    const outcome = await refusal('stream.pdf', pdf, { limits: { memoryMb: 256 } });
    expect(outcome.error).toMatchObject({
      code: 'UNSUPPORTED',
      message: '"stream.pdf" needs more than 256 MB of memory to read, more than Factmark gives one file, so it stopped reading it. Split the file into smaller ones, or save it as plain text (.txt), and import that.',
    });
    expectBounded(outcome);
  }, 60_000);
});
