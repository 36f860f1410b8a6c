/**
 * The codebook's use cases and contract calls: adding, changing, deleting and merging tags (the
 * rules are ../codebook.ts), with every document's annotations remapped together, and how often
 * each tag is used.
 */
import { remapTagIds, type TagRemap } from '../../../../shared/codebook/remap.js';
import type { NewTag, TagPatch } from '../../../../shared/contract.js';
import type { Tag } from '../../../../shared/model/index.js';
import type { Handlers } from '../../../ipc/dispatch.js';
import * as codebook from '../codebook.js';
import { changeEverywhere, viewAfter, type OpenProject } from '../open-project.js';

/** Adds a tag to the codebook and writes it at once; returns the new tag. */
export async function createTag(open: OpenProject, init: NewTag): Promise<Tag> {
  const { disk } = open;
  disk.assertOpen();
  const id = open.newId();
  disk.changeProject((project) => ({ ...project, tags: codebook.createTag(project.tags, init, id) }), disk.timestamp());
  await disk.flush();
  return codebook.tagOf(disk.project.tags, id);
}

/** Renames, recolours, describes or moves a tag, and writes it at once. */
export async function updateTag({ disk }: OpenProject, id: string, patch: TagPatch): Promise<void> {
  disk.assertOpen();
  disk.changeProject((project) => ({ ...project, tags: codebook.updateTag(project.tags, id, patch) }), disk.timestamp());
  await disk.flush();
}

/** Deletes a tag: every document's annotations stop carrying it; the tags under it move up. */
export async function deleteTag(open: OpenProject, id: string): Promise<void> {
  const tag = codebook.tagOf(open.disk.project.tags, id);
  await changeCodebook(open, `The tag “${tag.name}” was not deleted`, { [id]: null }, (tags) => codebook.deleteTag(tags, id));
}

/** Merges tag `fromId` into `intoId`, in the codebook and in every document's annotations. */
export async function mergeTags(open: OpenProject, fromId: string, intoId: string): Promise<void> {
  const from = codebook.tagOf(open.disk.project.tags, fromId);
  await changeCodebook(open, `The tag “${from.name}” was not merged`, { [fromId]: intoId }, (tags) => codebook.mergeTags(tags, fromId, intoId));
}

/** How many annotations carry each tag, over every document (read from disk where not loaded yet). */
export async function tagUsage({ disk }: OpenProject): Promise<Record<string, number>> {
  const usage: Record<string, number> = Object.fromEntries(disk.project.tags.map((tag) => [tag.id, 0]));
  for (const document of await disk.allDocumentData('The tag counts could not be made')) {
    for (const annotation of document.annotations) {
      for (const tagId of new Set(annotation.tagIds)) if (tagId in usage) usage[tagId]! += 1;
    }
  }
  return usage;
}

/** Changes the codebook and remaps the tags of every document's annotations together. */
function changeCodebook(open: OpenProject, refusal: string, remap: TagRemap, change: (tags: Tag[]) => Tag[]): Promise<void> {
  return changeEverywhere(
    open,
    refusal,
    (project) => ({ ...project, tags: change(project.tags) }),
    (annotation) => {
      const tagIds = remapTagIds(annotation.tagIds, remap);
      return tagIds === annotation.tagIds ? annotation : { ...annotation, tagIds };
    },
  );
}

type CodebookCalls = 'createTag' | 'updateTag' | 'deleteTag' | 'mergeTags' | 'tagUsage';

/** The codebook's contract calls on the project `open` gives (which throws when none is open). */
export function codebookHandlers(open: () => OpenProject): Pick<Handlers, CodebookCalls> {
  return {
    createTag: (request) => viewAfter(open, (project) => createTag(project, request)),
    updateTag: (id, patch) => viewAfter(open, (project) => updateTag(project, id, patch)),
    deleteTag: (id) => viewAfter(open, (project) => deleteTag(project, id)),
    mergeTags: (fromId, intoId) => viewAfter(open, (project) => mergeTags(project, fromId, intoId)),
    tagUsage: () => tagUsage(open()),
  };
}
