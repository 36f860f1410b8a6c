/**
 * The store and annotations: reconciling on first load (saved by autosave, told once in analyst
 * language), tolerant loading of files with unreadable annotations (a copy is kept first), the
 * re-import keeping annotations, and the rules an edited annotation list must keep.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentOf } from '../../../shared/annotations/table.js';
import type { Annotation, ContentNode, StoredDocument } from '../../../shared/model/index.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { annotatedDoc, claim, contentFromText, notesOn, type Span } from '../annotations/support/documents.js';
import { describeRange } from '../../../shared/anchoring/index.js';
import { expectCode, tempDir, testOptions, waitFor } from './helpers.js';

const TEXT = [
  'The minister said the railway would open in 2025.',
  'Officials in Baghdad confirmed the 2023 security agreement on Tuesday.',
  'A UN representative recently emphasised the need for calm.',
].join('\n');

function on(text: string, id: string, words: string): Span {
  const start = text.indexOf(words);
  return { id, start, end: start + words.length };
}

const SPANS = [on(TEXT, 'rail', 'the railway would open in 2025'), on(TEXT, 'deal', 'the 2023 security agreement'), on(TEXT, 'un', 'A UN representative')];

/** A project with one annotated document, saved and closed. */
async function annotatedProject(): Promise<{ folder: string; id: string; file: string }> {
  const dir = await tempDir();
  const store = await ProjectStore.create(join(dir, 'Check'), 'Check', testOptions());
  const { id } = await store.createDocument('Speech', TEXT);
  await store.getDocument(id);
  store.updateDocumentContent(id, contentOf(annotatedDoc(TEXT, SPANS)), notesOn(TEXT, SPANS), { reason: 'edit' });
  await store.close();
  return { folder: store.path, id, file: join(store.path, 'documents', `${id}.json`) };
}

async function readStored(file: string): Promise<StoredDocument> {
  return JSON.parse(await readFile(file, 'utf8')) as StoredDocument;
}

/** Rewrites a document file as another program would: `change` gets and returns its JSON. */
async function editOutside(file: string, change: (document: StoredDocument) => unknown): Promise<Buffer> {
  const bytes = Buffer.from(JSON.stringify(change(await readStored(file))));
  await writeFile(file, bytes);
  return bytes;
}

describe('opening a document whose text changed outside Factmark', () => {
  it('places its annotations again, saves that by autosave, and says so once', async () => {
    const { folder, id, file } = await annotatedProject();
    const changed = `A new first paragraph from the outlet.\n${TEXT.replace('A UN representative recently emphasised', 'Diplomats recently emphasised')}`;
    await editOutside(file, (document) => ({ ...document, content: contentFromText(changed) }));
    const store = await ProjectStore.open(folder, testOptions());
    const opened = await store.openedDocument(id);
    expect(opened.notices).toEqual(['2 annotations were placed again after the text changed outside Factmark; 1 could not be placed and is listed under Orphans.']);
    expect(opened.document.annotations.map((a) => [a.id, a.orphaned])).toEqual([
      ['rail', false],
      ['deal', false],
      ['un', true],
    ]);
    expect((await store.openedDocument(id)).notices).toEqual([]);
    await waitFor(() => store.status().state === 'saved' && !store.hasUnsavedChanges());
    const saved = await readStored(file);
    expect(JSON.stringify(saved.content)).toContain('"annotation"');
    expect(saved.annotations.find((a) => a.id === 'un')).toMatchObject({ orphaned: true, anchor: { quote: { exact: 'A UN representative' } } });
    expect(saved.annotations.find((a) => a.id === 'rail')!.anchor.position.start).toBe(SPANS[0]!.start + 'A new first paragraph from the outlet.\n'.length);
    await store.close();
  });

  it('changes nothing, and says nothing, when text and annotations agree', async () => {
    const { folder, id, file } = await annotatedProject();
    const before = await readFile(file);
    const store = await ProjectStore.open(folder, testOptions());
    expect((await store.openedDocument(id)).notices).toEqual([]);
    expect(store.hasUnsavedChanges()).toBe(false);
    await store.close();
    expect(await readFile(file)).toEqual(before);
  });

  it('removes highlights with no annotation behind them', async () => {
    const { folder, id, file } = await annotatedProject();
    await editOutside(file, (document) => ({ ...document, annotations: document.annotations.filter((a) => a.id !== 'deal') }));
    const store = await ProjectStore.open(folder, testOptions());
    expect((await store.openedDocument(id)).notices).toEqual(['1 highlight with no annotation behind it was removed from the text.']);
    await store.close();
    expect(JSON.stringify((await readStored(file)).content)).not.toContain('"deal"');
  });
});

