/**
 * A full disk and a read-only disk: the save fails with DISK_FULL or READ_ONLY, nothing on disk is
 * lost, the changes stay in memory, and they are saved once the disk works again.
 * First on real file systems (a small tmpfs filled up, then remounted read-only; needs root and
 * `mount`), then everywhere with the error injected into the writer's file-system calls.
 */
import { execFileSync } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import { closeSync, mkdtempSync, openSync, rmdirSync, writeSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoredDocument } from '../../../shared/model/index.js';
import type { AtomicFs } from '../../../main/services/store/atomic-file.js';
import { isTemporaryFileName } from '../../../main/services/store/atomic-file.js';
import { errnoOf } from '../../../main/services/store/file-errors.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { errnoError, expectCode, paragraphs, tempDir, testOptions, waitFor } from './helpers.js';

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

const MOUNT_PROBLEM = mountProblem();
const withMount = it.skipIf(MOUNT_PROBLEM !== null);
const skipNote = MOUNT_PROBLEM === null ? '' : ` [SKIPPED: ${MOUNT_PROBLEM}]`;

const mounted: string[] = [];
afterAll(async () => {
  for (const dir of mounted) {
    try {
      execFileSync('umount', [dir], { stdio: 'pipe' });
    } catch {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
    }
    await rm(dir, { recursive: true, force: true });
  }
});

