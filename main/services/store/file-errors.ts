/**
 * Turning the operating system's file errors (errno codes) into the {@link FactmarkError} codes the
 * user sees, with messages that say what happened to their work and what to do about it.
 */
import { dirname } from 'node:path';
import { FactmarkError } from '../../../shared/result.js';

/** The errno code of a Node file-system error (`ENOENT`, `ENOSPC`, …), or undefined. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The last sentence of each write error, true while the app runs: it keeps the changes in memory
 * (and the project open) until a later save succeeds. A process that exits after the failure (the
 * command line) says what is true for it instead (main/cli/exit-message.ts).
 */
export const KEPT_IN_MEMORY = {
  READ_ONLY: "Your changes are kept in memory; save the project elsewhere or fix the folder's permissions.",
  DISK_FULL: 'Your changes are kept in memory. Free some space, then save again.',
  IO_ERROR: 'Your changes are kept in memory.',
} as const;

/**
 * The error to show when writing `path` failed. Read-only media and missing permissions become
 * `READ_ONLY`, a full disk or quota `DISK_FULL`, anything else `IO_ERROR`. A {@link FactmarkError}
 * passes through unchanged.
 */
export function writeError(error: unknown, path: string): FactmarkError {
  if (error instanceof FactmarkError) return error;
  switch (errnoOf(error)) {
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new FactmarkError(
        'READ_ONLY',
        `Factmark cannot write to ${dirname(path)}: it is read-only. ${KEPT_IN_MEMORY.READ_ONLY}`,
        { path },
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new FactmarkError(
        'DISK_FULL',
        `Factmark cannot save ${path}: the disk is full. Nothing was overwritten: the last saved version is intact. ${KEPT_IN_MEMORY.DISK_FULL}`,
        { path },
      );
    default:
      return new FactmarkError('IO_ERROR', `Factmark could not write ${path}: ${reasonOf(error)}. ${KEPT_IN_MEMORY.IO_ERROR}`, { path });
  }
}

/** The error to show when reading `path` failed: `NOT_FOUND` when it is missing, `IO_ERROR` otherwise. */
export function readError(error: unknown, path: string): FactmarkError {
  if (error instanceof FactmarkError) return error;
  if (errnoOf(error) === 'ENOENT') return new FactmarkError('NOT_FOUND', `${path} does not exist.`, { path });
  return new FactmarkError('IO_ERROR', `Factmark could not read ${path}: ${reasonOf(error)}.`, { path });
}
