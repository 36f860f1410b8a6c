/**
 * Imports on a worker thread (main/services/import/in-worker.ts): the same documents as the
 * in-thread pipeline, bytes moved rather than copied, every failure a per-file error — a refusal,
 * a parse that hangs past the time limit, a worker that runs out of heap, a worker that crashes or
 * is missing — after which the calling process imports the next file as before, no worker thread
 * is left running, and a batch (services and command line) imports the good files around a bad one.
 * Run from the sources, the worker is worker.ts compiled by tsx.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import { importBytesInWorker, importFileInWorker, importPastedInWorker, importWorkerScript, IMPORT_WORKER_LIMITS } from '../../../main/services/import/in-worker.js';
import { importBytes, importPasted } from '../../../main/services/import/pipeline.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { FactmarkError } from '../../../shared/result.js';
import { contentToText } from '../../../shared/text.js';
import { runCapturing } from '../support/cli.js';
import { selfReferencingPdf } from './support/pdf-bombs.js';
import { paragraph, wordFile } from './support/word.js';

/** Every worker thread started, to check that none is still running afterwards, and whether another was running when each started. */
const started = vi.hoisted(() => [] as Worker[]);
const overlapped = vi.hoisted(() => [] as boolean[]);
vi.mock('node:worker_threads', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:worker_threads')>();
  class RecordedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      overlapped.push(started.some((worker) => worker.threadId !== -1));
      super(...args);
      started.push(this);
    }
  }
  return { ...actual, Worker: RecordedWorker };
});

const ROOT = resolve(import.meta.dirname, '../../..');
const ARTICLE = join(ROOT, 'tests/fixtures/article-iraq-iran.txt');
const NOW = () => new Date('2026-11-27T00:00:00Z');
const encode = (text: string) => new TextEncoder().encode(text);
/** Whether every worker started so far has stopped (a stopped worker's thread id is -1). */
const allStopped = (): boolean => started.every((worker) => worker.threadId === -1);

