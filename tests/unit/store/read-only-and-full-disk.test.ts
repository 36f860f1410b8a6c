/**
 * A full disk and a read-only disk: the save fails with DISK_FULL or READ_ONLY, nothing on disk is
 * lost, the changes stay in memory, and they are saved once the disk works again.
 * First on real file systems (a small tmpfs filled up, then remounted read-only; needs root and
 * `mount`), then everywhere with the error injected into the writer's file-system calls.
 */
import * as fsp from 'node:fs/promises';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoredDocument } from '../../../shared/model/index.js';
import type { AtomicFs } from '../../../main/services/store/atomic-file.js';
import { isTemporaryFileName } from '../../../main/services/store/atomic-file.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { fillDisk, MOUNT_PROBLEM, mountTmpfs, remount, skipNote, unmountAll } from '../support/tmpfs.js';
import { errnoError, expectCode, paragraphs, tempDir, testOptions, waitFor } from './helpers.js';

const withMount = it.skipIf(MOUNT_PROBLEM !== null);

afterAll(unmountAll);

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
    remount(disk, 'ro');
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

    remount(disk, 'rw');
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
