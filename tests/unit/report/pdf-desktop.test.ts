/**
 * The desktop's PDF (Chromium printing the HTML report), with a recording stand-in for Electron's
 * BrowserWindow: the hidden window's options, the page it loads, the print options, and that the
 * window is closed whatever happens; and that the export uses the printer when the host has one.
 * What the stand-in cannot prove: that Chromium really prints the page as expected (that needs an
 * Electron binary, which tests/electron/ uses where one exists).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { htmlPrinter, PRINT_WEB_PREFERENCES } from '../../../main/desktop/print-to-pdf.js';
import type { ElectronParts } from '../../../main/desktop/electron-parts.js';
import { checkWebPreferences } from '../../../main/security/window-options.js';
import { buildReportFile, reportFileBytes } from '../../../main/services/export/report-file.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/index.js';

interface Recorded {
  options?: { show?: boolean; webPreferences?: Record<string, unknown> };
  loaded?: { kind: 'url' | 'file'; target: string; content: string };
  printOptions?: Record<string, unknown>;
  destroyed: boolean;
}

/** A BrowserWindow stand-in whose printToPDF answers `print()`. */
function fakeElectron(print: () => Promise<Buffer>): { electron: Pick<ElectronParts, 'BrowserWindow'>; windows: Recorded[] } {
  const windows: Recorded[] = [];
  class FakeWindow {
    private readonly record: Recorded = { destroyed: false };
    readonly webContents = {
      loadURL: async (url: string) => {
        const [, data = ''] = url.split(';base64,');
        this.record.loaded = { kind: 'url', target: url.slice(0, 30), content: Buffer.from(data, 'base64').toString('utf8') };
      },
      loadFile: async (path: string) => {
        this.record.loaded = { kind: 'file', target: path, content: readFileSync(path, 'utf8') };
      },
      printToPDF: async (options: Record<string, unknown>) => {
        this.record.printOptions = options;
        return print();
      },
    };
    constructor(options: Recorded['options']) {
      this.record.options = options;
      windows.push(this.record);
    }
    destroy() {
      this.record.destroyed = true;
    }
  }
  return { electron: { BrowserWindow: FakeWindow as unknown as ElectronParts['BrowserWindow'] }, windows };
}

describe('the desktop PDF printer', () => {
  it('uses a hidden window with every required secure option, no JavaScript and a session of its own', () => {
    expect(checkWebPreferences({ ...PRINT_WEB_PREFERENCES, preload: '/absolute/preload.cjs' })).toEqual([]);
    expect(PRINT_WEB_PREFERENCES.javascript).toBe(false);
    expect(PRINT_WEB_PREFERENCES.partition).not.toMatch(/^persist:/);
  });

  it('loads the page as a data: URL, prints A4 with backgrounds, returns the bytes and closes the window', async () => {
    const { electron, windows } = fakeElectron(async () => Buffer.from('%PDF-1.7 printed'));
    const html = '<!DOCTYPE html><title>Ünïcode العربية</title><p>Report</p>';
    const bytes = await htmlPrinter(electron)(html);
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 printed');
    expect(windows).toHaveLength(1);
    expect(windows[0]).toMatchObject({ options: { show: false, webPreferences: PRINT_WEB_PREFERENCES }, loaded: { kind: 'url', target: 'data:text/html;charset=utf-8;b', content: html }, printOptions: { pageSize: 'A4', printBackground: true, displayHeaderFooter: true }, destroyed: true });
  });

  it('goes through a temporary file for a page too large for a URL, and removes it', async () => {
    const { electron, windows } = fakeElectron(async () => Buffer.from('%PDF-'));
    const html = `<!DOCTYPE html><p>${'word '.repeat(400_000)}</p>`;
    await htmlPrinter(electron)(html);
    const loaded = windows[0]!.loaded!;
    expect(loaded.kind).toBe('file');
    expect(loaded.content).toBe(html);
    expect(existsSync(loaded.target)).toBe(false);
    expect(windows[0]!.destroyed).toBe(true);
  });

  it('closes the window when printing fails, and passes the error on', async () => {
    const { electron, windows } = fakeElectron(async () => {
      throw new Error('printing failed');
    });
    await expect(htmlPrinter(electron)('<p>x</p>')).rejects.toThrow('printing failed');
    expect(windows[0]!.destroyed).toBe(true);
  });
});

describe('the PDF export with a printer', () => {
  let work: string;
  let store: ProjectStore;
  beforeEach(async () => {
    work = await mkdtemp(join(tmpdir(), 'factmark-pdf-desktop-'));
    store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    await store.createDocument('Speech', 'The minister said unemployment fell by 40 percent.');
  });
  afterEach(async () => {
    await store.close();
    await rm(work, { recursive: true, force: true });
  });

  it('prints the HTML report when the host can print, and lays out the Markdown report with pdfkit when it cannot', async () => {
    const printed: string[] = [];
    const request = { format: 'pdf', documentIds: [], options: { ...DEFAULT_REPORT_OPTIONS }, analyst: 'Sara' };
    const file = await buildReportFile(store, request, '2026-11-27T17:29:22.000Z', async (html) => {
      printed.push(html);
      return new Uint8Array(Buffer.from('%PDF-printed'));
    });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^<!DOCTYPE html>/);
    expect(printed[0]).toContain('Desk: fact-check report');
    expect(file).toMatchObject({ fileName: 'Desk report.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(reportFileBytes(file)).toString()).toBe('%PDF-printed');
    const laidOut = reportFileBytes(await buildReportFile(store, request, '2026-11-27T17:29:22.000Z'));
    expect(Buffer.from(laidOut).toString('latin1')).toMatch(/^%PDF-1\.\d/);
    expect(Buffer.from(laidOut).toString('latin1')).toContain('/Producer');
  });
});
