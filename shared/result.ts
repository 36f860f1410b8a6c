/**
 * The one way a failure crosses a boundary (IPC, the browser host, the CLI): a plain
 * `{ code, message }` value that the renderer can show and a test can assert on.
 */

/** Every error code a service may return. Codes are stable; messages are for people. */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'FORBIDDEN',
  'NOT_FOUND',
  'NO_PROJECT_OPEN',
  'NOT_A_PROJECT',
  'ALREADY_EXISTS',
  /** Refused because something still uses it (a source cited as evidence, a scale's level in a verdict). */
  'IN_USE',
  /**
   * A document edit sent as a patch on another version than the one main holds (another tab, a reload,
   * a re-import came between); nothing changed, and the editor sends the whole document instead.
   */
  'STALE_BASE',
  /**
   * An edit gave a claim a number another claim holds (another window numbered a claim the same
   * meanwhile); nothing changed, and the error names the number and the next free one.
   */
  'CLAIM_NUMBER_TAKEN',
  'PROJECT_CORRUPT',
  'PROJECT_TOO_NEW',
  'PROJECT_IN_USE',
  'CHANGED_ON_DISK',
  'READ_ONLY',
  'DISK_FULL',
  'IO_ERROR',
  'UNSUPPORTED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure as the user and the renderer see it. `path` and `backupPath` help the user find their work; `claimNumber` lets the renderer renumber. */
export interface AppError {
  code: ErrorCode;
  message: string;
  path?: string;
  backupPath?: string;
  /** With `CLAIM_NUMBER_TAKEN`: the short id taken and the next free one. */
  claimNumber?: { taken: string; next: string };
}

/** The result of every contract call. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Builds a successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Builds a failed result. */
export function fail(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}): Result<never> {
  return { ok: false, error: { code, message, ...extra } };
}

/**
 * An error a service throws on purpose, carrying the code the user should see.
 * The IPC wrapper turns it into a failed {@link Result}; any other thrown value becomes `INTERNAL`.
 */
export class FactmarkError extends Error {
  readonly code: ErrorCode;
  readonly path?: string;
  readonly backupPath?: string;
  readonly claimNumber?: { taken: string; next: string };

  constructor(code: ErrorCode, message: string, extra: Omit<AppError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'FactmarkError';
    this.code = code;
    if (extra.path !== undefined) this.path = extra.path;
    if (extra.backupPath !== undefined) this.backupPath = extra.backupPath;
    if (extra.claimNumber !== undefined) this.claimNumber = extra.claimNumber;
  }

  /** The plain value that crosses the boundary. */
  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.path !== undefined) error.path = this.path;
    if (this.backupPath !== undefined) error.backupPath = this.backupPath;
    if (this.claimNumber !== undefined) error.claimNumber = this.claimNumber;
    return error;
  }
}
