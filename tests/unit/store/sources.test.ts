/**
 * The source library through the store, on real files: adding with the source rules and duplicate
 * refusal, usage over every document, deleting refused while cited (saying where), merging across
 * documents loaded and on disk, CSL-JSON import and export.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { checkProject, draft, openStore } from './check-project.js';
import { expectCode } from './helpers.js';

const storedDocument = async (folder: string, id: string) => StoredDocument.parse(JSON.parse(await readFile(join(folder, 'documents', `${id}.json`), 'utf8')));
const citedIn = (document: StoredDocument) => document.annotations.flatMap((a) => (a.kind === 'claim' ? a.evidence.map((e) => `${a.shortId}:${e.sourceId}`) : a.kind === 'sourceMention' ? [`mention:${a.sourceId}`] : []));

describe('adding and changing sources', () => {
  it('adds a source, trimmed, and writes it to project.json at once', async () => {
    const { store } = await checkProject();
    const source = await store.createSource(draft({ title: '  Budget 2025  ', url: ' https://finance.example/budget ', reliability: 'B' }));
    expect(source).toMatchObject({ title: 'Budget 2025', url: 'https://finance.example/budget', reliability: 'B', createdAt: source.updatedAt });
    const onDisk = StoredProject.parse(JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')));
    expect(onDisk.sources.at(-1)).toEqual(source);
  });

  it('refuses what breaks a source rule, with the rule’s message', async () => {
    const { store } = await checkProject();
    expect((await expectCode(store.createSource(draft({ title: ' ' })), 'INVALID_ARGUMENT')).message).toBe('A source needs a title, so a reader can tell what it is.');
    expect((await expectCode(store.createSource(draft({ title: 'X', url: 'file:///etc/passwd' })), 'INVALID_ARGUMENT')).message).toMatch(/Only web addresses/);
    expect((await expectCode(store.createSource(draft({ title: 'X', published: '2999-01-01' })), 'INVALID_ARGUMENT')).message).toMatch(/cannot be in the future/);
  });

  it('refuses a duplicate web address, naming the source already there; an update may keep its own address', async () => {
    const { store, labour, trade } = await checkProject();
    const duplicate = await expectCode(store.createSource(draft({ title: 'Labour again', url: 'HTTPS://www.stats.example/labour/#t' })), 'ALREADY_EXISTS');
    expect(duplicate.message).toBe(`The library already holds this source: “${labour.title}” has the same web address. Use that one, or merge the two.`);
    await store.updateSource(labour.id, { ...labour, title: 'Labour force survey', reliability: 'A' });
    expect(store.project.sources.find((s) => s.id === labour.id)).toMatchObject({ title: 'Labour force survey', reliability: 'A', createdAt: labour.createdAt });
    await expectCode(store.updateSource(trade.id, { ...trade, url: 'https://stats.example/labour' }), 'ALREADY_EXISTS');
    await expectCode(store.updateSource('gone', draft({ title: 'x' })), 'NOT_FOUND');
  });
});

describe('where sources are used', () => {
  it('lists every use over every document, including documents not loaded, and every source', async () => {
    const { store, labour, trade, un, speech, interview } = await checkProject();
    const path = store.path;
    await store.close();
    const reopened = await openStore(path);
    const usage = await reopened.sourceUsage();
    expect(Object.keys(usage).sort()).toEqual(reopened.project.sources.map((s) => s.id).sort());
    expect(usage[labour.id]!.map((u) => [u.documentTitle, u.label])).toEqual([['Speech', 'Claim C1 (evidence)'], ['Interview', 'Claim C3 (evidence)']]);
    expect(usage[trade.id]).toEqual([{ documentId: interview.id, documentTitle: 'Interview', annotationId: expect.any(String), label: 'Claim C3 (evidence)' }]);
    expect(usage[un.id]).toEqual([{ documentId: speech.id, documentTitle: 'Speech', annotationId: 'mention-1', label: 'Source mention “a UN representative”' }]);
  });

  it('refuses to delete a cited source (IN_USE), saying where; deletes it once unused', async () => {
    const { store, labour, un, speech } = await checkProject();
    const refused = await expectCode(store.deleteSource(labour.id), 'IN_USE');
    expect(refused.message).toBe(`The source “https://stats.example/labour” was not deleted: it is cited in “Speech” (C1); “Interview” (C3). Remove those citations, or merge it into another source.`);
    expect((await expectCode(store.deleteSource(un.id), 'IN_USE')).message).toContain('“Speech” (a source mention)');
    const unused = await store.createSource(draft({ title: 'Unused' }));
    await store.deleteSource(unused.id);
    expect(store.project.sources.map((s) => s.id)).not.toContain(unused.id);
    // Once the mention is removed, the statement is no longer cited and may go.
    const document = await store.getDocument(speech.id);
    const { content } = document;
    store.updateDocumentContent(speech.id, { ...content, content: content.content!.map((p) => ({ ...p, content: p.content?.map(({ marks: _m, ...t }) => t) })) }, document.annotations.filter((a) => a.kind === 'claim'), { reason: 'edit' });
    await store.deleteSource(un.id);
    expect(store.project.sources.map((s) => s.id)).not.toContain(un.id);
  });
});

describe('merging sources', () => {
  it('repoints evidence and mentions in every document, loaded or only on disk, and fills the kept source’s blanks', async () => {
    const { store, labour, trade, speech, interview } = await checkProject();
    await store.updateSource(labour.id, { ...labour, publisher: 'Statistics Office' });
    await store.updateSource(trade.id, { ...trade, title: 'Trade figures', reliability: 'B', published: '2025-01-10' });
    const path = store.path;
    await store.close();
    const reopened = await openStore(path);
    await reopened.getDocument(interview.id); // one document loaded, the other only on disk
    await reopened.mergeSources(labour.id, trade.id);
    expect(reopened.project.sources.map((s) => s.id)).not.toContain(labour.id);
    expect(reopened.project.sources.find((s) => s.id === trade.id)).toMatchObject({ title: 'Trade figures', reliability: 'B', publisher: 'Statistics Office', published: '2025-01-10' });
    expect(citedIn(await storedDocument(path, speech.id))).toEqual([`C1:${trade.id}`, expect.stringMatching(/^mention:/)]);
    // C3 cited both: it now cites the kept source twice (two pieces of evidence, both kept).
    expect(citedIn(await storedDocument(path, interview.id))).toEqual([`C3:${trade.id}`, `C3:${trade.id}`]);
    await expectCode(reopened.mergeSources(trade.id, trade.id), 'INVALID_ARGUMENT');
    await expectCode(reopened.mergeSources(labour.id, trade.id), 'NOT_FOUND');
  });

  it('repoints an edit the editor made before the merge, so no evidence cites the merged source', async () => {
    const { store, labour, trade, speech } = await checkProject();
    const stale = await store.getDocument(speech.id);
    await store.mergeSources(labour.id, trade.id);
    store.updateDocumentContent(speech.id, stale.content, stale.annotations, { reason: 'edit' });
    expect(citedIn(await store.getDocument(speech.id))[0]).toBe(`C1:${trade.id}`);
  });
});

describe('CSL-JSON', () => {
  it('imports a Zotero export: adds new entries, skips duplicates, lists refused entries', async () => {
    const { store } = await checkProject();
    const zotero = await readFile(join(import.meta.dirname, '../../fixtures/csl/zotero-export.json'), 'utf8');
    const before = store.project.sources.length;
    const first = await store.importSources('My Library.json', zotero);
    expect(first).toEqual({ added: 6, duplicates: 0, refused: ['Entry 7: it has no title.', 'Entry 8: it is not a CSL item (an object).'] });
    expect(store.project.sources).toHaveLength(before + 6);
    const again = await store.importSources('My Library.json', zotero);
    expect(again).toMatchObject({ added: 0, duplicates: 6 });
    const onDisk = StoredProject.parse(JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')));
    expect(onDisk.sources.find((s) => s.title.startsWith('Statement attributed'))).toMatchObject({ withhold: true, reliability: 'D' });
  });

  it('refuses an entry published in the future, and a file that is not CSL-JSON, adding nothing', async () => {
    const { store } = await checkProject();
    const future = JSON.stringify([{ type: 'webpage', title: 'Tomorrow', issued: { 'date-parts': [[2999, 1, 1]] } }]);
    expect(await store.importSources('f.json', future)).toMatchObject({ added: 0, refused: [expect.stringMatching(/^Entry 1 \(“Tomorrow”\): The publication date cannot be in the future/)] });
    const before = store.project.sources;
    expect((await expectCode(store.importSources('notes.txt', 'just notes'), 'INVALID_ARGUMENT')).message).toMatch(/^notes\.txt was not imported: it is not valid JSON/);
    expect(store.project.sources).toBe(before);
  });

  it('exports the library as pretty-printed CSL-JSON that imports back as duplicates only', async () => {
    const { store } = await checkProject();
    const text = store.exportSources();
    expect(text).toBe(store.exportSources());
    expect(JSON.parse(text)).toHaveLength(store.project.sources.length);
    expect(await store.importSources('export.json', text)).toMatchObject({ added: 0, duplicates: store.project.sources.length, refused: [] });
  });
});