/** A fresh tmpfs of `size` (e.g. `256k`), unmounted after the file's tests. */
async function mountTmpfs(size: string): Promise<string> {
  const dir = await fsp.mkdtemp(join(tmpdir(), 'factmark-tmpfs-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'pipe' });
  mounted.push(dir);
  return dir;
}

/** Writes `path` until the file system has no byte left. */
function fillDisk(path: string): void {
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

/** An open project with one loaded document on `dir`, autosave far off. */
async function projectOn(dir: string, options = testOptions({ autosaveDelayMs: 60_000 })) {
  const store = await ProjectStore.create(join(dir, 'Disk'), 'Disk', options);
  const { id } = await store.createDocument('Doc', 'Saved before the trouble.');
  await store.getDocument(id);
  const file = join(store.path, 'documents', `${id}.json`);
  return { store, id, file, before: await readFile(file) };
}

const contentOnDisk = async (file: string) => StoredDocument.parse(JSON.parse(await readFile(file, 'utf8'))).content;
const temporaryFiles = async (dir: string) => (await readdir(dir)).filter(isTemporaryFileName);

describe('on real file systems', () => {
  withMount(`a full tmpfs: DISK_FULL, the previous file intact, saved once space is freed${skipNote}`, async () => {
    const disk = await mountTmpfs('256k');
    const { store, id, file, before } = await projectOn(disk);
    fillDisk(join(disk, 'filler'));
    const edited = paragraphs('x'.repeat(20_000));
    store.updateDocumentContent(id, edited, [], { reason: 'edit' });

    const status = await store.saveNow();
    expect(status.error).toMatchObject({ code: 'DISK_FULL', path: file, message: expect.stringContaining('disk is full') });
    expect(await readFile(file)).toEqual(before);
    expect(await temporaryFiles(join(store.path, 'documents'))).toEqual([]);
    expect(store.hasUnsavedChanges()).toBe(true);
    expect((await store.getDocument(id)).content).toEqual(edited);
    await expectCode(store.close(), 'DISK_FULL');

    await rm(join(disk, 'filler'));
    expect(await store.saveNow()).toMatchObject({ state: 'saved', error: null });
    expect(await contentOnDisk(file)).toEqual(edited);
    await store.close();
  });

  withMount(`a tmpfs remounted read-only: READ_ONLY, nothing lost, saved after remounting read-write${skipNote}`, async () => {
    const disk = await mountTmpfs('4m');
    const { store, id, file, before } = await projectOn(disk);
    execFileSync('mount', ['-o', 'remount,ro', disk], { stdio: 'pipe' });
    const edited = paragraphs('Edited while the disk was read-only.');
    store.updateDocumentContent(id, edited, [], { reason: 'edit' });

    const status = await store.saveNow();
    expect(status.error).toMatchObject({ code: 'READ_ONLY', path: file });
    expect(status.error!.message).toBe(
      `Factmark cannot write to ${join(store.path, 'documents')}: it is read-only. Your changes are kept in memory; save the project elsewhere or fix the folder's permissions.`,
    );
    expect(await readFile(file)).toEqual(before);
    expect((await store.getDocument(id)).content).toEqual(edited);
    await expectCode(store.close(), 'READ_ONLY');
    await expectCode(ProjectStore.create(join(disk, 'Another'), 'Another', testOptions()), 'READ_ONLY');

    execFileSync('mount', ['-o', 'remount,rw', disk], { stdio: 'pipe' });
    expect(await store.saveNow()).toMatchObject({ state: 'saved', error: null });
    expect(await contentOnDisk(file)).toEqual(edited);
    await store.close();
  });
});

describe('with the error injected (runs everywhere)', () => {
  /** The real fs, except that opening a temporary file fails with `state.code` while it is set; counts the attempts. */
  function brokenDisk() {
    const state = { code: null as string | null, attempts: 0 };
    const fs: AtomicFs = {
      ...fsp,
      open: (async (path: string, flags?: string) => {
        if (flags === 'wx') {
          state.attempts++;
          if (state.code) throw errnoError(state.code);
        }
        return fsp.open(path, flags);
      }) as AtomicFs['open'],
    };
    return { state, fs };
  }

  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EROFS', 'READ_ONLY'],
    ['EACCES', 'READ_ONLY'],
  ] as const)('%s on autosave: %s in the status, data kept, retried on the next change, saved after the fix', async (errno, code) => {
    const disk = brokenDisk();
    const { store, id, file, before } = await projectOn(await tempDir(), testOptions({ autosaveDelayMs: 20, fs: disk.fs }));
    disk.state.code = errno;
    store.updateDocumentContent(id, paragraphs('First try.'), [], { reason: 'edit' });
    await waitFor(() => store.status().state === 'error');
    expect(store.status().error).toMatchObject({ code, path: file });
    expect(await readFile(file)).toEqual(before);

    const attempts = disk.state.attempts;
    store.updateDocumentContent(id, paragraphs('Second try.'), [], { reason: 'edit' });
    expect(store.status().state).toBe('error'); // the error stays shown until a save succeeds
    await waitFor(() => disk.state.attempts > attempts);
    expect(store.status().error?.code).toBe(code);
    await expectCode(store.close(), code);

    disk.state.code = null;
    store.updateDocumentContent(id, paragraphs('Third try.'), [], { reason: 'edit' });
    await waitFor(() => store.status().state === 'saved');
    expect(await contentOnDisk(file)).toEqual(paragraphs('Third try.'));
    expect(store.status().error).toBeNull();
    await store.close();
  });

  it('a document created while the disk is full exists in memory only until it can be written', async () => {
    const disk = brokenDisk();
    const { store } = await projectOn(await tempDir(), testOptions({ autosaveDelayMs: 60_000, fs: disk.fs }));
    disk.state.code = 'ENOSPC';
    const summary = await store.createDocument('New', 'Typed while the disk was full.');
    expect(store.status().error?.code).toBe('DISK_FULL');
    expect(await readdir(join(store.path, 'documents'))).not.toContain(`${summary.id}.json`);
    // project.json was not written either: it never lists a document whose file is missing.
    expect(JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')).documents).toHaveLength(1);
    disk.state.code = null;
    await store.saveNow();
    expect(await readdir(join(store.path, 'documents'))).toContain(`${summary.id}.json`);
    expect(JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')).documents).toHaveLength(2);
    await store.close();
  });
});
