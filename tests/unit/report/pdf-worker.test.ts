/**
 * The PDF report on a worker thread (main/services/export/pdf/in-worker.ts): the same bytes as
 * `pdfFromMarkdown` in-process, the caller's event loop free while a report is laid out, failures
 * as clear INTERNAL errors, and no worker thread left running after a call, whatever its outcome.
 * Run from the sources, the worker is worker.ts compiled by tsx; when dist/ is built, the bundled
 * worker gives the same bytes and the command-line bundle finds it on its own.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pdfFromMarkdown } from '../../../main/services/export/pdf/index.js';
import { pdfFromMarkdownInWorker, pdfWorkerScript } from '../../../main/services/export/pdf/in-worker.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/input.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { runCapturing } from '../support/cli.js';
import { options, reportInput } from './formats.fixture.js';
import { sampleInput } from './markdown-sample.js';
import { pdfText } from './pdf-text.js';

/** Every worker thread in-worker.ts starts, to check that none is still running afterwards. */
const started = vi.hoisted(() => [] as Worker[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      started.push(this);
    }
  }
  return { ...actual, Worker: RecordedWorker };
});

const ROOT = resolve(import.meta.dirname, '../../..');
const meta = { generatedAt: '2026-11-27T12:00:00.000Z', author: 'R. Analyst', title: 'Desk' };
const sample = (): string => markdownReport(sampleInput(), DEFAULT_REPORT_OPTIONS);
/** Whether every worker started so far has stopped (a stopped worker's thread id is -1). */
const allStopped = (): boolean => started.every((worker) => worker.threadId === -1);

let work: string;
beforeEach(async () => {
  started.length = 0;
  work = await mkdtemp(join(tmpdir(), 'factmark-pdf-worker-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('the PDF report on a worker thread', () => {
  it('gives the bytes pdfFromMarkdown gives in-process, Arabic included, and stops its worker', async () => {
    for (const markdown of [sample(), markdownReport(reportInput(), options())]) {
      const inWorker = await pdfFromMarkdownInWorker(markdown, meta);
      expect(Buffer.from(inWorker).equals(Buffer.from(await pdfFromMarkdown(markdown, meta)))).toBe(true);
    }
    expect(started).toHaveLength(2);
    expect(allStopped()).toBe(true);
  });

  it('leaves the caller’s event loop running while a mid-size report is laid out', async () => {
    // About 110 KB of Markdown: a second or more of layout, which in-process would hold the loop throughout.
    const markdown = Array.from({ length: 10 }, sample).join('\n');
    let done = false;
    const pdf = pdfFromMarkdownInWorker(markdown, meta).then((bytes) => ((done = true), bytes));
    // A thousand turns of the loop while the PDF is still being made; in-process, the layout would
    // finish before the first turn and the PDF would be done within a few.
    let turns = 0;
    while (!done && turns < 1_000) {
      await new Promise((next) => setImmediate(next));
      turns++;
    }
    expect(done).toBe(false);
    expect(await pdfText(await pdf)).toContain('Iraq–Iran talks: fact-check report');
    expect(allStopped()).toBe(true);
  });

  it('rejects with INTERNAL and the layout’s own message when the layout throws, and stops its worker', async () => {
    const failure = pdfFromMarkdownInWorker(42 as unknown as string, meta);
    await expect(failure).rejects.toBeInstanceOf(FactmarkError);
    await expect(failure).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^The PDF report could not be laid out: .*String/) });
    expect(started).toHaveLength(1);
    expect(allStopped()).toBe(true);
  });

  it('rejects with INTERNAL when the worker throws while loading or exits without replying', async () => {
    const throwing = join(work, 'throwing.cjs');
    await writeFile(throwing, "throw new Error('the worker could not load');\n");
    await expect(pdfFromMarkdownInWorker(sample(), meta, { file: throwing, preload: [] })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The PDF report could not be laid out: the worker could not load',
    });
    const exiting = join(work, 'exiting.cjs');
    await writeFile(exiting, 'process.exit(3);\n');
    await expect(pdfFromMarkdownInWorker(sample(), meta, { file: exiting, preload: [] })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'The PDF report could not be laid out: its worker stopped (exit code 3) before it finished',
    });
    expect(started).toHaveLength(2);
    expect(allStopped()).toBe(true);
  });

  it('rejects with INTERNAL naming the file when the worker is missing, and starts no thread', async () => {
    const missing = join(work, 'workers', 'pdf-worker.cjs');
    await expect(pdfFromMarkdownInWorker(sample(), meta, { file: missing, preload: [] })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: `The PDF report cannot be made: its worker ${missing} is missing. Build Factmark again (npm run build) or reinstall it.`,
    });
    expect(started).toEqual([]);
  });

  it('runs worker.ts through tsx when run from the sources', () => {
    expect(pdfWorkerScript()).toEqual({ file: join(ROOT, 'main/services/export/pdf/worker.ts'), preload: [expect.stringMatching(/[\\/]node_modules[\\/]tsx[\\/]/)] });
  });
});

const BUNDLED_WORKER = join(ROOT, 'dist/workers/pdf-worker.cjs');
const CLI_BUNDLE = join(ROOT, 'dist/cli/factmark.cjs');

describe.skipIf(!existsSync(BUNDLED_WORKER) || !existsSync(CLI_BUNDLE))('the built PDF worker (skipped when dist/ is not built)', () => {
  it('gives the same bytes as the sources', async () => {
    const markdown = sample();
    const bundled = await pdfFromMarkdownInWorker(markdown, meta, { file: BUNDLED_WORKER, preload: [] });
    expect(Buffer.from(bundled).equals(Buffer.from(await pdfFromMarkdown(markdown, meta)))).toBe(true);
    expect(allStopped()).toBe(true);
  });

  it('is found by the command-line bundle, whose PDF is the one the sources make', async () => {
    const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    await store.createDocument('Speech', 'The minister said unemployment fell by 40 percent.');
    await store.close();
    const at = ['--generated-at', meta.generatedAt, '--analyst', meta.author];
    await promisify(execFile)(process.execPath, [CLI_BUNDLE, 'export', 'Desk.factmark', '--format', 'pdf', '--out', 'bundle.pdf', ...at], { cwd: work });
    expect((await runCapturing(work, ['export', 'Desk.factmark', '--format', 'pdf', '--out', 'sources.pdf', ...at])).code).toBe(0);
    expect((await readFile(join(work, 'bundle.pdf'))).equals(await readFile(join(work, 'sources.pdf')))).toBe(true);
  });
});
