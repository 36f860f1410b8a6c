/**
 * Revisions of a document's text (main/services/store/revisions.ts) against real projects on disk:
 * every change of the words is kept with its exact before and after, the original as imported is
 * written once and can be restored, a send that changes the words without a note is refused, and
 * a schema-2 project opens with its text as the original, its old file kept as `.v2.bak`.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../main/ipc/dispatch.js';
import { createAppServices } from '../../../main/services/app-services.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { READ_ONLY_TEXT_MESSAGE, stretchChanges, trimmedStretch } from '../../../main/services/store/revisions.js';
import type { OpenedDocument, RevisionList } from '../../../shared/contract.js';
import { SCHEMA_VERSION, StoredDocument, type ContentNode } from '../../../shared/model/index.js';
import { applyChanges, originalText, revertChanges, spanInOriginal } from '../../../shared/revision-text.js';
import { contentToText } from '../../../shared/text.js';
import { expectCode, paragraphs, tempDir, testOptions } from './helpers.js';

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const EDIT = { reason: 'edit' } as const;

const open: ProjectStore[] = [];
afterEach(async () => {
  for (const store of open.splice(0)) await store.close().catch(() => undefined);
});

async function projectWith(...texts: string[]): Promise<{ store: ProjectStore; id: string }> {
  const store = await ProjectStore.create(join(await tempDir(), 'Revisions'), 'Revisions', testOptions({ autosaveDelayMs: 60_000, autosaveMaxWaitMs: 60_000 }));
  open.push(store);
  const { id } = await store.addDocument({ title: 'Speech', content: paragraphs(...texts) });
  await store.getDocument(id);
  return { store, id };
}

/** The stored original's plain text, read from its file. */
async function originalOnDisk(store: ProjectStore, id: string): Promise<string> {
  const file = JSON.parse(await readFile(join(store.path, 'documents', `${id}.original.json`), 'utf8')) as { content: ContentNode; fingerprint: string };
  expect(file.fingerprint).toBe(sha(contentToText(file.content)));
  return contentToText(file.content);
}

/** Every revision, applied in order to the original's text, gives the text its fingerprint names, ending at the current text. */
async function expectRevisionsReproduce(store: ProjectStore, id: string): Promise<void> {
  const document = await store.getDocument(id);
  let text = await originalOnDisk(store, id);
  let fingerprint = document.original!.fingerprint;
  expect(sha(text)).toBe(fingerprint);
  for (const revision of document.revisions) {
    expect(revision.fingerprintBefore).toBe(fingerprint);
    const before = text;
    text = applyChanges(text, revision.changes);
    expect(revertChanges(text, revision.changes)).toBe(before);
    fingerprint = revision.fingerprintAfter;
    expect(sha(text)).toBe(fingerprint);
  }
  expect(text).toBe(contentToText(document.content));
  expect(originalText(text, document.revisions)).toBe(await originalOnDisk(store, id));
}

/** A random change of a list of paragraphs: words typed, cut or replaced somewhere, paragraphs added or removed. */
const piece = fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀', 'ب', '𝒳', '.', '"'), { maxLength: 8 }).map((cs) => cs.join(''));
const textEdit = fc.record({
  block: fc.nat(),
  at: fc.nat(),
  cut: fc.nat({ max: 6 }),
  insert: piece,
  paragraph: fc.constantFrom('none', 'none', 'none', 'add', 'remove'),
  reason: fc.constantFrom('edit', 'edit', 'edit', 'repair'),
});

type TextEdit = typeof textEdit extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(texts: string[], edit: TextEdit): string[] {
  const next = [...texts];
  const b = edit.block % next.length;
  if (edit.paragraph === 'add') next.splice(b, 0, edit.insert || 'new');
  else if (edit.paragraph === 'remove' && next.length > 1) next.splice(b, 1);
  else {
    const points = [...next[b]!];
    const at = edit.at % (points.length + 1);
    points.splice(at, edit.cut, ...edit.insert);
    next[b] = points.join('') || 'x';
  }
  return next;
}

