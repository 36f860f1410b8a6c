/** The project store on real files: layout, documents, autosave, saves in order, reopening. */
import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { access, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveStatus } from '../../../shared/contract.js';
import { SCHEMA_VERSION, StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { textToContent } from '../../../shared/text.js';
import type { AtomicFs } from '../../../main/services/store/atomic-file.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, paragraphs, tempDir, testOptions, waitFor } from './helpers.js';

const open: ProjectStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

async function created(dir: string, name = 'Election check', options = testOptions()): Promise<ProjectStore> {
  const store = await ProjectStore.create(join(dir, name), name, options);
  open.push(store);
  return store;
}

async function opened(path: string, options = testOptions()): Promise<ProjectStore> {
  const store = await ProjectStore.open(path, options);
  open.push(store);
  return store;
}

const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));
const exists = (path: string) => access(path).then(() => true, () => false);

describe('creating a project', () => {
  it('makes <Name>.factmark with a valid project.json, documents/ and a lock while open', async () => {
    const dir = await tempDir();
    const store = await created(dir, '  Election check ');
    const folder = join(dir, '  Election check .factmark');
    expect(store.path).toBe(folder);
    const stored = StoredProject.parse(await readJson(join(folder, 'project.json')));
    expect(stored).toMatchObject({ format: 'factmark-project', schemaVersion: SCHEMA_VERSION, id: 'id-1', name: 'Election check', documents: [], createdAt: '2026-01-01T00:00:00.000Z' });
    expect(store.view()).toEqual({ path: folder, project: stored });
    expect((await readdir(folder)).sort()).toEqual(['.lock', 'documents', 'project.json']);
    await store.close();
    expect(await readdir(folder)).not.toContain('.lock');
  });

  it('keeps a name that already ends in .factmark, and accepts an empty folder', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'Empty.factmark'));
    const store = await ProjectStore.create(join(dir, 'Empty.factmark'), 'Empty', testOptions());
    open.push(store);
    expect(store.path).toBe(join(dir, 'Empty.factmark'));
  });

  it('refuses an existing project, a non-empty folder, a file, a missing parent, a relative path and an empty name', async () => {
    const dir = await tempDir();
    await (await created(dir, 'Taken')).close();
    await expectCode(ProjectStore.create(join(dir, 'Taken'), 'Again', testOptions()), 'ALREADY_EXISTS');
    await mkdir(join(dir, 'Busy.factmark'));
    await writeFile(join(dir, 'Busy.factmark', 'notes.txt'), 'mine');
    await expectCode(ProjectStore.create(join(dir, 'Busy'), 'Busy', testOptions()), 'ALREADY_EXISTS');
    expect(await readdir(join(dir, 'Busy.factmark'))).toEqual(['notes.txt']);
    await writeFile(join(dir, 'File.factmark'), 'a file');
    await expectCode(ProjectStore.create(join(dir, 'File'), 'File', testOptions()), 'ALREADY_EXISTS');
    const missing = await expectCode(ProjectStore.create(join(dir, 'no', 'such', 'P'), 'P', testOptions()), 'NOT_FOUND');
    expect(missing.message).toContain(join(dir, 'no', 'such'));
    await expectCode(ProjectStore.create('relative/P', 'P', testOptions()), 'INVALID_ARGUMENT');
    await expectCode(ProjectStore.create(join(dir, 'Blank'), '   ', testOptions()), 'INVALID_ARGUMENT');
    expect(await exists(join(dir, 'Blank.factmark'))).toBe(false);
  });

  it('refuses an id generator that makes ids unfit for file names', async () => {
    const dir = await tempDir();
    await expectCode(ProjectStore.create(join(dir, 'Bad'), 'Bad', testOptions({ newId: () => '../escape' })), 'INTERNAL');
    const store = await created(dir, 'Ok', testOptions({ newId: (() => { const ids = ['p', 'd', 'd']; return () => ids.shift()!; })() }));
    await store.createDocument('One', 'x');
    await expectCode(store.createDocument('Two', 'y'), 'INTERNAL');
  });
});

