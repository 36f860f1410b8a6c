/**
 * The rules of a project's codebook, on plain data: what a new tag may be called, where it may
 * nest, and what deleting or merging does to the other tags. Each function takes the current tags
 * and returns the new list (never mutating it), or throws a FactmarkError whose message the analyst
 * reads as is. The store applies the result and rewrites the annotations (see shared/codebook/remap.ts).
 */
import { comparisonKey } from '../../../shared/check/compare.js';
import { nextTagColour } from '../../../shared/codebook/palette.js';
import { descendantIds } from '../../../shared/codebook/tree.js';
import type { NewTag, TagPatch } from '../../../shared/contract.js';
import { Colour, type Tag } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The longest tag name: a label, not a sentence (the description holds the explanation). */
export const MAX_TAG_NAME_LENGTH = 200;
/** The most tags a codebook holds, as the project file allows. */
export const MAX_TAGS = 10_000;

/** Adds a tag with id `id`: name trimmed and unique, colour from the palette unless given. */
export function createTag(tags: readonly Tag[], init: NewTag, id: string): Tag[] {
  if (tags.length >= MAX_TAGS) throw new FactmarkError('INVALID_ARGUMENT', `The codebook is full: it holds at most ${MAX_TAGS.toLocaleString('en')} tags.`);
  const name = checkedName(tags, init.name, null);
  const parentId = checkedParent(tags, init.parentId ?? null, null);
  const tag: Tag = {
    id,
    name,
    colour: init.colour === undefined ? nextTagColour(tags) : checkedColour(init.colour),
    description: (init.description ?? '').trim(),
    parentId,
  };
  return [...tags, tag];
}

/** Renames, recolours, describes or moves a tag; a parent must exist and not lie inside the tag. */
export function updateTag(tags: readonly Tag[], id: string, patch: TagPatch): Tag[] {
  const current = tagOf(tags, id);
  const updated: Tag = {
    ...current,
    ...(patch.name !== undefined && { name: checkedName(tags, patch.name, id) }),
    ...(patch.colour !== undefined && { colour: checkedColour(patch.colour) }),
    ...(patch.description !== undefined && { description: patch.description.trim() }),
    ...(patch.parentId !== undefined && { parentId: checkedParent(tags, patch.parentId, current) }),
  };
  return tags.map((tag) => (tag.id === id ? updated : tag));
}

/** Removes a tag; the tags under it move up to its parent (or the top level). */
export function deleteTag(tags: readonly Tag[], id: string): Tag[] {
  const removed = tagOf(tags, id);
  return tags.filter((tag) => tag.id !== id).map((tag) => (tag.parentId === id ? { ...tag, parentId: removed.parentId } : tag));
}

/**
 * Merges tag `fromId` into tag `intoId`: the tags under `from` move under `into`, and `from` is
 * removed. When `into` sat inside `from`, it first takes `from`'s place, so no tag ends up inside itself.
 */
export function mergeTags(tags: readonly Tag[], fromId: string, intoId: string): Tag[] {
  const from = tagOf(tags, fromId);
  const into = tagOf(tags, intoId);
  if (fromId === intoId) throw new FactmarkError('INVALID_ARGUMENT', `A tag cannot be merged into itself: choose another tag to merge “${from.name}” into.`);
  const intoWasInside = descendantIds(tags, fromId).has(intoId);
  return tags
    .filter((tag) => tag.id !== fromId)
    .map((tag) => {
      if (tag.id === intoId) return intoWasInside ? { ...tag, parentId: from.parentId } : tag;
      return tag.parentId === fromId ? { ...tag, parentId: into.id } : tag;
    });
}

/** The tag `id`; `NOT_FOUND` with a message that says what probably happened. */
export function tagOf(tags: readonly Tag[], id: string): Tag {
  const tag = tags.find((t) => t.id === id);
  if (!tag) throw new FactmarkError('NOT_FOUND', 'That tag is no longer in the codebook (it may have been deleted or merged). Reload the project to see the current tags.');
  return tag;
}

/** A trimmed, non-empty name no other tag has (`except` is the tag being renamed). */
function checkedName(tags: readonly Tag[], raw: string, except: string | null): string {
  const name = raw.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (name === '') throw new FactmarkError('INVALID_ARGUMENT', 'A tag needs a name.');
  if (name.length > MAX_TAG_NAME_LENGTH) throw new FactmarkError('INVALID_ARGUMENT', `A tag name is at most ${MAX_TAG_NAME_LENGTH} characters; put the explanation in its description.`);
  const key = comparisonKey(name);
  const clash = tags.find((tag) => tag.id !== except && comparisonKey(tag.name) === key);
  if (clash) throw new FactmarkError('ALREADY_EXISTS', `A tag named “${clash.name}” already exists. Choose another name, or merge the two tags.`);
  return name;
}

/** A `#rrggbb` colour in lower case. */
function checkedColour(colour: string): string {
  if (!Colour.safeParse(colour).success) throw new FactmarkError('INVALID_ARGUMENT', `“${colour}” is not a colour Factmark understands; write it as #rrggbb.`);
  return colour.toLowerCase();
}

/** A parent for `tag` (null for a new one): null, or an existing tag that is neither `tag` nor inside it. */
function checkedParent(tags: readonly Tag[], parentId: string | null, tag: Tag | null): string | null {
  if (parentId === null) return null;
  const parent = tags.find((t) => t.id === parentId);
  if (!parent) throw new FactmarkError('NOT_FOUND', 'The chosen parent tag is no longer in the codebook. Choose another parent.');
  if (tag && parent.id === tag.id) throw new FactmarkError('INVALID_ARGUMENT', `“${tag.name}” cannot be placed under itself.`);
  if (tag && descendantIds(tags, tag.id).has(parent.id)) {
    throw new FactmarkError('INVALID_ARGUMENT', `“${tag.name}” cannot be placed under “${parent.name}”, because “${parent.name}” is inside “${tag.name}”. Move “${parent.name}” out first.`);
  }
  return parent.id;
}
