/**
 * The import pipeline end to end on real files: limits, format detection, decoding, sanitising,
 * the damage check, and how the results reach a project (services and the CLI).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import { importBytes, importFile, importPasted, MAX_IMPORT_BYTES } from '../../../main/services/import/pipeline.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { contentToText } from '../../../shared/text.js';

const ARTICLE = resolve('tests/fixtures/article-iraq-iran.txt');
const HOSTILE = resolve('tests/fixtures/import/hostile-article.html');
const encode = (text: string) => new TextEncoder().encode(text);
let work: string;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-import-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('importBytes', () => {
  it('imports the sample article as text with its paragraphs, encoding and damage', async () => {
    const imported = await importBytes('article-iraq-iran.txt', new Uint8Array(await readFile(ARTICLE)), { now: () => new Date('2026-11-27T00:00:00Z') });
    const source = (await readFile(ARTICLE, 'utf8')).split('\n').filter((l) => l.trim() !== '');
    expect(contentToText(imported.content).split('\n')).toEqual(source);
    expect(imported.title).toBe('article-iraq-iran');
    expect(imported.origin).toEqual({ fileName: 'article-iraq-iran.txt', format: 'text', encoding: 'utf-8', canonicalUrl: '', siteName: '', importedAt: '2026-11-27T00:00:00.000Z' });
    const kinds = imported.damage.map((d) => d.kind);
    expect(kinds.filter((k) => k === 'foreignEncoding')).toHaveLength(2);
    expect(kinds).toContain('markupResidue');
    expect(kinds).toContain('splice');
  });

  it('decodes Windows-1252 honestly and says so', async () => {
    const bytes = new Uint8Array([0x93, 0x51, 0x75, 0x6f, 0x74, 0x65, 0x94, 0x20, 0x80, 0x35]); // “Quote” €5
    const imported = await importBytes('memo.txt', bytes);
    expect(contentToText(imported.content)).toBe('\u201cQuote\u201d \u20ac5');
    expect(imported.origin.encoding).toBe('windows-1252');
  });

  it('re-decodes with the encoding the user picks', async () => {
    const gbk = new Uint8Array([0xb0, 0xae, 0xc2, 0xfe, 0xb5, 0xba]);
    expect(contentToText((await importBytes('name.txt', gbk, { encoding: 'gbk' })).content)).toBe('爱漫岛');
  });

  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(), /empty/],
    ['a PNG renamed .txt', 'photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]), /photo\.txt/],
    ['an unsupported type', 'sheet.xlsx', encode('PK'), /\.xlsx/],
  ])('refuses %s with a clear message', async (_label, name, bytes, message) => {
    await expect(importBytes(name, bytes)).rejects.toMatchObject({ message: expect.stringMatching(message) });
  });

  it('refuses a file over the size limit before reading it, naming the limit', async () => {
    const path = join(work, 'huge.txt');
    await writeFile(path, '');
    const { truncate } = await import('node:fs/promises');
    await truncate(path, MAX_IMPORT_BYTES + 1);
    await expect(importFile(path)).rejects.toMatchObject({ code: 'UNSUPPORTED', message: expect.stringMatching(/up to 50\.0 MB/) });
  });

  it('imports a hostile saved page as its article, with its metadata and nothing active', async () => {
    const imported = await importFile(HOSTILE);
    const json = JSON.stringify(imported.content);
    for (const forbidden of ['<script', '__pwned', 'iframe', 'onerror', 'onload', 'javascript:', 'evil.example', 'Buy now']) expect(json).not.toContain(forbidden);
    expect(contentToText(imported.content)).toContain('entirely false');
    expect(imported.meta).toMatchObject({ author: expect.stringContaining('Jane Reporter'), outlet: 'The Daily Example', sourceUrl: 'https://daily.example/politics/minister-denies' });
    expect(imported.origin).toMatchObject({ format: 'html', canonicalUrl: 'https://daily.example/politics/minister-denies' });
  });
});

describe('importPasted', () => {
  it('keeps the structure of pasted HTML and drops what is active', async () => {
    const imported = await importPasted({ text: 'ignored', html: '<h2>Title</h2><p>Body <a href="javascript:alert(1)">x</a> <a href="https://ok.example/">y</a></p><script>1</script>', title: 'Clip' });
    const json = JSON.stringify(imported.content);
    expect(json).toContain('"heading"');
    expect(json).not.toContain('javascript:');
    expect(json).toContain('https://ok.example/');
    expect(imported.title).toBe('Clip');
    expect(imported.origin.format).toBe('pasted');
  });

  it('refuses a paste with no text', async () => {
    await expect(importPasted({ text: '  \n ' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('importing into a project', () => {
  it('imports each file on its own through the services, reporting refusals beside successes', async () => {
    const services = await createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: 't', emit: () => {} });
    await dispatch(services.handlers, 'createProject', [{ path: join(work, 'P'), name: 'P' }]);
    await writeFile(join(work, 'empty.txt'), '');
    const result = await dispatch(services.handlers, 'importFiles', [[ARTICLE, join(work, 'empty.txt'), join(work, 'missing.txt')], {}]);
    expect(result.ok).toBe(true);
    const outcomes = (result as { ok: true; value: { fileName: string; document: unknown; error: { code: string } | null }[] }).value;
    expect(outcomes.map((o) => [o.fileName, o.document !== null, o.error?.code ?? null])).toEqual([
      ['article-iraq-iran.txt', true, null],
      ['empty.txt', false, 'INVALID_ARGUMENT'],
      ['missing.txt', false, 'NOT_FOUND'],
    ]);
    const view = await dispatch(services.handlers, 'getOpenProject', []);
    expect((view as { ok: true; value: { project: { documents: unknown[] } } }).value.project.documents).toHaveLength(1);
    await services.shutdown();
  });

  it('stores origin and damage with the document, and re-checks after an edit', async () => {
    const services = await createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: 't', emit: () => {} });
    await dispatch(services.handlers, 'createProject', [{ path: join(work, 'Q'), name: 'Q' }]);
    const base64 = Buffer.from(await readFile(ARTICLE)).toString('base64');
    const created = (await dispatch(services.handlers, 'importFileContent', [{ fileName: 'a.txt', base64 }])) as { ok: true; value: { id: string } };
    const doc = (await dispatch(services.handlers, 'getDocument', [created.value.id])) as { ok: true; value: { document: { damage: unknown[]; origin: { format: string }; content: unknown } } };
    expect(doc.value.document.origin.format).toBe('text');
    expect(doc.value.document.damage.length).toBeGreaterThanOrEqual(4);
    const clean = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Nothing wrong with this sentence.' }] }] };
    expect(await dispatch(services.handlers, 'updateDocumentContent', [created.value.id, clean, [], { reason: 'edit' }])).toMatchObject({ ok: true });
    const rechecked = (await dispatch(services.handlers, 'checkDocumentDamage', [created.value.id])) as { ok: true; value: { damage: unknown[] } };
    expect(rechecked.value.damage).toEqual([]);
    await services.shutdown();
  });

  it('imports from the command line and exits 1 naming each refused file', async () => {
    const store = await ProjectStore.create(join(work, 'Cli'), 'Cli');
    await store.close();
    await writeFile(join(work, 'empty.txt'), '');
    let stdout = '';
    let stderr = '';
    const code = await runCli(['import', 'Cli.factmark', ARTICLE, 'empty.txt', '--json'], { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd: work });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { imported: { file: string; title?: string; error?: string }[] };
    expect(report.imported[0]).toMatchObject({ file: ARTICLE, title: 'article-iraq-iran' });
    expect(report.imported[1]).toMatchObject({ file: 'empty.txt', error: expect.stringMatching(/empty/) });
    expect(stderr).toMatch(/^factmark: 1 of 2 files were not imported\./);
    const reopened = await ProjectStore.open(join(work, 'Cli.factmark'));
    expect(reopened.project.documents.map((d) => d.title)).toEqual(['article-iraq-iran']);
    await reopened.close();
  });

  it('keeps the original bytes and reads them again with another encoding on request', async () => {
    const services = await createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: 't', emit: () => {} });
    await dispatch(services.handlers, 'createProject', [{ path: join(work, 'R'), name: 'R' }]);
    // GBK bytes for 爱漫岛 报道: not UTF-8, so detection falls back to Windows-1252 (wrongly).
    const gbk = Buffer.from([0xb0, 0xae, 0xc2, 0xfe, 0xb5, 0xba, 0x20, 0xb1, 0xa8, 0xb5, 0xc0]);
    const created = (await dispatch(services.handlers, 'importFileContent', [{ fileName: 'outlet.txt', base64: gbk.toString('base64') }])) as { ok: true; value: { id: string } };
    const id = created.value.id;
    expect(await readFile(join(work, 'R.factmark', 'originals', id))).toEqual(gbk);
    const first = (await dispatch(services.handlers, 'getDocument', [id])) as { ok: true; value: { document: { content: never; origin: { encoding: string } } } };
    expect(first.value.document.origin.encoding).toBe('windows-1252');
    expect(contentToText(first.value.document.content)).not.toContain('爱漫岛');

    const again = (await dispatch(services.handlers, 'reimportDocument', [id, 'gbk'])) as { ok: true; value: { document: { content: never; origin: { encoding: string }; fingerprint: string } } };
    expect(contentToText(again.value.document.content)).toBe('爱漫岛 报道');
    expect(again.value.document.origin.encoding).toBe('gbk');
    await dispatch(services.handlers, 'closeProject', []);
    await dispatch(services.handlers, 'openProject', [join(work, 'R.factmark')]);
    const reopened = (await dispatch(services.handlers, 'getDocument', [id])) as { ok: true; value: { document: { content: never } } };
    expect(contentToText(reopened.value.document.content)).toBe('爱漫岛 报道');

    const pasted = (await dispatch(services.handlers, 'importPasted', [{ text: 'Typed here.' }])) as { ok: true; value: { id: string } };
    expect(await dispatch(services.handlers, 'reimportDocument', [pasted.value.id, 'gbk'])).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
    expect(await dispatch(services.handlers, 'reimportDocument', [id, 'klingon-8'])).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    await services.shutdown();
  });
});
