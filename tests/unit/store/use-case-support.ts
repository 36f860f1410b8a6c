/** What the use-case tests share: a fresh project on disk, and what its files hold after a save. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import type { StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { tempDir, testOptions } from './helpers.js';

const opened: ProjectStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close().catch(() => undefined);
});

/** A new project in a temp folder (closed after the test); the store is the open project the use cases take. */
export async function newProject(): Promise<ProjectStore> {
  const store = await ProjectStore.create(join(await tempDir(), 'Cases'), 'Cases', testOptions({ autosaveDelayMs: 60_000, autosaveMaxWaitMs: 60_000 }));
  opened.push(store);
  return store;
}

/** Saves, and reads `project.json` (and the documents named) back from disk. */
export async function savedFiles(store: ProjectStore, ...documentIds: string[]): Promise<{ project: StoredProject; documents: StoredDocument[] }> {
  expect((await store.saveNow()).state).toBe('saved');
  const read = async (path: string) => JSON.parse(await readFile(join(store.path, path), 'utf8')) as unknown;
  return {
    project: (await read('project.json')) as StoredProject,
    documents: await Promise.all(documentIds.map(async (id) => (await read(join('documents', `${id}.json`))) as StoredDocument)),
  };
}
