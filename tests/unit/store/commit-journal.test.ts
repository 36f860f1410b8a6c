/**
 * A save pass commits its files together (main/services/store/commit-journal.ts): a change that
 * spans files is on disk whole or not at all; a commit a stopped writer left is read by readers
 * and finished by the next writer; staged files of a save that never committed are never read and
 * are removed; a journal naming files outside the project is refused untouched.
 */
import * as fsp from 'node:fs/promises';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { isStagedFileName, type AtomicFs } from '../../../main/services/store/atomic-file.js';
import { JOURNAL_FILE } from '../../../main/services/store/commit-journal.js';
import { readProjectSnapshot } from '../../../main/services/store/project-snapshot.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { errnoError, expectCode, tempDir, testOptions } from './helpers.js';

/** The real fs, with staging `project.json` failing while `fault.projectJson` and renames of staged files failing while `fault.placing`. */
function faultyFs() {
  const fault = { projectJson: false, placing: false };
  const fs: AtomicFs = {
    ...fsp,
    open: (async (path: string, flags?: string) => {
      if (fault.projectJson && flags === 'wx' && path.includes('.project.json.') && path.endsWith('.staged')) throw errnoError('ENOSPC');
      return fsp.open(path, flags);
    }) as AtomicFs['open'],
    rename: async (from, to) => {
      if (fault.placing && String(from).endsWith('.staged')) throw errnoError('EIO');
      return fsp.rename(from, to);
    },
  };
  return { fault, fs };
}

const readProject = async (folder: string) => StoredProject.parse(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')));
const readDocument = async (folder: string, id: string) => StoredDocument.parse(JSON.parse(await readFile(join(folder, 'documents', `${id}.json`), 'utf8')));
const staged = async (folder: string) => [...(await readdir(folder)), ...(await readdir(join(folder, 'documents')))].filter(isStagedFileName);

/** A project with one document, open with `fs`, autosave far off. */
async function openWith(fs: AtomicFs) {
  const created = await ProjectStore.create(join(await tempDir(), 'Journal'), 'Journal', testOptions());
  const { id } = await created.createDocument('Speech', 'The words.');
  await created.close();
  const store = await ProjectStore.open(created.path, testOptions({ autosaveDelayMs: 60_000, fs }));
  await store.getDocument(id);
  return { store, folder: created.path, id };
}

describe('a save pass over several files', () => {
  it('commits nothing when one of its files cannot be written, and all of them once it can', async () => {
    const { fault, fs } = faultyFs();
    const { store, folder, id } = await openWith(fs);
    fault.projectJson = true;
    await store.renameDocument(id, 'Renamed'); // the document file and project.json
    expect(store.status().error?.code).toBe('DISK_FULL');
    expect((await readDocument(folder, id)).title).toBe('Speech');
    expect((await readProject(folder)).documents[0]!.title).toBe('Speech');
    const { id: added } = await store.createDocument('Added', 'New words.');
    expect((await readProject(folder)).documents.map((d) => d.id)).not.toContain(added);
    expect(await readdir(join(folder, 'documents'))).not.toContain(`${added}.json`);
    expect(await staged(folder)).toEqual([]);

    fault.projectJson = false;
    expect(await store.saveNow()).toMatchObject({ state: 'saved', error: null });
    expect((await readDocument(folder, id)).title).toBe('Renamed');
    expect((await readProject(folder)).documents.map((d) => d.title)).toEqual(['Renamed', 'Added']);
    await store.close();
  });

  it('counts as saved once committed; readers read the commit before it is in place, and the next writer finishes it', async () => {
    const { fault, fs } = faultyFs();
    const { store, folder, id } = await openWith(fs);
    fault.placing = true;
    await store.renameDocument(id, 'Committed');
    expect(store.status()).toMatchObject({ state: 'saved', error: null });
    expect(await readdir(folder)).toContain(JOURNAL_FILE);
    expect((await readDocument(folder, id)).title).toBe('Speech'); // not in place yet
    const read = await readProjectSnapshot(folder);
    expect(read.project.data.documents[0]!.title).toBe('Committed');
    expect(read.documents.get(id)!.data.title).toBe('Committed');
    await store.close();

    const next = await ProjectStore.open(folder, testOptions());
    expect(next.project.documents[0]!.title).toBe('Committed');
    expect((await readDocument(folder, id)).title).toBe('Committed');
    expect(JSON.parse(await readFile(join(folder, 'documents', `${id}.json.bak`), 'utf8')).title).toBe('Speech');
    expect(await readdir(folder)).not.toContain(JOURNAL_FILE);
    expect(await staged(folder)).toEqual([]);
    await next.close();
  });

  it('never reads staged files of a save that did not commit, and the next writer removes them', async () => {
    const { store, folder } = await openWith(fsp);
    await store.close();
    const project = await readFile(join(folder, 'project.json'), 'utf8');
    const stray = join(folder, '.project.json.0123456789ab.staged');
    await writeFile(stray, JSON.stringify({ ...JSON.parse(project), name: 'Never committed' }));
    expect((await readProjectSnapshot(folder)).project.data.name).toBe('Journal');
    const next = await ProjectStore.open(folder, testOptions());
    expect(next.project.name).toBe('Journal');
    expect(await staged(folder)).toEqual([]);
    await next.close();
  });

  it.each([
    ['a file outside the project', { staged: '../.evil.json.0123456789ab.staged', target: '../evil.json', backup: false }],
    ['a staged name of another file', { staged: '.other.json.0123456789ab.staged', target: 'project.json', backup: false }],
  ])('refuses a journal naming %s, and leaves everything as it is', async (_label, entry) => {
    const { store, folder } = await openWith(fsp);
    await store.close();
    const journal = JSON.stringify({ format: 'factmark-commit', files: [entry, entry] });
    await writeFile(join(folder, JOURNAL_FILE), journal);
    const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_CORRUPT');
    expect(error.message).toContain(join(folder, JOURNAL_FILE));
    await expectCode(ProjectStore.openReadOnly(folder), 'PROJECT_CORRUPT');
    expect(await readFile(join(folder, JOURNAL_FILE), 'utf8')).toBe(journal);
    expect(await readdir(folder)).not.toContain('.lock');
  });
});