let work: string;
beforeEach(async () => {
  started.length = 0;
  overlapped.length = 0;
  work = await mkdtemp(join(tmpdir(), 'factmark-import-worker-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('an import on a worker thread', () => {
  it('gives the document the in-thread pipeline gives, for a file, bytes and a paste, and stops its worker', async () => {
    const bytes = new Uint8Array(await readFile(ARTICLE));
    const inThread = await importBytes('article-iraq-iran.txt', bytes.slice(), { now: NOW });
    expect(await importFileInWorker(ARTICLE, { now: NOW })).toEqual(inThread);
    expect(await importBytesInWorker('article-iraq-iran.txt', bytes.slice(), { now: NOW })).toEqual(inThread);
    const paste = { text: 'ignored', html: '<h2>Title</h2><p>Body <a href="javascript:alert(1)">x</a></p>', title: 'Clip' };
    expect(await importPastedInWorker(paste, { now: NOW })).toEqual(await importPasted(paste, { now: NOW }));
    expect(started).toHaveLength(3);
    expect(allStopped()).toBe(true);
  });

  it('moves the bytes to the worker and back without copying a whole buffer, and copies a view of part of one', async () => {
    const bytes = encode('Moved, not copied.');
    const imported = await importBytesInWorker('moved.txt', bytes);
    expect(bytes.byteLength).toBe(0); // its buffer went to the worker
    expect(Buffer.from(imported.original!).toString()).toBe('Moved, not copied.');
    // Importing the emptied view again is an empty file, not a worker that never runs.
    await expect(importBytesInWorker('moved.txt', bytes)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'moved.txt is empty: there is no text to import.' });
    const shared = encode('xxPart of a larger buffer.yy');
    const part = shared.subarray(2, shared.length - 2);
    const again = await importBytesInWorker('part.txt', part);
    expect(Buffer.from(shared).toString()).toBe('xxPart of a larger buffer.yy'); // left as it was
    expect(Buffer.from(again.original!).toString()).toBe('Part of a larger buffer.');
  });

  it('reads again with another encoding on the worker', async () => {
    const gbk = new Uint8Array([0xb0, 0xae, 0xc2, 0xfe, 0xb5, 0xba]);
    expect(contentToText((await importBytesInWorker('name.txt', gbk, { encoding: 'gbk' })).content)).toBe('爱漫岛');
  });

  it('gives the pipeline’s own refusals as they are, with their codes', async () => {
    await expect(importBytesInWorker('empty.txt', new Uint8Array())).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: 'empty.txt is empty: there is no text to import.' });
    await expect(importFileInWorker(join(work, 'missing.txt'))).rejects.toMatchObject({ code: 'NOT_FOUND', path: join(work, 'missing.txt') });
    await expect(importPastedInWorker({ text: ' \n ' })).rejects.toBeInstanceOf(FactmarkError);
    expect(allStopped()).toBe(true);
  });

  it('stops a parse that hangs at the time limit, names the file, and imports the next file', async () => {
    const hanging = join(work, 'hanging.cjs');
    await writeFile(hanging, 'for (;;) {}\n');
    const failure = importBytesInWorker('forever.html', encode('<p>x</p>'), {}, { script: { file: hanging, preload: [] }, limits: { timeMs: 300 } });
    await expect(failure).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: '"forever.html" took more than 0.3 seconds to read, longer than Factmark gives one file, so it stopped reading it. Split the file into smaller ones, or save it as plain text (.txt), and import that.',
    });
    expect(allStopped()).toBe(true);
    // A real parse given a millisecond is stopped the same way.
    await expect(importFileInWorker(ARTICLE, {}, { limits: { timeMs: 1 } })).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/^"article-iraq-iran\.txt" took more than 0 seconds/) });
    expect((await importFileInWorker(ARTICLE)).title).toBe('article-iraq-iran');
    expect(allStopped()).toBe(true);
  });

  it('reports a worker that runs out of heap for that file, and the next import in the same process works', async () => {
    // About 10,000 formatted paragraphs: mammoth needs a few hundred MB of heap for them, far more than 48 MB.
    const run = (text: string) => `<w:r><w:rPr><w:b/><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
    const docx = wordFile([{ data: `<w:p><w:pPr><w:spacing w:after="120"/></w:pPr>${run('The minister said unemployment fell by forty percent. ')}${run('According to figures.')}</w:p>`.repeat(100), times: 100 }]);
    const heapBefore = process.memoryUsage().heapUsed;
    await expect(importBytesInWorker('report.docx', docx, {}, { limits: { heapMb: 48 } })).rejects.toMatchObject({
      code: 'UNSUPPORTED',
      message: '"report.docx" needs more than 48 MB of memory to read, more than Factmark gives one file, so it stopped reading it. Split the file into smaller ones, or save it as plain text (.txt), and import that.',
    });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
    expect(allStopped()).toBe(true);
    expect((await importBytesInWorker('next.docx', wordFile([{ data: paragraph('Next file.') }]))).content).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Next file.' }] }] });
  }, 60_000);

  it('reports a worker that throws, exits early or is missing as INTERNAL for that file', async () => {
    const throwing = join(work, 'throwing.cjs');
    await writeFile(throwing, "throw new Error('the parser could not load');\n");
    await expect(importBytesInWorker('a.txt', encode('a'), {}, { script: { file: throwing, preload: [] } })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: 'Factmark could not read "a.txt": its reader stopped unexpectedly (the parser could not load). Split the file into smaller ones, or save it as plain text (.txt), and import that.',
    });
    const exiting = join(work, 'exiting.cjs');
    await writeFile(exiting, 'process.exit(3);\n');
    await expect(importBytesInWorker('b.txt', encode('b'), {}, { script: { file: exiting, preload: [] } })).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('(its worker stopped (exit code 3) before it finished)') });
    const missing = join(work, 'workers', 'import-worker.cjs');
    const count = started.length;
    await expect(importBytesInWorker('c.txt', encode('c'), {}, { script: { file: missing, preload: [] } })).rejects.toMatchObject({
      code: 'INTERNAL',
      message: `Factmark cannot import anything: its import worker ${missing} is missing. Build Factmark again (npm run build) or reinstall it.`,
    });
    expect(started).toHaveLength(count);
    expect(allStopped()).toBe(true);
  });

  it('runs imports one at a time in a process, in the order they were asked for', async () => {
    const titles = await Promise.all(['one', 'two', 'three'].map((name) => importBytesInWorker(`${name}.txt`, encode(name)).then((d) => d.title)));
    expect(titles).toEqual(['one', 'two', 'three']);
    // Each worker had stopped before the next started: one thread at a time.
    expect(overlapped).toEqual([false, false, false]);
    expect(allStopped()).toBe(true);
  });

  it('runs worker.ts through tsx when run from the sources, with the default limits', () => {
    expect(importWorkerScript()).toEqual({
      file: join(ROOT, 'main/services/import/worker.ts'),
      preload: [expect.stringMatching(/[\\/]node_modules[\\/]tsx[\\/]/), join(ROOT, 'main/services/workers/from-sources-dynamic-imports.ts')],
    });
    expect(IMPORT_WORKER_LIMITS).toEqual({ heapMb: 1024, memoryMb: 1536, timeMs: 60_000 });
  });
});

describe('a batch around a file that cannot be read', () => {
  const good = async () => {
    await writeFile(join(work, 'good.txt'), 'The minister said unemployment fell by 40 percent.\n');
    await writeFile(join(work, 'good2.md'), '# Budget\n\nThe budget grew by a third.\n');
    await writeFile(join(work, 'self-referencing.pdf'), selfReferencingPdf());
    return ['good.txt', 'self-referencing.pdf', 'good2.md'].map((name) => join(work, name));
  };
  const DAMAGED = /^"self-referencing\.pdf" is damaged: page 1 cannot be read \(Pages tree contains circular reference\)\. .*plain text/;

  it('imports the good files through the services and names the bad one', async () => {
    const files = await good();
    const services = await createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: 't', emit: () => {} });
    await dispatch(services.handlers, 'createProject', [{ path: join(work, 'P'), name: 'P' }]);
    const result = await dispatch(services.handlers, 'importFiles', [files, {}]);
    const outcomes = (result as { ok: true; value: { fileName: string; document: { title: string } | null; error: { code: string; message: string } | null }[] }).value;
    expect(outcomes.map((o) => [o.fileName, o.document?.title ?? null, o.error?.code ?? null])).toEqual([
      ['good.txt', 'good', null],
      ['self-referencing.pdf', null, 'INVALID_ARGUMENT'],
      ['good2.md', 'Budget', null],
    ]);
    expect(outcomes[1]!.error!.message).toMatch(DAMAGED);
    const view = (await dispatch(services.handlers, 'getOpenProject', [])) as { ok: true; value: { project: { documents: { title: string }[] } } };
    expect(view.value.project.documents.map((d) => d.title)).toEqual(['good', 'Budget']);
    await services.shutdown();
    expect(allStopped()).toBe(true);
  });

  it('imports the good files from the command line and names the bad one', async () => {
    const files = await good();
    const store = await ProjectStore.create(join(work, 'Cli'), 'Cli');
    await store.close();
    const { code, stdout } = await runCapturing(work, ['import', 'Cli.factmark', ...files.map((f) => relative(work, f)), '--json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { imported: { file: string; title?: string; error?: string }[] };
    expect(report.imported.map((r) => [r.file, r.title ?? null])).toEqual([
      ['good.txt', 'good'],
      ['self-referencing.pdf', null],
      ['good2.md', 'Budget'],
    ]);
    expect(report.imported[1]!.error).toMatch(DAMAGED);
  });
});

describe('the hosts', () => {
  it('import only through the worker: nothing outside the import folder calls the in-thread pipeline', () => {
    const callers: string[] = [];
    const visit = (folder: string) => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) visit(path);
        else if (/\.tsx?$/.test(name) && /import\/pipeline\.js['"]/.test(readFileSync(path, 'utf8'))) callers.push(relative(ROOT, path).split('\\').join('/'));
      }
    };
    visit(join(ROOT, 'main'));
    // in-worker.ts and worker-outcome.ts need its types; worker.ts is the worker itself.
    expect(callers.filter((file) => !file.startsWith('main/services/import/'))).toEqual([]);
  });
});

const BUNDLED_WORKER = join(ROOT, 'dist/workers/import-worker.cjs');
const CLI_BUNDLE = join(ROOT, 'dist/cli/factmark.cjs');

describe.skipIf(!existsSync(BUNDLED_WORKER) || !existsSync(CLI_BUNDLE))('the built import worker (skipped when dist/ is not built)', () => {
  it('gives the same documents and refusals as the sources', async () => {
    const script = { file: BUNDLED_WORKER, preload: [] };
    const bytes = new Uint8Array(await readFile(ARTICLE));
    expect(await importBytesInWorker('article-iraq-iran.txt', bytes.slice(), { now: NOW }, { script })).toEqual(await importBytes('article-iraq-iran.txt', bytes.slice(), { now: NOW }));
    const docx = wordFile([{ data: paragraph('Word, bundled.') }]);
    expect((await importBytesInWorker('w.docx', docx, {}, { script })).content).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Word, bundled.' }] }] });
    await expect(importBytesInWorker('self-referencing.pdf', selfReferencingPdf(), {}, { script })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/^"self-referencing\.pdf" is damaged/) });
    expect(allStopped()).toBe(true);
  });

  it('is found by the command-line bundle', async () => {
    const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    await store.close();
    await writeFile(join(work, 'good.txt'), 'The minister said unemployment fell by 40 percent.\n');
    const { stdout } = await promisify(execFile)(process.execPath, [CLI_BUNDLE, 'import', 'Desk.factmark', 'good.txt', '--json'], { cwd: work });
    expect(JSON.parse(stdout)).toMatchObject({ imported: [{ file: 'good.txt', title: 'good' }] });
  });
});