describe('a document file with unreadable annotations', () => {
  it('opens with the readable ones, after keeping the file as it was beside it, and says where', async () => {
    const { folder, id, file } = await annotatedProject();
    const original = await editOutside(file, (document) => ({
      ...document,
      annotations: document.annotations.map((a) => (a.id === 'deal' ? { ...a, anchor: { quote: { exact: 42 } } } : a.id === 'un' ? { ...a, kind: 'rumour' } : a)),
    }));
    const store = await ProjectStore.open(folder, testOptions());
    const opened = await store.openedDocument(id);
    const copies = (await readdir(join(folder, 'documents'))).filter((name) => name.includes('.unreadable-'));
    expect(copies).toHaveLength(1);
    const copy = join(folder, 'documents', copies[0]!);
    expect(copies[0]).toMatch(new RegExp(`^${id}\\.unreadable-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\d-\\d{3}Z\\.json$`));
    expect(await readFile(copy)).toEqual(original);
    expect(opened.document.annotations.map((a) => a.id)).toEqual(['rail']);
    expect(opened.notices[0]).toBe(`2 annotations in this document could not be read and were set aside; the file as it was is kept at ${copy}.`);
    // Their highlights are gone from the text; the copy keeps them.
    expect(opened.notices[1]).toBe('2 highlights with no annotation behind them were removed from the text.');
    await store.close();
    expect(await readFile(copy)).toEqual(original);
  });

  it('still refuses a file with anything else wrong, leaving it as it was and copying nothing', async () => {
    const { folder, id, file } = await annotatedProject();
    const bad = await editOutside(file, (document) => ({ ...document, title: 42, annotations: [{ id: 'x' }] }));
    const store = await ProjectStore.open(folder, testOptions());
    await expectCode(store.getDocument(id), 'PROJECT_CORRUPT');
    await store.close();
    expect(await readFile(file)).toEqual(bad);
    expect((await readdir(join(folder, 'documents'))).filter((name) => name.includes('.unreadable-'))).toEqual([]);
  });
});

describe('replacing the text (read again with another encoding)', () => {
  it('keeps the annotations, placed again on the new text', async () => {
    const { folder, id } = await annotatedProject();
    const store = await ProjectStore.open(folder, testOptions());
    await store.getDocument(id);
    const again = TEXT.replace('Baghdad', 'Bagdad');
    const { document, notices } = await store.replaceDocumentText(id, { content: contentFromText(again), origin: { fileName: 'speech.txt', format: 'text', encoding: 'windows-1252', canonicalUrl: '', siteName: '', importedAt: null }, damage: [] });
    expect(document.annotations.map((a) => [a.id, a.orphaned, a.anchor.quote.exact])).toEqual([
      ['rail', false, 'the railway would open in 2025'],
      ['deal', false, 'the 2023 security agreement'],
      ['un', false, 'A UN representative'],
    ]);
    expect(notices).toEqual(['3 annotations were placed again after the text was read again with another encoding.']);
    expect(JSON.stringify(document.content).match(/"annotation"/g)).toHaveLength(3);
    await store.close();
  });
});

