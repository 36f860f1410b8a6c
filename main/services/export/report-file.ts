/**
 * Building a report of the open project: the format looked up in the report formats, the documents
 * loaded from the store, the text rendered by the format's pure function (and, for the PDF, laid
 * out as a PDF from that text), and the file name the save dialog and the command line suggest.
 * The PDF layout (pdfkit, fontkit and the fonts) runs on a worker thread of its own for each PDF
 * (pdf/in-worker.ts): never at startup, and never on the event loop of the process that asked.
 */
import type { ReportFile, ReportRequest } from '../../../shared/contract.js';
import { htmlReport, REPORT_FORMATS, type ReportFormat } from '../../../shared/report/index.js';
import { FactmarkError } from '../../../shared/result.js';
import type { ProjectStore } from '../store/project-store.js';
import type { HostAbilities } from '../types.js';
import { reportFileName } from './file-name.js';
import { pdfFromMarkdownInWorker } from './pdf/in-worker.js';

/** The report format named `id`; INVALID_ARGUMENT listing the formats when there is none. */
export function reportFormatNamed(id: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new FactmarkError('INVALID_ARGUMENT', `There is no report format “${id}”. The formats: ${REPORT_FORMATS.map((f) => f.id).join(', ')}.`);
  return format;
}

/**
 * The report `request` asks for, made from the project in `store` at `generatedAt` (ISO timestamp).
 * No document ids means every document; the report lists them in the project's order. The PDF is
 * the HTML report printed by `printHtmlToPdf` where the host can (the desktop), else the Markdown
 * report laid out by pdfkit on a worker thread (reproducible byte for byte).
 */
export async function buildReportFile(store: ProjectStore, request: ReportRequest, generatedAt: string, printHtmlToPdf?: HostAbilities['printHtmlToPdf']): Promise<ReportFile> {
  const format = reportFormatNamed(request.format);
  const { project } = store;
  const known = new Set(project.documents.map((d) => d.id));
  const unknown = request.documentIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new FactmarkError('NOT_FOUND', `There is no document "${unknown}" in this project.`);
  const wanted = new Set(request.documentIds);
  const chosen = project.documents.filter((d) => wanted.size === 0 || wanted.has(d.id));
  const documents = [];
  for (const summary of chosen) documents.push(await store.getDocument(summary.id));
  const input = { project: store.project, documents, generatedAt, analyst: request.analyst, organisation: request.organisation };
  const text = format.render(input, request.options);
  const fileName = reportFileName(project.name, format);
  if (format.binary === 'pdf') {
    const bytes = printHtmlToPdf ? await printHtmlToPdf(htmlReport(input, request.options)) : await pdfFromMarkdownInWorker(text, { generatedAt, author: request.analyst, title: project.name });
    return { fileName, mimeType: format.mimeType, base64: Buffer.from(bytes).toString('base64') };
  }
  return { fileName, mimeType: format.mimeType, text };
}

/** The bytes to write for `file`: its text as UTF-8, or its decoded bytes. */
export function reportFileBytes(file: ReportFile): Uint8Array {
  return file.base64 !== undefined ? new Uint8Array(Buffer.from(file.base64, 'base64')) : new Uint8Array(Buffer.from(file.text, 'utf8'));
}