describe('opening a project', () => {
  it('opens by folder, by project.json and by a document file, with the same data', async () => {
    const dir = await tempDir();
    const first = await created(dir);
    const doc = await first.createDocument('Speech', 'One.\nTwo.');
    const project = first.project;
    await first.close();
    for (const path of [first.path, `${first.path}/`, join(first.path, 'project.json'), join(first.path, 'documents', `${doc.id}.json`)]) {
      expect(ProjectStore.folderOf(path)).toBe(first.path);
      const store = await opened(path);
      expect(store.path).toBe(first.path);
      expect(store.project).toEqual(project);
      await store.close();
    }
  });

  it('says what is wrong with a path that is no project', async () => {
    const dir = await tempDir();
    await expectCode(ProjectStore.open(join(dir, 'missing.factmark'), testOptions()), 'NOT_FOUND');
    await expectCode(ProjectStore.open('Checks.factmark', testOptions()), 'INVALID_ARGUMENT');
    await mkdir(join(dir, 'plain'));
    const plain = await expectCode(ProjectStore.open(join(dir, 'plain'), testOptions()), 'NOT_A_PROJECT');
    expect(plain.message).toContain('project.json');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await expectCode(ProjectStore.open(join(dir, 'notes.txt'), testOptions()), 'NOT_A_PROJECT');
    await mkdir(join(dir, 'other'));
    await writeFile(join(dir, 'other', 'project.json'), JSON.stringify({ name: 'an Nx project', targets: {} }));
    await expectCode(ProjectStore.open(join(dir, 'other'), testOptions()), 'NOT_A_PROJECT');
    expect(await readJson(join(dir, 'other', 'project.json'))).toEqual({ name: 'an Nx project', targets: {} });
    expect(await readdir(join(dir, 'other'))).toEqual(['project.json']);
  });

  it('removes temporary files a killed writer left behind', async () => {
    const dir = await tempDir();
    const store = await created(dir);
    await store.close();
    await writeFile(join(store.path, '.project.json.a1b2c3d4e5f6.tmp'), '{"half');
    await writeFile(join(store.path, 'documents', '.x.json.a1b2c3d4e5f6.tmp'), '{"half');
    await opened(store.path);
    expect((await readdir(store.path)).sort()).toEqual(['.lock', 'documents', 'project.json']);
    expect(await readdir(join(store.path, 'documents'))).toEqual([]);
  });
});

describe('documents', () => {
  it('creates a document from text and writes it at once, fingerprinted by its plain text', async () => {
    const dir = await tempDir();
    const store = await created(dir);
    const summary = await store.createDocument(' Speech ', 'First line.\r\n\r\nSecond line.');
    expect(summary).toEqual({ id: 'id-2', title: 'Speech', createdAt: '2026-01-01T00:00:01.000Z', updatedAt: '2026-01-01T00:00:01.000Z' });
    expect(store.hasUnsavedChanges()).toBe(false);
    const onDisk = StoredDocument.parse(await readJson(join(store.path, 'documents', 'id-2.json')));
    expect(onDisk.content).toEqual(paragraphs('First line.', 'Second line.'));
    expect(onDisk.fingerprint).toBe(createHash('sha256').update('First line.\nSecond line.').digest('hex'));
    expect(StoredProject.parse(await readJson(join(store.path, 'project.json'))).documents).toEqual([summary]);
    expect(await store.getDocument('id-2')).toEqual(onDisk);
  });

  it('renames a document in the project list and in its own file', async () => {
    const dir = await tempDir();
    const store = await created(dir);
    const { id } = await store.createDocument('Draft', 'Text.');
    const renamed = await store.renameDocument(id, 'Statement by the ministry');
    expect(renamed.title).toBe('Statement by the ministry');
    expect(renamed.updatedAt > renamed.createdAt).toBe(true);
    expect(StoredProject.parse(await readJson(join(store.path, 'project.json'))).documents[0]).toEqual(renamed);
    expect(StoredDocument.parse(await readJson(join(store.path, 'documents', `${id}.json`))).title).toBe('Statement by the ministry');
    await expectCode(store.renameDocument(id, ''), 'INVALID_ARGUMENT');
    await expectCode(store.renameDocument('nope', 'x'), 'NOT_FOUND');
  });

  it('deletes a document by moving its file, with its latest text, to trash/', async () => {
    const dir = await tempDir();
    const store = await created(dir, 'P', testOptions({ autosaveDelayMs: 60_000 }));
    const keep = await store.createDocument('Keep', 'Stays.');
    const drop = await store.createDocument('Drop', 'Goes.');
    await store.getDocument(drop.id);
    store.updateDocumentContent(drop.id, paragraphs('Last words.'), [], { reason: 'edit' });
    await store.deleteDocument(drop.id);
    expect(store.project.documents.map((d) => d.id)).toEqual([keep.id]);
    expect(await readdir(join(store.path, 'documents'))).not.toContain(`${drop.id}.json`);
    const trashed = StoredDocument.parse(await readJson(join(store.path, 'trash', `${drop.id}.json`)));
    expect(trashed.content).toEqual(paragraphs('Last words.'));
    await expectCode(store.getDocument(drop.id), 'NOT_FOUND');
    await store.close();
    const again = await opened(store.path);
    expect(again.project.documents.map((d) => d.title)).toEqual(['Keep']);
  });

  it('refuses content that does not fit the editor schema, and content of a document not loaded', async () => {
    const dir = await tempDir();
    const first = await created(dir);
    const { id } = await first.createDocument('Doc', 'Text.');
    await first.close();
    const store = await opened(first.path);
    expect(() => store.updateDocumentContent(id, paragraphs('x'), [], { reason: 'edit' })).toThrow(/not loaded/);
    await store.getDocument(id);
    const bad = [
      { type: 'doc', content: [{ type: 'script', content: [] }] },
      { type: 'doc', content: [{ type: 'text', text: 'text straight in the doc' }] },
      { type: 'doc', content: [] },
      { type: 'paragraph' },
      { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'blink' }] }] }] },
    ];
    for (const content of bad) await expectCode(() => store.updateDocumentContent(id, content, [], { reason: 'edit' }), 'INVALID_ARGUMENT');
    await expectCode(() => store.updateDocumentContent('nope', paragraphs('x'), [], { reason: 'edit' }), 'NOT_FOUND');
    expect(store.hasUnsavedChanges()).toBe(false);
    expect((await store.getDocument(id)).content).toEqual(textToContent('Text.'));
  });

  it('survives close and reopen with every change', async () => {
    const dir = await tempDir();
    const store = await created(dir);
    const a = await store.createDocument('A', 'Alpha.');
    const b = await store.createDocument('B', 'Beta.');
    await store.getDocument(a.id);
    store.updateDocumentContent(a.id, paragraphs('Alpha, edited.', 'Second paragraph.'), [], { reason: 'edit' });
    await store.renameDocument(b.id, 'B renamed');
    const project = store.project;
    const docA = await store.getDocument(a.id);
    await store.close();
    const again = await opened(store.path);
    expect(again.project).toEqual(project);
    expect(await again.getDocument(a.id)).toEqual(docA);
    expect(docA.fingerprint).toBe(createHash('sha256').update('Alpha, edited.\nSecond paragraph.').digest('hex'));
  });

  it('refuses every call after close', async () => {
    const dir = await tempDir();
    const store = await created(dir);
    await store.close();
    await expectCode(store.createDocument('x', 'y'), 'NO_PROJECT_OPEN');
    await expectCode(store.saveNow(), 'NO_PROJECT_OPEN');
    await store.close(); // a second close is harmless
  });
});

