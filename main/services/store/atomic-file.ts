/**
 * Atomic file replacement: a reader (or a crash) sees either the old file or the new one, never a
 * part of either. lowdb's own writer (steno) renames a temporary file too but never fsyncs, so a
 * power cut can leave an empty file behind; this one follows security.md "Never lose work".
 */
import { randomBytes } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoOf, writeError } from './file-errors.js';
import { sha256Hex, type FileFingerprint } from './fingerprint.js';

/** The file-system calls the writer makes; tests pass a copy with one call made to fail. */
export type AtomicFs = Pick<typeof nodeFs, 'open' | 'rename' | 'link' | 'copyFile' | 'rm'>;

/** Errors that only mean "this platform cannot fsync a folder" (Windows, some network shares). */
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP']);

/** The name of the backup kept beside `path`: the version the last write replaced. */
export function backupPathOf(path: string): string {
  return `${path}.bak`;
}

/** True for the temporary files {@link writeFileAtomic} makes. */
export function isTemporaryFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.tmp$/.test(name);
}

/**
 * Removes the temporary files a killed writer left in `folder`. Call it only where no write can be
 * running (the project lock is held). Best effort: what cannot be removed stays.
 */
export async function removeTemporaryFiles(folder: string): Promise<void> {
  const names = await nodeFs.readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter(isTemporaryFileName).map((name) => nodeFs.rm(join(folder, name), { force: true }).catch(() => undefined)));
}

/**
 * Replaces `path` with `data`: writes a temporary file in the same folder (`wx`, unique name),
 * fsyncs it, keeps the current file as `<path>.bak`, renames the temporary file over `path` and
 * fsyncs the folder. On failure the temporary file is removed, `path` is untouched, and the error
 * arrives as a {@link FactmarkError} (`READ_ONLY`, `DISK_FULL` or `IO_ERROR`).
 * Returns the fingerprint of what was written. `keepBackup: false` skips the `.bak` (for files
 * Factmark only produces, such as exported reports, where a backup is clutter beside the user's file).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, fs: AtomicFs = nodeFs, options: { keepBackup?: boolean } = {}): Promise<FileFingerprint> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const folder = dirname(path);
  const temporary = join(folder, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let mtimeMs: number;
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      mtimeMs = (await handle.stat()).mtimeMs;
    } finally {
      await handle.close();
    }
    if (options.keepBackup !== false) await keepBackup(path, fs);
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    throw writeError(error, path);
  }
  await syncFolder(folder, fs);
  return { mtimeMs, size: bytes.length, sha256: sha256Hex(bytes) };
}

/**
 * Keeps the file about to be replaced as `<path>.bak`. A hard link costs no copy and is the old
 * bytes exactly; file systems without hard links (FAT, some shares) get a copy instead.
 */
async function keepBackup(path: string, fs: AtomicFs): Promise<void> {
  const backup = backupPathOf(path);
  await fs.rm(backup, { force: true });
  try {
    await fs.link(path, backup);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return; // first write: nothing to keep
    await fs.copyFile(path, backup);
  }
}

/** Makes the rename itself durable. Platforms that cannot fsync a folder are let be. */
async function syncFolder(folder: string, fs: AtomicFs): Promise<void> {
  let handle;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has(errnoOf(error) ?? '')) throw writeError(error, folder);
  } finally {
    await handle?.close();
  }
}
