/**
 * Building a report of the open project: the format looked up in the report formats, the documents
 * loaded from the store, the text rendered by the format's pure function, and the file name the
 * save dialog and the command line suggest.
 */
import type { ReportFile, ReportRequest } from '../../../shared/contract.js';
import { REPORT_FORMATS, type ReportFormat } from '../../../shared/report/index.js';
import { FactmarkError } from '../../../shared/result.js';
import type { ProjectStore } from '../store/project-store.js';
import { reportFileName } from './file-name.js';

/** The report format named `id`; INVALID_ARGUMENT listing the formats when there is none. */
export function reportFormatNamed(id: string): ReportFormat {
  const format = REPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new FactmarkError('INVALID_ARGUMENT', `There is no report format “${id}”. The formats: ${REPORT_FORMATS.map((f) => f.id).join(', ')}.`);
  return format;
}

/**
 * The report `request` asks for, made from the project in `store` at `generatedAt` (ISO timestamp).
 * No document ids means every document; the report lists them in the project's order.
 */
export async function buildReportFile(store: ProjectStore, request: ReportRequest, generatedAt: string): Promise<ReportFile> {
  const format = reportFormatNamed(request.format);
  const { project } = store;
  const known = new Set(project.documents.map((d) => d.id));
  const unknown = request.documentIds.find((id) => !known.has(id));
  if (unknown !== undefined) throw new FactmarkError('NOT_FOUND', `There is no document "${unknown}" in this project.`);
  const wanted = new Set(request.documentIds);
  const chosen = project.documents.filter((d) => wanted.size === 0 || wanted.has(d.id));
  const documents = [];
  for (const summary of chosen) documents.push(await store.getDocument(summary.id));
  const text = format.render({ project: store.project, documents, generatedAt, analyst: request.analyst }, request.options);
  return { fileName: reportFileName(project.name, format), mimeType: format.mimeType, text };
}
