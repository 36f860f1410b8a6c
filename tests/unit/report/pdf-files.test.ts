/**
 * The PDF report as a file on each path: buildReportFile gives its bytes base64-encoded (what the
 * browser host's JSON and the desktop's IPC carry), the desktop save writes exactly those bytes, and
 * the browser download turns them back into the same bytes (text formats stay UTF-8 text).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportFile, ReportRequest } from '../../../shared/contract.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/index.js';
import { buildReportFile, reportFileBytes } from '../../../main/services/export/report-file.js';
import { saveReportFile } from '../../../main/services/export/save-report.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { base64Bytes, reportBlob } from '../../../renderer/app/report/report-blob.js';
import { pdfText } from './pdf-text.js';

const AT = '2026-11-27T17:29:22.000Z';
const request = (format: string): ReportRequest => ({ format, documentIds: [], options: { ...DEFAULT_REPORT_OPTIONS }, analyst: 'Sara' });

let work: string;
let store: ProjectStore;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-pdf-files-'));
  store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
  await store.createDocument('Speech', 'The minister said unemployment fell by 40 percent.');
});
afterEach(async () => {
  await store.close();
  await rm(work, { recursive: true, force: true });
});

describe('the PDF report file', () => {
  it('is built as base64 bytes under the report name, and the same project gives the same bytes', async () => {
    const file = await buildReportFile(store, request('pdf'), AT);
    expect(file).toMatchObject({ fileName: 'Desk report.pdf', mimeType: 'application/pdf' });
    expect(file.text).toBeUndefined();
    const bytes = reportFileBytes(file);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(await pdfText(bytes)).toContain('The minister said unemployment fell by 40 percent.');
    expect((await buildReportFile(store, request('pdf'), AT)).base64).toBe(file.base64);
    // The whole file survives the browser host's JSON.
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });

  it('is saved by the desktop as exactly its bytes, atomically (no temporary file left)', async () => {
    const path = join(work, 'out.pdf');
    const asked: unknown[] = [];
    const saved = await saveReportFile(store, request('pdf'), AT, async (suggestion) => {
      asked.push(suggestion);
      return path;
    });
    expect(saved).toBe(path);
    expect(asked).toEqual([{ fileName: 'Desk report.pdf', extension: 'pdf' }]);
    const expected = reportFileBytes(await buildReportFile(store, request('pdf'), AT));
    expect((await readFile(path)).equals(Buffer.from(expected))).toBe(true);
    expect((await readdir(work)).sort()).toEqual(['Desk.factmark', 'out.pdf']);
  });

  it('is downloaded in a browser as a Blob of the same bytes; text formats as UTF-8 text', async () => {
    const file = await buildReportFile(store, request('pdf'), AT);
    const blob = reportBlob(file);
    expect(blob.type).toBe('application/pdf');
    expect(Buffer.from(await blob.arrayBuffer()).equals(Buffer.from(reportFileBytes(file)))).toBe(true);
    const markdown = await buildReportFile(store, request('md'), AT);
    const text = reportBlob(markdown);
    expect(text.type).toBe('text/markdown;charset=utf-8');
    expect(await text.text()).toBe(markdown.text);
  });

  it('decodes base64 byte for byte, every byte value included', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...base64Bytes(Buffer.from(all).toString('base64'))]).toEqual([...all]);
    const empty: ReportFile = { fileName: 'x.pdf', mimeType: 'application/pdf', base64: '' };
    expect(reportBlob(empty).size).toBe(0);
  });
});
