/** The file name a report is offered under: safe on Windows, macOS and Linux alike. */
import type { ReportFormat } from '../../../shared/report/index.js';

/** Characters Windows, macOS or Linux refuse in a file name (control characters are refused as well). */
const UNSAFE = new Set(['<', '>', ':', '"', '/', '\\', '|', '?', '*', '\u007f']);

/** The formats that are the report itself rather than data from it. */
const READ_BY_PEOPLE = new Set(['md', 'html', 'pdf']);

/** The longest project name kept in a file name, in code points (file systems allow 255 bytes). */
const MAX_NAME = 100;

/**
 * `<project name> report.<ext>` for the reports people read (md, html, pdf), `<project name> <format>.<ext>`
 * for the others; unsafe characters become `_`, and leading or trailing dots and spaces go.
 */
export function reportFileName(projectName: string, format: Pick<ReportFormat, 'id' | 'extension'>): string {
  const safe = [...projectName].map((c) => (c < ' ' || UNSAFE.has(c) ? '_' : c));
  const cleaned = safe.slice(0, MAX_NAME).join('').replace(/^[\s.]+|[\s.]+$/g, '');
  const kind = READ_BY_PEOPLE.has(format.id) ? 'report' : format.id;
  return `${cleaned === '' ? 'Factmark' : cleaned} ${kind}.${format.extension}`;
}
