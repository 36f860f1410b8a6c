/**
 * Atomic file replacement: a reader (or a crash) sees either the old file or the new one, never a
 * part of either. lowdb's own writer (steno) renames a temporary file too but never fsyncs, so a
 * power cut can leave an empty file behind; this one follows security.md "Never lose work".
 * The same steps, split in two, let a save pass replace several files together
 * (./commit-journal.ts): {@link stageFile} writes a file's new bytes beside it, {@link placeStaged}
 * puts them in place.
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

/** True for the files {@link stageFile} makes: new bytes waiting to be put in place. */
export function isStagedFileName(name: string): boolean {
  return /^\..+\.[0-9a-f]{12}\.staged$/.test(name);
}

/**
 * Removes the temporary files a killed writer left in `folder` (or the files `which` picks). Call
 * it only where no write can be running (the project lock is held). Best effort: what cannot be
 * removed stays.
 */
export async function removeTemporaryFiles(folder: string, which: (name: string) => boolean = isTemporaryFileName): Promise<void> {
  const names = await nodeFs.readdir(folder).catch(() => [] as string[]);
  await Promise.all(names.filter(which).map((name) => nodeFs.rm(join(folder, name), { force: true }).catch(() => undefined)));
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
  const { staged, fingerprint } = await stageFile(path, data, fs, 'tmp');
  try {
    await placeStaged(staged, path, options.keepBackup !== false, fs);
  } catch (error) {
    await fs.rm(staged, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path), fs);
  return fingerprint;
}

/** A file's new bytes written beside it, not yet in place. */
export interface StagedBytes {
  /** The file holding the new bytes, in the target's folder. */
  staged: string;
  /** The fingerprint the target will have once the staged file is put in place. */
  fingerprint: FileFingerprint;
}

/**
 * Writes `data` to a new file beside `path` (`.<name>.<random>.staged`, or `.tmp` for
 * {@link writeFileAtomic}) and fsyncs it; `path` is untouched. On failure the new file is
 * removed and the error arrives as a {@link FactmarkError}.
 */
export async function stageFile(path: string, data: string | Uint8Array, fs: AtomicFs = nodeFs, kind: 'staged' | 'tmp' = 'staged'): Promise<StagedBytes> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const staged = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.${kind}`);
  try {
    const handle = await fs.open(staged, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
      return { staged, fingerprint: { mtimeMs: (await handle.stat()).mtimeMs, size: bytes.length, sha256: sha256Hex(bytes) } };
    } finally {
      await handle.close();
    }
  } catch (error) {
    await fs.rm(staged, { force: true }).catch(() => undefined);
    throw writeError(error, path);
  }
}

/**
 * Puts a staged file in place: keeps the current `target` as `<target>.bak` when `backup`, then
 * renames the staged file over it. On failure `target` is untouched (its `.bak` may already be
 * the current version), the staged file stays (the caller decides whether it is still wanted),
 * and the error is a {@link FactmarkError}. The caller fsyncs the folder ({@link syncFolder}).
 */
export async function placeStaged(staged: string, target: string, backup: boolean, fs: AtomicFs = nodeFs): Promise<void> {
  try {
    if (backup) await keepBackup(target, fs);
    await fs.rename(staged, target);
  } catch (error) {
    throw writeError(error, target);
  }
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

/** Makes renames in `folder` durable. Platforms that cannot fsync a folder are let be. */
export async function syncFolder(folder: string, fs: AtomicFs): Promise<void> {
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
