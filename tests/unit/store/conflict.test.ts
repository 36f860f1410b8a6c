/**
 * Files changed by another program after Factmark read them (an editor, a sync tool): saving
 * refuses with CHANGED_ON_DISK and keeps our data; the user overwrites or reloads.
 */
import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, paragraphs, tempDir, testOptions } from './helpers.js';

const stores: ProjectStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close().catch(() => undefined);
});

/** An open project with one loaded document; autosave far off so each test saves explicitly. */
async function project() {
  const dir = await tempDir();
  const store = await ProjectStore.create(join(dir, 'Check'), 'Check', testOptions({ autosaveDelayMs: 60_000 }));
  stores.push(store);
  const { id } = await store.createDocument('Speech', 'Original.');
  await store.getDocument(id);
  const projectFile = join(store.path, 'project.json');
  const documentFile = join(store.path, 'documents', `${id}.json`);
  return { store, id, projectFile, documentFile };
}

/** Another program rewrites a JSON file, changing some fields. */
async function editElsewhere(file: string, change: Record<string, unknown>): Promise<string> {
  const text = JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), ...change }, null, 2);
  await writeFile(file, text);
  return text;
}

describe('project.json changed by another program', () => {
  it('refuses to save over it, keeps our change, and will not close', async () => {
    const { store, id, projectFile } = await project();
    const theirs = await editElsewhere(projectFile, { name: 'Renamed by a sync tool' });
    await store.renameDocument(id, 'Our title');
    const status = store.status();
    expect(status.state).toBe('error');
    expect(status.error).toMatchObject({ code: 'CHANGED_ON_DISK', path: projectFile });
    expect(status.error!.message).toContain(projectFile);
    expect(await readFile(projectFile, 'utf8')).toBe(theirs);
    expect(store.project.documents[0]!.title).toBe('Our title');
    expect(store.hasUnsavedChanges()).toBe(true);
    await expectCode(store.close(), 'CHANGED_ON_DISK');
    await expectCode(ProjectStore.open(store.path, testOptions()), 'PROJECT_IN_USE');
  });

  it('overwrite writes ours, and theirs becomes the backup', async () => {
    const { store, id, projectFile } = await project();
    const theirs = await editElsewhere(projectFile, { name: 'Theirs' });
    await store.renameDocument(id, 'Ours');
    await store.resolveConflict('overwrite');
    expect(store.status()).toMatchObject({ state: 'saved', error: null });
    const saved = StoredProject.parse(JSON.parse(await readFile(projectFile, 'utf8')));
    expect(saved).toMatchObject({ name: 'Check', documents: [{ title: 'Ours' }] });
    expect(await readFile(`${projectFile}.bak`, 'utf8')).toBe(theirs);
    // Overwriting was for that save only: the next change elsewhere is caught again.
    await editElsewhere(projectFile, { name: 'Theirs again' });
    await store.renameDocument(id, 'Ours again');
    expect(store.status().error?.code).toBe('CHANGED_ON_DISK');
  });

  it('reload takes theirs and drops our unsaved change to that file', async () => {
    const { store, id, projectFile } = await project();
    const theirs = await editElsewhere(projectFile, { name: 'Theirs' });
    await store.renameDocument(id, 'Ours');
    await store.resolveConflict('reload');
    expect(store.status()).toMatchObject({ state: 'saved', error: null });
    expect(store.project.name).toBe('Theirs');
    expect(store.project.documents[0]!.title).toBe('Speech');
    expect(store.hasUnsavedChanges()).toBe(false);
    expect(await readFile(projectFile, 'utf8')).toBe(theirs);
    // From here on, their file is what we know: our next change saves without a conflict.
    await store.renameDocument(id, 'After reload');
    expect(store.status().state).toBe('saved');
    expect(StoredProject.parse(JSON.parse(await readFile(projectFile, 'utf8')))).toMatchObject({ name: 'Theirs', documents: [{ title: 'After reload' }] });
  });

  it('does not count a touch (same bytes, new time) as a change', async () => {
    const { store, id, projectFile } = await project();
    await utimes(projectFile, new Date(2031, 0, 1), new Date(2031, 0, 1));
    await store.renameDocument(id, 'Fine');
    expect(store.status()).toMatchObject({ state: 'saved', error: null });
  });

  it('notices a deleted file, and overwrite writes it again', async () => {
    const { store, id, projectFile } = await project();
    await rm(projectFile);
    await store.renameDocument(id, 'Still here');
    expect(store.status().error).toMatchObject({ code: 'CHANGED_ON_DISK', message: expect.stringContaining('deleted') });
    await store.resolveConflict('reload');
    expect(store.status().error?.code).toBe('NOT_FOUND');
    await store.resolveConflict('overwrite');
    expect(StoredProject.parse(JSON.parse(await readFile(projectFile, 'utf8'))).documents[0]!.title).toBe('Still here');
  });
});

describe('a document file changed by another program', () => {
  it('refuses to save over it; overwrite writes ours', async () => {
    const { store, id, documentFile } = await project();
    const theirs = await editElsewhere(documentFile, { content: paragraphs('Their text.') });
    store.updateDocumentContent(id, paragraphs('Our text.'), [], { reason: 'edit' });
    const status = await store.saveNow();
    expect(status.error).toMatchObject({ code: 'CHANGED_ON_DISK', path: documentFile });
    expect(await readFile(documentFile, 'utf8')).toBe(theirs);
    expect((await store.getDocument(id)).content).toEqual(paragraphs('Our text.'));
    await store.resolveConflict('overwrite');
    expect(StoredDocument.parse(JSON.parse(await readFile(documentFile, 'utf8'))).content).toEqual(paragraphs('Our text.'));
    expect(store.hasUnsavedChanges()).toBe(false);
  });

  it('reload takes their text', async () => {
    const { store, id, documentFile } = await project();
    await editElsewhere(documentFile, { content: paragraphs('Their text.') });
    store.updateDocumentContent(id, paragraphs('Our text.'), [], { reason: 'edit' });
    await store.saveNow();
    await store.resolveConflict('reload');
    expect((await store.getDocument(id)).content).toEqual(paragraphs('Their text.'));
    expect(store.status()).toMatchObject({ state: 'saved', error: null });
  });

  it('is retried on the next change and keeps failing until settled', async () => {
    const { store, id } = await project();
    await editElsewhere(join(store.path, 'documents', `${id}.json`), { title: 'Theirs' });
    store.updateDocumentContent(id, paragraphs('One.'), [], { reason: 'edit' });
    await store.saveNow();
    store.updateDocumentContent(id, paragraphs('Two.'), [], { reason: 'edit' });
    expect(store.status().state).toBe('error');
    await store.saveNow();
    expect(store.status().error?.code).toBe('CHANGED_ON_DISK');
    expect((await store.getDocument(id)).content).toEqual(paragraphs('Two.'));
  });
});
