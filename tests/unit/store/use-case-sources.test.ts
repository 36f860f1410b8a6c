/** The source library's use cases and handlers (main/services/store/use-cases/sources.ts) against a project on disk. */
import { describe, expect, it } from 'vitest';
import { createSource, deleteSource, exportSources, importSources, mergeSources, sourceHandlers, sourceUsage, updateSource } from '../../../main/services/store/use-cases/sources.js';
import { checkProject, draft } from './check-project.js';
import { expectCode } from './helpers.js';
import { newProject, savedFiles } from './use-case-support.js';

describe('source library use cases', () => {
  it('adds, changes, exports and imports sources, skipping what the library holds', async () => {
    const store = await newProject();
    const source = await createSource(store, draft({ title: 'Labour survey', url: 'https://stats.example/labour' }));
    await updateSource(store, source.id, draft({ title: 'Labour force survey', url: 'https://stats.example/labour', reliability: 'B' }));
    const csl = exportSources(store);
    const again = await importSources(store, 'library.json', csl);
    expect(again).toMatchObject({ added: 0, duplicates: 1 });
    await expectCode(importSources(store, 'broken.json', 'not json'), 'INVALID_ARGUMENT');
    const { project } = await savedFiles(store);
    expect(project.sources.map((s) => [s.title, s.reliability])).toEqual([['Labour force survey', 'B']]);
  });

  it('refuses to delete a cited source, and merging repoints every citation on disk', async () => {
    const { store, speech, interview, labour, trade } = await checkProject();
    await expectCode(deleteSource(store, labour.id), 'IN_USE');
    await mergeSources(store, labour.id, trade.id);
    const uses = await sourceUsage(store);
    expect(uses[labour.id]).toBeUndefined();
    const { project, documents } = await savedFiles(store, speech.id, interview.id);
    expect(project.sources.some((s) => s.id === labour.id)).toBe(false);
    const cited = documents.flatMap((d) => d.annotations.flatMap((a) => (a.kind === 'claim' ? a.evidence.map((e) => e.sourceId) : [])));
    expect(cited).not.toContain(labour.id);
    expect(cited).toContain(trade.id);
  });

  it('answers createSource with the new source and the project after it', async () => {
    const store = await newProject();
    const { view, source } = await sourceHandlers(() => store).createSource(draft({ title: 'Trade figures' }));
    expect(view.project.sources).toEqual([source]);
    expect((await savedFiles(store)).project.sources).toEqual([source]);
  });
});
