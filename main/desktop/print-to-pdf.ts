/**
 * The desktop's PDF report: Chromium prints the self-contained HTML report (its print styles, real
 * text shaping, every font the system has) in a hidden window that runs no script, has no preload
 * and no Node, and lives in a session of its own (in memory) so it shares nothing with the app's
 * pages. Not deterministic: Chromium stamps the PDF with the time it was printed, so the desktop's
 * PDF differs from one export to the next; the command line and the browser host make the
 * byte-for-byte reproducible pdfkit PDF (main/services/export/pdf).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REQUIRED_WEB_PREFERENCES } from '../security/window-options.js';
import type { ElectronParts } from './electron-parts.js';

/**
 * The print window's webPreferences: the options every Factmark window must have
 * (main/security/window-options.ts), and no JavaScript, no spellchecker, no persistent session.
 */
export const PRINT_WEB_PREFERENCES = {
  ...REQUIRED_WEB_PREFERENCES,
  javascript: false,
  spellcheck: false,
  partition: 'factmark-print',
} as const;

/** Pages larger than this go through a temporary file: Chromium refuses URLs over 2 MB. */
const MAX_DATA_URL = 1_500_000;

/** Prints `html` to a PDF (A4, backgrounds on, an outline from the headings, page numbers) in a fresh hidden window. */
export function htmlPrinter(electron: Pick<ElectronParts, 'BrowserWindow'>): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
    const folder = dataUrl.length > MAX_DATA_URL ? await mkdtemp(join(tmpdir(), 'factmark-print-')) : null;
    const window = new electron.BrowserWindow({ show: false, width: 794, height: 1123, webPreferences: PRINT_WEB_PREFERENCES });
    try {
      if (folder) {
        const file = join(folder, `${randomBytes(6).toString('hex')}.html`);
        await writeFile(file, html, 'utf8');
        await window.webContents.loadFile(file);
      } else {
        await window.webContents.loadURL(dataUrl);
      }
      const pdf = await window.webContents.printToPDF({
        pageSize: 'A4',
        printBackground: true,
        generateDocumentOutline: true,
        generateTaggedPDF: true,
        // "N / M" at the foot of each page, as in the pdfkit PDF (Chromium fills the spans in itself, no script involved).
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: '<div style="width:100%;font-size:8px;color:#57606a;text-align:center"><span class="pageNumber"></span> / <span class="totalPages"></span></div>',
      });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
      if (folder) await rm(folder, { recursive: true, force: true });
    }
  };
}
