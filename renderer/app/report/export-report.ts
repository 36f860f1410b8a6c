/**
 * Exporting the report: on the desktop the main process asks where with the native dialog and
 * writes the file; in a browser the page downloads the built file under its suggested name.
 */
import type { ReportRequest } from '../../../shared/contract.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { downloadReport } from './report-blob.js';

/** What an export did, in a sentence for the dialog; `ok` is false when it failed. */
export interface ExportOutcome {
  ok: boolean;
  message: string;
}

/** Saves (`nativeDialogs`) or downloads the report of `request`. */
export async function exportReport(request: ReportRequest, nativeDialogs: boolean): Promise<ExportOutcome> {
  if (nativeDialogs) {
    const saved = await api.saveReport(request);
    if (!saved.ok) return { ok: false, message: describeError(saved.error) };
    return { ok: true, message: saved.value === null ? 'Not saved: no file was chosen.' : `Saved to ${saved.value}` };
  }
  const built = await api.buildReport(request);
  if (!built.ok) return { ok: false, message: describeError(built.error) };
  downloadReport(built.value);
  return { ok: true, message: `Downloaded ${built.value.fileName}` };
}
