/**
 * The library's files in and out of the page: the CSL-JSON text of a chosen file, a download of the
 * exported library, and the sentence that reports an import. A Blob download works alike in the
 * browser host and in the desktop app's window.
 */
import type { SourcesImported } from '../../../shared/contract.js';

/** Offers `text` as a downloaded file named `fileName`. */
export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click is handled; free them after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** The name of the exported library: "<project name> sources.json", without characters file systems refuse. */
export function exportFileName(projectName: string): string {
  return `${projectName.replace(/[\\/:*?"<>|]+/g, ' ').trim() || 'Factmark'} sources.json`;
}

/** "Added 3 sources from zotero.json. 1 duplicate skipped. 1 refused: …" */
export function importReport(fileName: string, outcome: Omit<SourcesImported, 'view'>): string {
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;
  const parts = [`Added ${plural(outcome.added, 'source', 'sources')} from ${fileName}.`];
  if (outcome.duplicates > 0) parts.push(`${plural(outcome.duplicates, 'duplicate', 'duplicates')} skipped (already in the library).`);
  if (outcome.refused.length > 0) parts.push(`${plural(outcome.refused.length, 'entry', 'entries')} refused: ${outcome.refused.join(' ')}`);
  return parts.join(' ');
}
