/**
 * What deleting or merging tags does to the annotations that carry them: one rule, shared by the
 * store (documents on disk) and the editor (the open document's own copy).
 */

/** Tag ids that changed: a deleted tag maps to null, a merged tag to the tag it was merged into. */
export type TagRemap = Readonly<Record<string, string | null>>;

/**
 * An annotation's tag ids after a remap: deleted tags are dropped, merged tags are replaced, and
 * a tag reached twice is carried once. Returns the same array when nothing changed.
 */
export function remapTagIds(tagIds: string[], remap: TagRemap): string[] {
  if (!tagIds.some((id) => Object.hasOwn(remap, id))) return tagIds;
  const result: string[] = [];
  for (const id of tagIds) {
    const mapped = Object.hasOwn(remap, id) ? (remap[id] ?? null) : id;
    if (mapped !== null && !result.includes(mapped)) result.push(mapped);
  }
  return result;
}