describe('the revisions of a text', () => {
  it('property: applying each revision in order to the original reproduces every later text exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece.map((p) => p || 'word'), { minLength: 1, maxLength: 5 }), fc.array(textEdit, { minLength: 1, maxLength: 14 }), async (start, edits) => {
        const { store, id } = await projectWith(...start);
        let texts = start;
        for (const edit of edits) {
          texts = applyEdit(texts, edit);
          store.updateDocumentContent(id, paragraphs(...texts), [], edit.reason === 'repair' ? { reason: 'repair', detail: 'Mojibake' } : EDIT);
          await expectRevisionsReproduce(store, id);
        }
        expect(contentToText((await store.getDocument(id)).content)).toBe(texts.join('\n'));
        await store.saveNow();
        await store.close();
        open.length = 0;
        const reopened = await ProjectStore.open(store.path, testOptions());
        open.push(reopened);
        await expectRevisionsReproduce(reopened, id);
      }),
      { numRuns: 40 },
    );
  });

  it('splits a changed stretch into exact changes in code points, never inside a surrogate pair', () => {
    const before = 'The 😀 minister said 𝒳 prices fell by 4% last year.';
    const after = 'The 😃 minister stated 𝒴 prices fell by 5% last year!';
    const stretch = trimmedStretch(10, before, after)!;
    const changes = stretchChanges(stretch);
    expect(changes.length).toBeGreaterThan(1);
    for (const change of changes) for (const text of [change.before, change.after]) expect(text).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/u);
    expect(applyChanges(`0123456789${before}`, changes)).toBe(`0123456789${after}`);
    expect(changes[0]).toEqual({ start: 14, end: 15, before: '😀', after: '😃' });
  });

  it('widens a change to whole words only over the equal text beside it, never into the next change', () => {
    // Found by the property: 'aaa' and the last 'a' removed, with the 'éب' between kept.
    const before = 'aaaéبa"';
    const after = 'éب"';
    const changes = stretchChanges({ start: 0, before, after });
    expect(applyChanges(before, changes)).toBe(after);
    expect(revertChanges(after, changes)).toBe(before);
  });

  it('follows a claim’s words back to the original, saying which revision changed them', () => {
    const original = 'He said prices fell by 4% last year.';
    const changes = stretchChanges(trimmedStretch(0, original, 'He said prices fell by 5% last year.')!);
    const revision = { id: 'r1', at: '2026-01-01T00:00:00.000Z', analyst: '', reason: 'edit' as const, detail: '', changes, fingerprintBefore: sha(original), fingerprintAfter: sha('') };
    expect(spanInOriginal(8, 25, [revision])).toMatchObject({ start: 8, end: 25, changedBy: [revision] });
    expect(spanInOriginal(0, 7, [revision])).toMatchObject({ start: 0, end: 7, changedBy: [] });
  });
});

