/**
 * Real small file systems for tests of a full or read-only disk: a tmpfs mounted for the test file
 * (needs root and `mount` on Linux; tests skip themselves with the reason elsewhere), and a way to
 * fill it to the last byte.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errnoOf } from '../../../main/services/store/file-errors.js';

/** Why tmpfs cannot be mounted here (not root, no `mount`, a sandbox), or null when it can. */
function mountProblem(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not running as root';
  const probe = mkdtempSync(join(tmpdir(), 'factmark-mount-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'pipe' });
    execFileSync('umount', [probe], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount is not permitted (${String((error as { stderr?: Buffer }).stderr ?? error).trim()})`;
  } finally {
    rmdirSync(probe);
  }
}

/** Why tmpfs tests cannot run here, or null when they can. */
export const MOUNT_PROBLEM = mountProblem();
/** What a test's name says when it is skipped for {@link MOUNT_PROBLEM}. */
export const skipNote = MOUNT_PROBLEM === null ? '' : ` [SKIPPED: ${MOUNT_PROBLEM}]`;

const mounted: string[] = [];

/** A fresh tmpfs of `size` (e.g. `256k`); {@link unmountAll} removes it. */
export async function mountTmpfs(size: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'factmark-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  mounted.push(dir);
  return dir;
}

/** Remounts a tmpfs read-only (`ro`) or read-write (`rw`). */
export function remount(dir: string, mode: 'ro' | 'rw'): void {
  execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
}

/** Unmounts and removes every tmpfs {@link mountTmpfs} made (call it after the file's tests). */
export async function unmountAll(): Promise<void> {
  for (const dir of mounted.splice(0)) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes `path` until the file system has no byte left. */
export function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [64 * 1024, 4096, 1]) {
      const chunk = Buffer.alloc(size, 0x61);
      for (;;) {
        try {
          if (writeSync(fd, chunk) < size) break;
        } catch (error) {
          if (errnoOf(error) === 'ENOSPC') break;
          throw error;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}