describe('updateDocumentContent and annotations', () => {
  async function openStore(): Promise<{ store: ProjectStore; id: string }> {
    const dir = await tempDir();
    const store = await ProjectStore.create(join(dir, 'Check'), 'Check', testOptions());
    const { id } = await store.createDocument('Speech', TEXT);
    await store.getDocument(id);
    return { store, id };
  }
  const content = (): ContentNode => contentOf(annotatedDoc(TEXT, SPANS));
  const anchorOf = (span: Span) => describeRange(TEXT, span.start, span.end);

  it('refuses an annotation id listed twice, and marks naming annotations not in the list', async () => {
    const { store, id } = await openStore();
    const notes = notesOn(TEXT, SPANS);
    const twice = await expectCode(() => store.updateDocumentContent(id, content(), [...notes, notes[0]!], { reason: 'edit' }), 'INVALID_ARGUMENT');
    expect(twice.message).toBe('The annotations of "Speech" were not saved: the annotation rail is listed twice.');
    const missing = await expectCode(() => store.updateDocumentContent(id, content(), notes.slice(1), { reason: 'edit' }), 'INVALID_ARGUMENT');
    expect(missing.message).toBe('The text of "Speech" was not saved: it marks an annotation (rail) missing from its annotation list.');
    expect(store.hasUnsavedChanges()).toBe(false);
    await store.close();
  });

  it('drops tags that are not in the codebook, and stores the content without root attrs', async () => {
    const { store, id } = await openStore();
    const tag = await store.createTag({ name: 'Economy' });
    const notes = notesOn(TEXT, SPANS).map((a): Annotation => ({ ...a, tagIds: [tag.id, 'deleted-tag'] }));
    store.updateDocumentContent(id, { ...content(), attrs: { annotations: { rail: notes[0] } } }, notes, { reason: 'edit' });
    const document = await store.getDocument(id);
    expect(document.annotations.map((a) => a.tagIds)).toEqual([[tag.id], [tag.id], [tag.id]]);
    expect(document.content.attrs).toBeUndefined();
    await store.close();
  });

  it('raises the claim counter to the highest number seen and never lets a number pass to another claim', async () => {
    const { store, id } = await openStore();
    const claims = [claim('c-rail', 'C1', anchorOf(SPANS[0]!)), claim('c-deal', 'C7', anchorOf(SPANS[1]!))];
    const marked = contentOf(annotatedDoc(TEXT, SPANS.slice(0, 2).map((s, i) => ({ ...s, id: claims[i]!.id }))));
    store.updateDocumentContent(id, marked, claims, { reason: 'edit' });
    expect(store.project.lastClaimNumber).toBe(7);
    // The same claims again (an edit elsewhere): accepted.
    store.updateDocumentContent(id, marked, claims, { reason: 'edit' });
    const stolen = [claims[0]!, claim('c-deal', 'C1', anchorOf(SPANS[1]!))];
    const error = await expectCode(() => store.updateDocumentContent(id, marked, stolen, { reason: 'edit' }), 'CLAIM_NUMBER_TAKEN');
    expect(error.message).toBe('The annotations of "Speech" were not saved: claim number C1 already belongs to another claim in this project, and numbers are never reused. The next free number is C8.');
    expect(error.claimNumber).toEqual({ taken: 'C1', next: 'C8' });
    // A number issued before but never seen as this claim's (a stale counter) is refused too.
    await expectCode(() => store.updateDocumentContent(id, marked, [claims[0]!, claim('c-deal', 'C3', anchorOf(SPANS[1]!))], { reason: 'edit' }), 'CLAIM_NUMBER_TAKEN');
    // A deleted claim keeps its number: undo brings it back under it.
    store.updateDocumentContent(id, contentOf(annotatedDoc(TEXT, [{ ...SPANS[0]!, id: 'c-rail' }])), [claims[0]!], { reason: 'edit' });
    store.updateDocumentContent(id, marked, claims, { reason: 'edit' });
    expect(store.project.lastClaimNumber).toBe(7);
    await store.close();
  });

  it('learns the claim numbers of documents as they load, raising the counter when a file holds a higher one', async () => {
    const { folder, id, file } = await annotatedProject();
    await editOutside(file, (document) => ({ ...document, annotations: document.annotations.map((a, i) => (i === 0 ? claim(a.id, 'C12', a.anchor) : a)) }));
    const store = await ProjectStore.open(folder, testOptions());
    expect(store.project.lastClaimNumber).toBe(0);
    await store.getDocument(id);
    expect(store.project.lastClaimNumber).toBe(12);
    await store.close();
  });
});
