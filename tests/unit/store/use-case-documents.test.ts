/** The documents' use cases and handlers (main/services/store/use-cases/documents.ts, document-handlers.ts) against a project on disk. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventName } from '../../../shared/contract.js';
import { addImported, createDocument, deleteDocument, listRevisions, originalContent, placeSpan, renameDocument, setDocumentDamage, updateDocumentMeta } from '../../../main/services/store/use-cases/documents.js';
import { documentHandlers } from '../../../main/services/store/use-cases/document-handlers.js';
import { expectCode, paragraphs } from './helpers.js';
import { newProject, savedFiles } from './use-case-support.js';

describe('document use cases', () => {
  it('adds, renames, describes and deletes a document, and its files say so', async () => {
    const store = await newProject();
    const summary = await createDocument(store, 'Speech', 'The minister spoke.');
    await renameDocument(store, summary.id, '  The speech ');
    await updateDocumentMeta(store, summary.id, { author: 'A. Minister' });
    await setDocumentDamage(store, summary.id, []);
    const { project, documents } = await savedFiles(store, summary.id);
    expect(project.documents.map((d) => d.title)).toEqual(['The speech']);
    expect(documents[0]).toMatchObject({ title: 'The speech', meta: { author: 'A. Minister' } });
    expect(await originalContent(store, summary.id)).toEqual(paragraphs('The minister spoke.'));
    expect((await listRevisions(store, summary.id)).originalKept).toBe(true);
    await expectCode(renameDocument(store, summary.id, ' '), 'INVALID_ARGUMENT');

    await deleteDocument(store, summary.id);
    expect((await savedFiles(store)).project.documents).toEqual([]);
    expect(await readdir(join(store.path, 'trash'))).toContain(`${summary.id}.json`);
  });

  it('keeps the bytes an imported document came from, and places a span in its current text', async () => {
    const store = await newProject();
    const bytes = new TextEncoder().encode('Exports doubled.');
    const summary = await addImported(store, { title: 'Notes', content: paragraphs('Exports doubled.'), original: bytes });
    expect(await store.readOriginal(summary.id)).toEqual(bytes);
    const span = await placeSpan(store, summary.id, { quote: { exact: 'doubled', prefix: 'Exports ', suffix: '.' }, position: { start: 8, end: 15 } });
    expect(span.text).toBe('doubled');
  });

  it('answers the document calls, telling the renderers of an accepted patch', async () => {
    const store = await newProject();
    const events: EventName[] = [];
    const handlers = documentHandlers(() => store, (event) => void events.push(event));
    const summary = await handlers.createDocument({ title: 'Speech', text: 'One.' });
    const opened = await handlers.getDocument(summary.id);
    await handlers.patchDocumentContent(summary.id, { base: opened.version, version: 'v2', from: 1, to: 1, blocks: paragraphs('Two.').content!, annotations: [], order: [], revision: { reason: 'edit' } });
    expect(events).toEqual(['documentChanged']);
    const { documents } = await savedFiles(store, summary.id);
    expect(documents[0]!.content).toEqual(paragraphs('One.', 'Two.'));
    expect(documents[0]!.revisions).toHaveLength(1);
  });
});