describe('accepting a change of the words', () => {
  it('appends an edit revision with the note, the analyst and the exact change; marking alone adds none', async () => {
    const store = await ProjectStore.create(join(await tempDir(), 'Named'), 'Named', testOptions({ analyst: 'R. Haddad' }));
    open.push(store);
    const { id } = await store.addDocument({ title: 'Speech', content: paragraphs('Prices fell by 4%.', 'Second line.') });
    await store.getDocument(id);
    store.updateDocumentContent(id, paragraphs('Prices fell by 4%.', 'Second line.'), []);
    expect((await store.getDocument(id)).revisions).toEqual([]);
    store.updateDocumentContent(id, paragraphs('Prices fell by 5%.', 'Second line.'), [], { reason: 'repair', detail: 'Mojibake: “Â°”' });
    const [revision] = (await store.getDocument(id)).revisions;
    expect(revision).toMatchObject({ analyst: 'R. Haddad', reason: 'repair', detail: 'Mojibake: “Â°”', changes: [{ start: 15, end: 16, before: '4', after: '5' }] });
    expect(revision!.fingerprintBefore).toBe(sha('Prices fell by 4%.\nSecond line.'));
    expect(revision!.fingerprintAfter).toBe(sha('Prices fell by 5%.\nSecond line.'));
    // A note that names its analyst (the name entered on the analyst's machine) is signed by them.
    store.updateDocumentContent(id, paragraphs('Prices fell by 6%.', 'Second line.'), [], { reason: 'edit', analyst: 'S. Amari' });
    expect((await store.getDocument(id)).revisions.map((r) => r.analyst)).toEqual(['R. Haddad', 'S. Amari']);
  });

  it('keeps one revision for an edit session on one passage; another place, another reason or putting the words back ends it', async () => {
    const { store, id } = await projectWith('The minister said prices fell.', 'A second paragraph.');
    store.updateDocumentContent(id, paragraphs('The minister stated prices fell.', 'A second paragraph.'), [], EDIT);
    store.updateDocumentContent(id, paragraphs('The minister stated that prices fell.', 'A second paragraph.'), [], EDIT);
    let revisions = (await store.getDocument(id)).revisions;
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.changes.map((c) => [c.before, c.after])).toEqual([['said', 'stated that']]);
    store.updateDocumentContent(id, paragraphs('The minister stated that prices fell.', 'A 2nd paragraph.'), [], EDIT);
    expect((await store.getDocument(id)).revisions).toHaveLength(2);
    store.updateDocumentContent(id, paragraphs('The minister stated that prices fell.', 'A second paragraph.'), [], EDIT);
    revisions = (await store.getDocument(id)).revisions;
    expect(revisions).toHaveLength(1);
    store.updateDocumentContent(id, paragraphs('The minister stated that prices rose.', 'A second paragraph.'), [], { reason: 'repair', detail: 'Splice' });
    expect((await store.getDocument(id)).revisions.map((r) => r.reason)).toEqual(['edit', 'repair']);
    await expectRevisionsReproduce(store, id);
  });

  it('refuses a send or patch that changes the words without a note (READ_ONLY), and changes nothing', async () => {
    const { store, id } = await projectWith('As published.');
    const before = await store.getDocument(id);
    const error = await expectCode(() => store.updateDocumentContent(id, paragraphs('As edited.'), []), 'READ_ONLY');
    expect(error.message).toBe(READ_ONLY_TEXT_MESSAGE);
    expect(error.message).toBe('This document is read-only: turn on Edit text to change its words.');
    const { version } = await store.openedDocument(id);
    const patch = { base: version, version: 'v2', from: 0, to: 1, blocks: paragraphs('As edited.').content!, annotations: [], order: [] };
    await expectCode(store.patchDocumentContent(id, patch), 'READ_ONLY');
    expect(await store.getDocument(id)).toBe(before);
    await store.patchDocumentContent(id, { ...patch, revision: EDIT });
    expect((await store.getDocument(id)).revisions.map((r) => r.changes)).toEqual([[{ start: 3, end: 12, before: 'published', after: 'edited' }]]);
  });

  it('accepts it as an edit when the rule is off', async () => {
    const store = await ProjectStore.create(join(await tempDir(), 'Lenient'), 'Lenient', testOptions({ refuseUnnotedTextChanges: false }));
    open.push(store);
    const { id } = await store.createDocument('Speech', 'As published.');
    await store.getDocument(id);
    store.updateDocumentContent(id, paragraphs('As edited.'), []);
    expect((await store.getDocument(id)).revisions.map((r) => r.reason)).toEqual(['edit']);
  });
});

