/** Turning contract failures into what the analyst reads. */
import type { AppError, Result } from '../../shared/result.js';

/** A message for the user: what happened, and where their backup is when there is one. */
export function describeError(error: AppError): string {
  const backup = error.backupPath && !error.message.includes(error.backupPath) ? ` A backup of the last good save is at ${error.backupPath}.` : '';
  return `${error.message}${backup}`;
}

/** The value of a successful result, or undefined after reporting the failure. */
export function valueOr<T>(result: Result<T>, report: (message: string) => void): T | undefined {
  if (result.ok) return result.value;
  report(describeError(result.error));
  return undefined;
}
