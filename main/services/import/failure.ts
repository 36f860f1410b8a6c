/**
 * One file's failure in a batch import, whatever was thrown, as that file's own error: a batch
 * (File → Import of several files, `factmark import a b c`) reports each file beside the others
 * and never stops at the first unexpected error, which would leave the files after it unimported
 * and the ones before it unreported.
 */
import { FactmarkError } from '../../../shared/result.js';
import { importLabel } from './worker-outcome.js';

/** `error` as it is when it is a FactmarkError, else as an INTERNAL error that names the file. */
export function importFailure(fileName: string, error: unknown): FactmarkError {
  if (error instanceof FactmarkError) return error;
  const why = error instanceof Error ? error.message : String(error);
  return new FactmarkError('INTERNAL', `Factmark could not import ${importLabel(fileName)}: ${why}`);
}