describe('the original as imported', () => {
  it('is written once beside the document, and goes to the trash with it', async () => {
    const { store, id } = await projectWith('As published.');
    const path = join(store.path, 'documents', `${id}.original.json`);
    const bytes = await readFile(path, 'utf8');
    expect(JSON.parse(bytes)).toMatchObject({ schemaVersion: SCHEMA_VERSION, id, fingerprint: sha('As published.'), content: paragraphs('As published.') });
    store.updateDocumentContent(id, paragraphs('As edited.'), [], EDIT);
    await store.saveNow();
    expect(await readFile(path, 'utf8')).toBe(bytes);
    await store.deleteDocument(id);
    expect(await readFile(join(store.path, 'trash', `${id}.original.json`), 'utf8')).toBe(bytes);
  });

  it('reading again with another encoding is a reencode revision; restoring the original is a restore revision, annotations placed again', async () => {
    const work = await mkdtemp(join(tmpdir(), 'factmark-revisions-'));
    try {
      const services = await createAppServices({ host: 'browser', settingsDir: join(work, 'settings'), version: 't', emit: () => {} });
      const call = async <T>(name: string, ...args: unknown[]): Promise<T> => {
        const result = (await dispatch(services.handlers, name as never, args as never)) as { ok: boolean; value: T; error?: unknown };
        expect(result.ok, JSON.stringify(result.error)).toBe(true);
        return result.value;
      };
      await call('createProject', { path: join(work, 'R'), name: 'R' });
      const gbk = Buffer.from([0xb0, 0xae, 0xc2, 0xfe, 0xb5, 0xba, 0x20, 0xb1, 0xa8, 0xb5, 0xc0]);
      const { id } = await call<{ id: string }>('importFileContent', { fileName: 'outlet.txt', base64: gbk.toString('base64') });
      const first = await call<OpenedDocument>('getDocument', id);
      const asImported = contentToText(first.document.content);
      expect(await call<RevisionList>('listRevisions', id)).toEqual({ documentId: id, original: { fingerprint: sha(asImported), at: first.document.createdAt }, originalKept: true, revisions: [] });

      await call('reimportDocument', id, 'gbk');
      const listed = await call<RevisionList>('listRevisions', id);
      expect(listed.revisions).toHaveLength(1);
      expect(listed.revisions[0]).toMatchObject({ reason: 'reencode', fingerprintBefore: sha(asImported), fingerprintAfter: sha('爱漫岛 报道') });
      expect(applyChanges(asImported, listed.revisions[0]!.changes)).toBe('爱漫岛 报道');

      const restored = await call<OpenedDocument>('restoreOriginal', id);
      expect(contentToText(restored.document.content)).toBe(asImported);
      expect(restored.document.revisions.map((r) => r.reason)).toEqual(['reencode', 'restore']);
      await call('closeProject');
      const stored = StoredDocument.parse(JSON.parse(await readFile(join(work, 'R.factmark', 'documents', `${id}.json`), 'utf8')));
      expect(contentToText(stored.content)).toBe(asImported);
      expect(stored.fingerprint).toBe(stored.original!.fingerprint);
      await services.shutdown();
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('a schema-2 project', () => {
  it('opens with its current text as the original (fingerprint kept), its old file kept as .v2.bak on the first save', async () => {
    const { store, id } = await projectWith('Written by schema 2.');
    await store.close();
    open.length = 0;
    // The same document as schema 2 wrote it: no original, no revisions, and no original file.
    const documentPath = join(store.path, 'documents', `${id}.json`);
    const { original: _o, revisions: _r, ...current } = JSON.parse(await readFile(documentPath, 'utf8')) as Record<string, unknown>;
    const v2 = JSON.stringify({ ...current, schemaVersion: 2 });
    await writeFile(documentPath, v2);
    await rm(join(store.path, 'documents', `${id}.original.json`));

    const reopened = await ProjectStore.open(store.path, testOptions());
    open.push(reopened);
    const document = await reopened.getDocument(id);
    expect(document.original).toEqual({ fingerprint: current.fingerprint, at: current.createdAt });
    expect(document.revisions).toEqual([]);
    expect(await originalOnDisk(reopened, id)).toBe('Written by schema 2.');
    expect(await readFile(documentPath, 'utf8')).toBe(v2);

    reopened.updateDocumentContent(id, paragraphs('Edited after the migration.'), [], EDIT);
    await reopened.saveNow();
    expect(await readFile(`${documentPath}.v2.bak`, 'utf8')).toBe(v2);
    await access(`${documentPath}.v2.bak`);
    await expectRevisionsReproduce(reopened, id);
  });
});
