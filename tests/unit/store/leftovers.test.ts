/**
 * What stopped writers leave: the files of documents `project.json` does not list (an import stopped
 * before its project file was written, a deletion stopped before its files moved) go to `trash/`
 * when a writer next takes the lock — set aside, never deleted, nothing in the trash replaced —
 * while every listed file and every file Factmark does not make stays where it is.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { tempDir, testOptions } from './helpers.js';

describe('files no project lists', () => {
  it('move to trash/ when the project is next opened for writing; listed and foreign files stay', async () => {
    const created = await ProjectStore.create(join(await tempDir(), 'Tidy'), 'Tidy', testOptions());
    const { id } = await created.createDocument('Kept', 'Listed words.');
    await created.keepOriginal(id, new Uint8Array([1, 2, 3]));
    await created.close();
    const folder = created.path;
    const documents = join(folder, 'documents');
    // What an import killed before its project.json was written leaves, and a file of the user's.
    await writeFile(join(documents, 'lost.json'), '{"never":"listed"}');
    await writeFile(join(documents, 'lost.original.json'), '{"original":true}');
    await writeFile(join(folder, 'originals', 'lost'), 'bytes');
    await writeFile(join(documents, 'notes.txt'), 'my own notes');
    // The trash already holds a file of that name: it is not replaced.
    await mkdir(join(folder, 'trash'), { recursive: true });
    await writeFile(join(folder, 'trash', 'lost.json'), 'an earlier one');

    const store = await ProjectStore.open(folder, testOptions());
    await store.close();
    expect((await readdir(documents)).sort()).toEqual([`${id}.json`, `${id}.original.json`, 'notes.txt'].sort());
    expect(await readdir(join(folder, 'originals'))).toEqual([id]);
    expect((await readdir(join(folder, 'trash'))).sort()).toEqual(['lost.json', 'lost.json.2', 'lost.original.json', 'originals'].sort());
    expect(await readFile(join(folder, 'trash', 'lost.json'), 'utf8')).toBe('an earlier one');
    expect(await readFile(join(folder, 'trash', 'lost.json.2'), 'utf8')).toBe('{"never":"listed"}');
    expect(await readFile(join(folder, 'trash', 'originals', 'lost'), 'utf8')).toBe('bytes');
  });

  it('are not made by deleting a document: its imported bytes go to the trash with it', async () => {
    const store = await ProjectStore.create(join(await tempDir(), 'Tidy'), 'Tidy', testOptions());
    const { id } = await store.createDocument('Gone', 'Words.');
    await store.keepOriginal(id, new Uint8Array([1, 2, 3]));
    await store.deleteDocument(id);
    await store.close();
    expect(await readdir(join(store.path, 'originals'))).toEqual([]);
    expect([...(await readFile(join(store.path, 'trash', 'originals', id)))]).toEqual([1, 2, 3]);
  });
});