describe('autosave', () => {
  async function withDocument(options = testOptions()) {
    const dir = await tempDir();
    const store = await created(dir, 'P', options);
    const { id } = await store.createDocument('Doc', 'Original.');
    await store.getDocument(id);
    const file = join(store.path, 'documents', `${id}.json`);
    const statuses: SaveStatus[] = [];
    store.onStatus((status) => statuses.push(status));
    const onDisk = async () => StoredDocument.parse(await readJson(file)).content;
    return { store, id, file, statuses, onDisk };
  }

  it('writes after the debounce, once for a burst of changes', async () => {
    const { store, id, statuses, onDisk } = await withDocument(testOptions({ autosaveDelayMs: 80 }));
    for (let i = 1; i <= 5; i++) store.updateDocumentContent(id, paragraphs(`Version ${i}.`), [], { reason: 'edit' });
    expect(store.status().state).toBe('pending');
    expect(store.hasUnsavedChanges()).toBe(true);
    expect(await onDisk()).toEqual(textToContent('Original.'));
    await waitFor(() => store.status().state === 'saved');
    expect(await onDisk()).toEqual(paragraphs('Version 5.'));
    expect(statuses.map((s) => s.state)).toEqual(['pending', 'saving', 'saved']);
    expect(statuses.at(-1)!.savedAt).toMatch(/^2026-01-01T/);
    expect(store.hasUnsavedChanges()).toBe(false);
  });

  it('still saves every so often while changes keep coming', async () => {
    const { store, id, statuses } = await withDocument(testOptions({ autosaveDelayMs: 100, autosaveMaxWaitMs: 150 }));
    for (let i = 0; i < 30; i++) {
      store.updateDocumentContent(id, paragraphs(`Keystroke ${i}.`), [], { reason: 'edit' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statuses.filter((s) => s.state === 'saving').length).toBeGreaterThanOrEqual(2);
  });

  it('saveNow writes at once and reports the status', async () => {
    const { store, id, onDisk } = await withDocument(testOptions({ autosaveDelayMs: 60_000 }));
    store.updateDocumentContent(id, paragraphs('Now.'), [], { reason: 'edit' });
    const status = await store.saveNow();
    expect(status).toMatchObject({ state: 'saved', error: null });
    expect(await onDisk()).toEqual(paragraphs('Now.'));
    const project = StoredProject.parse(await readJson(join(store.path, 'project.json')));
    expect(project.documents[0]!.updatedAt).toBe((await store.getDocument(id)).updatedAt);
    expect(project.updatedAt).toBe(project.documents[0]!.updatedAt);
  });

  it('writes a change made during a write in a later write, never two writes of a file at once', async () => {
    // A write of a file runs from opening its staged (or temporary) file to renaming it over the file.
    const writing = new Map<string, number>();
    let most = 0;
    let writes = 0;
    const targetOf = (path: string) => basename(path).replace(/^\.(.+)\.[0-9a-f]{12}\.(staged|tmp)$/, '$1');
    const slowFs: AtomicFs = {
      ...fsp,
      open: (async (path: string, flags?: string) => {
        const handle = await fsp.open(path, flags);
        if (flags !== 'wx') return handle;
        const target = targetOf(path);
        writing.set(target, (writing.get(target) ?? 0) + 1);
        writes++;
        most = Math.max(most, ...writing.values());
        await new Promise((resolve) => setTimeout(resolve, 15));
        return handle;
      }) as AtomicFs['open'],
      rename: async (from, to) => {
        await fsp.rename(from, to);
        const target = basename(String(to));
        writing.set(target, (writing.get(target) ?? 1) - 1);
      },
    };
    const { store, id, onDisk } = await withDocument(testOptions({ autosaveDelayMs: 5, fs: slowFs }));
    writes = 0;
    const saves: Promise<SaveStatus>[] = [];
    for (let i = 1; i <= 6; i++) {
      store.updateDocumentContent(id, paragraphs(`Edit ${i}.`), [], { reason: 'edit' });
      saves.push(store.saveNow());
      await new Promise((resolve) => setTimeout(resolve, 7));
    }
    await Promise.all(saves);
    await waitFor(() => !store.hasUnsavedChanges() && store.status().state === 'saved');
    expect(await onDisk()).toEqual(paragraphs('Edit 6.'));
    expect(most).toBe(1);
    expect(writes).toBeLessThan(18); // 6 edits, each a document, project.json and the commit's journal: some were coalesced
  });

  it('counts a change being written as unsaved until the write ends (a quit must wait for it)', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let hold = false;
    const slowFs: AtomicFs = {
      ...fsp,
      open: (async (path: string, flags?: string) => {
        if (flags === 'wx' && hold) await held;
        return fsp.open(path, flags);
      }) as AtomicFs['open'],
    };
    const { store, id } = await withDocument(testOptions({ autosaveDelayMs: 60_000, fs: slowFs }));
    hold = true;
    store.updateDocumentContent(id, paragraphs('In flight.'), [], { reason: 'edit' });
    const saving = store.saveNow();
    await waitFor(() => store.status().state === 'saving');
    expect(store.hasUnsavedChanges()).toBe(true);
    release();
    expect(await saving).toMatchObject({ state: 'saved' });
    expect(store.hasUnsavedChanges()).toBe(false);
  });

  it('keeps saving when a status listener throws', async () => {
    const { store, id, onDisk } = await withDocument(testOptions({ autosaveDelayMs: 60_000 }));
    const quiet = console.error;
    console.error = () => undefined;
    try {
      store.onStatus(() => {
        throw new Error('window closed');
      });
      store.updateDocumentContent(id, paragraphs('Saved anyway.'), [], { reason: 'edit' });
      expect(await store.saveNow()).toMatchObject({ state: 'saved' });
    } finally {
      console.error = quiet;
    }
    expect(await onDisk()).toEqual(paragraphs('Saved anyway.'));
  });

  it('tells listeners until they unsubscribe', async () => {
    const { store, id } = await withDocument(testOptions({ autosaveDelayMs: 60_000 }));
    const seen: string[] = [];
    const stop = store.onStatus((s) => seen.push(s.state));
    store.updateDocumentContent(id, paragraphs('One.'), [], { reason: 'edit' });
    await store.saveNow();
    stop();
    store.updateDocumentContent(id, paragraphs('Two.'), [], { reason: 'edit' });
    await store.saveNow();
    expect(seen).toEqual(['pending', 'saving', 'saved']);
  });

  it('close writes what is pending', async () => {
    const { store, id, onDisk } = await withDocument(testOptions({ autosaveDelayMs: 60_000 }));
    store.updateDocumentContent(id, paragraphs('Written on close.'), [], { reason: 'edit' });
    await store.close();
    expect(await onDisk()).toEqual(paragraphs('Written on close.'));
  });
});
