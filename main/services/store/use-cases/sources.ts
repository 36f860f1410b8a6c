/**
 * The source library's use cases and contract calls: adding, changing, deleting (refused while
 * cited) and merging sources (every citation repointed), where each is cited, and CSL-JSON import
 * and export. The rules of a source are ../source-library.ts.
 */
import { parseCslJson, sourcesToCslJson } from '../../../../shared/check/csl.js';
import { today } from '../../../../shared/check/fields.js';
import { repointSource } from '../../../../shared/check/source-merge.js';
import type { SourceDraft, SourceUse } from '../../../../shared/contract.js';
import type { Source } from '../../../../shared/model/index.js';
import { FactmarkError } from '../../../../shared/result.js';
import type { Handlers } from '../../../ipc/dispatch.js';
import * as library from '../source-library.js';
import { changeEverywhere, projectView, viewAfter, type OpenProject } from '../open-project.js';
import { describeUses, sourceUses, sourceUsesByDocument } from '../usage.js';

/** Adds a source to the library and writes it at once; returns the new source. */
export async function createSource(open: OpenProject, draft: SourceDraft): Promise<Source> {
  const { disk } = open;
  disk.assertOpen();
  const id = open.newId();
  const at = disk.timestamp();
  disk.changeProject((project) => ({ ...project, sources: library.addSource(project.sources, draft, id, at, today(disk.now())) }), at);
  await disk.flush();
  return library.sourceOf(disk.project.sources, id);
}

/** Replaces a source's fields (same rules as a new source) and writes it at once. */
export async function updateSource({ disk }: OpenProject, id: string, draft: SourceDraft): Promise<void> {
  disk.assertOpen();
  const at = disk.timestamp();
  disk.changeProject((project) => ({ ...project, sources: library.updateSource(project.sources, id, draft, at, today(disk.now())) }), at);
  await disk.flush();
}

/** Deletes a source; refused (`IN_USE`) while any document cites it, saying where. */
export async function deleteSource({ disk }: OpenProject, id: string): Promise<void> {
  disk.assertOpen();
  const source = library.sourceOf(disk.project.sources, id);
  const uses = sourceUsesByDocument(id, await disk.allDocumentData(`The source “${source.title}” was not deleted`));
  if (uses.length > 0) {
    throw new FactmarkError('IN_USE', `The source “${source.title}” was not deleted: it is cited in ${describeUses(uses)}. Remove those citations, or merge it into another source.`);
  }
  disk.changeProject((project) => ({ ...project, sources: project.sources.filter((s) => s.id !== id) }), disk.timestamp());
  await disk.flush();
}

/** Merges source `fromId` into `intoId`: blanks filled from it, and every document's evidence and source mentions repointed. */
export async function mergeSources(open: OpenProject, fromId: string, intoId: string): Promise<void> {
  const from = library.sourceOf(open.disk.project.sources, fromId);
  const at = open.disk.timestamp();
  await changeEverywhere(
    open,
    `The source “${from.title}” was not merged`,
    (project) => ({ ...project, sources: library.mergeSources(project.sources, fromId, intoId, at) }),
    (annotation) => repointSource(annotation, fromId, intoId),
  );
  open.edits.sourceMerged(fromId, intoId);
}

/** Where each source of the library is cited, over every document (read from disk where not loaded yet). */
export async function sourceUsage({ disk }: OpenProject): Promise<Record<string, SourceUse[]>> {
  disk.assertOpen();
  return sourceUses(
    disk.project.sources.map((source) => source.id),
    await disk.allDocumentData('The uses of the sources could not be listed'),
  );
}

/**
 * Adds the entries of a CSL-JSON file to the library, skipping duplicates and refusing entries
 * that break a source rule; a file that cannot be read at all adds nothing (`INVALID_ARGUMENT`).
 */
export async function importSources(open: OpenProject, fileName: string, text: string): Promise<Omit<library.LibraryImport, 'sources'>> {
  const { disk } = open;
  disk.assertOpen();
  const reading = parseCslJson(text);
  if ('problem' in reading) throw new FactmarkError('INVALID_ARGUMENT', `${fileName} was not imported: ${reading.problem}. Export the library from Zotero as “CSL JSON”.`);
  const at = disk.timestamp();
  const imported = library.importEntries(disk.project.sources, reading.entries, () => open.newId(), at, today(disk.now()));
  if (imported.added > 0) disk.changeProject((project) => ({ ...project, sources: imported.sources }), at);
  await disk.flush();
  return { added: imported.added, duplicates: imported.duplicates, refused: [...reading.refused, ...imported.refused] };
}

/** The library as CSL-JSON text, as Zotero imports it. */
export function exportSources({ disk }: OpenProject): string {
  disk.assertOpen();
  return sourcesToCslJson(disk.project.sources);
}

type SourceCalls = 'createSource' | 'updateSource' | 'deleteSource' | 'mergeSources' | 'sourceUsage' | 'importSources' | 'exportSources';

/** The library's contract calls on the project `open` gives (which throws when none is open). */
export function sourceHandlers(open: () => OpenProject): Pick<Handlers, SourceCalls> {
  return {
    createSource: async (draft) => {
      const project = open();
      const source = await createSource(project, draft);
      return { view: projectView(project), source };
    },
    updateSource: (id, draft) => viewAfter(open, (project) => updateSource(project, id, draft)),
    deleteSource: (id) => viewAfter(open, (project) => deleteSource(project, id)),
    mergeSources: (fromId, intoId) => viewAfter(open, (project) => mergeSources(project, fromId, intoId)),
    sourceUsage: () => sourceUsage(open()),
    importSources: async ({ fileName, text }) => {
      const project = open();
      const imported = await importSources(project, fileName, text);
      return { view: projectView(project), ...imported };
    },
    exportSources: () => exportSources(open()),
  };
}
