/**
 * A built report as a file to download in a browser: the text formats as UTF-8, a binary one (the
 * PDF, which arrives base64-encoded because the browser host speaks JSON) as its exact bytes.
 */
import type { ReportFile } from '../../../shared/contract.js';

/** The bytes base64 `encoded` stands for. */
export function base64Bytes(encoded: string): Uint8Array<ArrayBuffer> {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The report's file as a Blob of its MIME type (without parameters; text gets `charset=utf-8`). */
export function reportBlob(file: ReportFile): Blob {
  const type = file.mimeType.split(';')[0]!.trim();
  return file.base64 !== undefined ? new Blob([base64Bytes(file.base64)], { type }) : new Blob([file.text], { type: `${type};charset=utf-8` });
}

/** Downloads the report under its suggested file name. */
export function downloadReport(file: ReportFile): void {
  const url = URL.createObjectURL(reportBlob(file));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the bytes once the click is handled; free them after.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
