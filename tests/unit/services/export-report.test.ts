/** buildReport and saveReport through the dispatch wrapper the hosts use: formats, documents, file names, the save dialog. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportRequest } from '../../../shared/contract.js';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import { reportFileName } from '../../../main/services/export/file-name.js';
import type { AppServices, HostAbilities } from '../../../main/services/types.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/index.js';

let work: string;
let services: AppServices;
let asked: { fileName: string; extension: string }[];

async function make(abilities: HostAbilities): Promise<AppServices> {
  return createAppServices({ host: 'desktop', settingsDir: join(work, 'settings'), version: '1.2.3', emit: () => undefined, abilities, autosaveDelayMs: 10 });
}

const run = (name: string, ...args: unknown[]) => dispatch(services.handlers, name, args);
const request = (patch: Partial<ReportRequest> = {}): ReportRequest => ({ format: 'md', documentIds: [], options: { ...DEFAULT_REPORT_OPTIONS }, analyst: 'Sara', ...patch });

async function projectWithTwoDocuments(): Promise<{ first: string; second: string }> {
  await run('createProject', { path: join(work, 'Election: 2026?'), name: 'Election: 2026?' });
  const first = (await run('createDocument', { title: 'Speech', text: 'Unemployment fell by 40 percent.' })) as { value: { id: string } };
  const second = (await run('createDocument', { title: 'Reply', text: 'Exports doubled.' })) as { value: { id: string } };
  return { first: first.value.id, second: second.value.id };
}

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-export-'));
  asked = [];
  services = await make({ pickReportPath: async (suggestion) => (asked.push(suggestion), join(work, suggestion.fileName)) });
});

afterEach(async () => {
  await services.shutdown();
  await rm(work, { recursive: true, force: true });
});

describe('buildReport', () => {
  it('reports every document in project order, or only those asked for', async () => {
    const { second } = await projectWithTwoDocuments();
    const all = await run('buildReport', request());
    expect(all).toMatchObject({ ok: true, value: { fileName: 'Election_ 2026_ report.md', mimeType: 'text/markdown; charset=utf-8' } });
    const text = (all as { value: { text: string } }).value.text;
    expect(text).toContain('Prepared by Sara on');
    expect(text.indexOf('Document: Speech')).toBeLessThan(text.indexOf('Document: Reply'));
    const one = (await run('buildReport', request({ documentIds: [second] }))) as { value: { text: string } };
    expect(one.value.text).toContain('Document: Reply');
    expect(one.value.text).not.toContain('Document: Speech');
  });

  it('names files by format and renders each format', async () => {
    await projectWithTwoDocuments();
    expect(await run('buildReport', request({ format: 'html' }))).toMatchObject({ ok: true, value: { fileName: 'Election_ 2026_ report.html', text: expect.stringContaining('<!DOCTYPE html>') } });
    expect(await run('buildReport', request({ format: 'sources-csv' }))).toMatchObject({ ok: true, value: { fileName: 'Election_ 2026_ sources-csv.csv' } });
    expect(await run('buildReport', request({ format: 'claimreview' }))).toMatchObject({ ok: true, value: { fileName: 'Election_ 2026_ claimreview.jsonld' } });
  });

  it('refuses an unknown format (listing the formats), an unknown document, bad options, and no open project', async () => {
    expect(await run('buildReport', request())).toMatchObject({ ok: false, error: { code: 'NO_PROJECT_OPEN' } });
    await projectWithTwoDocuments();
    const unknown = await run('buildReport', request({ format: 'docx' }));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect((unknown as { error: { message: string } }).error.message).toContain('md, html, pdf, json, claimreview, csv, sources-csv, csl');
    expect(await run('buildReport', request({ documentIds: ['nope'] }))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await run('buildReport', request({ options: { ...DEFAULT_REPORT_OPTIONS, statuses: ['finished' as 'done'] } }))).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await run('buildReport', { ...request(), extra: true })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});

describe('saveReport', () => {
  it('asks where with the suggested name and extension, and writes the report there', async () => {
    await projectWithTwoDocuments();
    const saved = await run('saveReport', request({ format: 'csv' }));
    const path = join(work, 'Election_ 2026_ csv.csv');
    expect(saved).toEqual({ ok: true, value: path });
    expect(asked).toEqual([{ fileName: 'Election_ 2026_ csv.csv', extension: 'csv' }]);
    expect(await readFile(path, 'utf8')).toMatch(/^\uFEFF?.*[Ii][Dd]/);
  });

  it('writes nothing when the dialog is cancelled, and is unsupported without the dialog', async () => {
    await services.shutdown();
    services = await make({ pickReportPath: async () => null });
    await projectWithTwoDocuments();
    expect(await run('saveReport', request())).toEqual({ ok: true, value: null });
    expect((await readdir(work)).filter((name) => name.includes('report'))).toEqual([]);
    await services.shutdown();
    services = await make({});
    expect(await run('saveReport', request())).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });
});

describe('reportFileName', () => {
  it('replaces characters unsafe in file names and trims dots and spaces', () => {
    expect(reportFileName(' ..a/b\\c<d>e|f?g*h"i\u0001j. ', { id: 'md', extension: 'md' })).toBe('a_b_c_d_e_f_g_h_i_j report.md');
    expect(reportFileName('...', { id: 'csl', extension: 'json' })).toBe('Factmark csl.json');
  });
});
