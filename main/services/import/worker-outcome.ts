/**
 * What an import worker's end means for the user: the imported document, or a FactmarkError for
 * that one file that names it, says which limit it passed or what went wrong, and what to do.
 * The calling process is never at risk here: past a limit, the worker has already been stopped.
 */
import { FactmarkError } from '../../../shared/result.js';
import type { WorkerLimits, WorkerOutcome, WorkerScript } from '../workers/run-worker.js';
import type { ImportedDocument } from './types.js';
import type { ImportReply } from './worker.js';

const INSTEAD = 'Split the file into smaller ones, or save it as plain text (.txt), and import that.';

/** A time limit in seconds as a message gives it: whole seconds, or tenths below ten. */
function seconds(ms: number): string {
  return ms >= 10_000 ? String(Math.round(ms / 1000)) : String(Math.round(ms / 100) / 10);
}

/** How messages name what was imported: the file's name in quotes, or the paste. */
export function importLabel(fileName: string): string {
  return fileName ? `"${fileName}"` : 'The pasted content';
}

/** The document the worker replied with, or the error for `fileName` its outcome amounts to. */
export function importedOrThrow(outcome: WorkerOutcome<ImportReply>, fileName: string, limits: WorkerLimits, script: WorkerScript): ImportedDocument {
  const label = importLabel(fileName);
  switch (outcome.kind) {
    case 'replied': {
      const { reply } = outcome;
      if (reply.ok) return reply.document;
      if ('error' in reply) {
        const { code, message, ...extra } = reply.error;
        throw new FactmarkError(code, message, extra);
      }
      throw new FactmarkError('INTERNAL', `Factmark could not read ${label}: its reader failed (${reply.failure}). The file may be damaged: open it in the program that made it and save a new copy, or save it as plain text (.txt), and import that.`);
    }
    case 'out-of-time':
      throw new FactmarkError('UNSUPPORTED', `${label} took more than ${seconds(limits.timeMs ?? 0)} seconds to read, longer than Factmark gives one file, so it stopped reading it. ${INSTEAD}`);
    case 'out-of-memory':
      throw new FactmarkError('UNSUPPORTED', `${label} needs more than ${limits[outcome.limit] ?? '?'} MB of memory to read, more than Factmark gives one file, so it stopped reading it. ${INSTEAD}`);
    case 'stopped':
      throw new FactmarkError('INTERNAL', `Factmark could not read ${label}: its reader stopped unexpectedly (${outcome.why}). ${INSTEAD}`);
    case 'missing':
      throw new FactmarkError('INTERNAL', `Factmark cannot import anything: its import worker ${script.file} is missing. Build Factmark again (npm run build) or reinstall it.`);
  }
}
