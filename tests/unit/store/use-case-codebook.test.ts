/** The codebook's use cases and handlers (main/services/store/use-cases/codebook.ts) against a project on disk. */
import { describe, expect, it } from 'vitest';
import { describeRange } from '../../../shared/anchoring/index.js';
import { Note } from '../../../shared/model/index.js';
import { codebookHandlers, createTag, deleteTag, mergeTags, tagUsage, updateTag } from '../../../main/services/store/use-cases/codebook.js';
import { expectCode } from './helpers.js';
import { newProject, savedFiles } from './use-case-support.js';

describe('codebook use cases', () => {
  it('adds, renames, merges and deletes tags, remapping every document on disk', async () => {
    const store = await newProject();
    const economy = await createTag(store, { name: 'Economy' });
    const jobs = await createTag(store, { name: 'Jobs', parentId: economy.id });
    const trade = await createTag(store, { name: 'Trade' });
    await updateTag(store, trade.id, { name: 'Exports' });
    const { id } = await store.createDocument('Speech', 'Unemployment fell.');
    const document = await store.getDocument(id);
    const note = Note.parse({ id: 'n1', kind: 'note', tagIds: [jobs.id, trade.id], anchor: describeRange('Unemployment fell.', 0, 12), createdAt: document.createdAt, updatedAt: document.createdAt });
    store.updateDocumentContent(id, document.content, [note]);
    expect(await tagUsage(store)).toEqual({ [economy.id]: 0, [jobs.id]: 1, [trade.id]: 1 });

    await mergeTags(store, jobs.id, economy.id);
    await deleteTag(store, trade.id);
    const { project, documents } = await savedFiles(store, id);
    expect(project.tags.map((t) => t.name)).toEqual(['Economy']);
    expect(documents[0]!.annotations[0]!.tagIds).toEqual([economy.id]);
    await expectCode(createTag(store, { name: ' economy ' }), 'ALREADY_EXISTS');
  });

  it('answers the contract calls with the project as it is after them', async () => {
    const store = await newProject();
    const handlers = codebookHandlers(() => store);
    const view = await handlers.createTag({ name: 'Health' });
    expect(view.project.tags.map((t) => t.name)).toEqual(['Health']);
    const { project } = await savedFiles(store);
    expect(project.tags).toEqual(view.project.tags);
  });
});
