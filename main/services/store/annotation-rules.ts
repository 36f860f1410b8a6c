/**
 * The rules an edited document's annotation list must keep before the store accepts it: one
 * entry per id, no mark in the text pointing at an annotation that is not in the list, and tags
 * only from the project's codebook.
 */
import type { Annotation, ContentNode, Tag } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The ids the `annotation` marks of `content` (stored JSON) refer to. */
export function markedIds(content: ContentNode): Set<string> {
  const ids = new Set<string>();
  const visit = (node: ContentNode): void => {
    for (const mark of node.marks ?? []) if (mark.type === 'annotation') ids.add(String(mark.attrs?.id));
    node.content?.forEach(visit);
  };
  visit(content);
  return ids;
}

/**
 * Refuses (`INVALID_ARGUMENT`) a list that repeats an id, or content whose marks refer to an
 * annotation missing from the list: either would lose or mix up an analyst's work on save.
 */
export function checkAnnotationIds(title: string, content: ContentNode, annotations: readonly Annotation[]): void {
  const ids = new Set<string>();
  for (const annotation of annotations) {
    if (ids.has(annotation.id)) throw new FactmarkError('INVALID_ARGUMENT', `The annotations of "${title}" were not saved: the annotation ${annotation.id} is listed twice.`);
    ids.add(annotation.id);
  }
  const unknown = [...markedIds(content)].filter((id) => !ids.has(id));
  if (unknown.length > 0) throw unknownMarksError(title, unknown);
}

/** The refusal of text whose marks name the annotations `unknown`, missing from its list. */
export function unknownMarksError(title: string, unknown: readonly string[]): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `The text of "${title}" was not saved: it marks ${unknown.length === 1 ? 'an annotation' : `${unknown.length} annotations`} (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}) missing from its annotation list.`);
}

/**
 * The annotations with every tag id that is not in the codebook dropped (a tag deleted meanwhile
 * or never known). Annotations that need no change, and the list itself when none does, are
 * returned as they were.
 */
export function withCodebookTags(annotations: Annotation[], tags: readonly Tag[]): Annotation[] {
  const known = new Set(tags.map((tag) => tag.id));
  let changed = false;
  const kept = annotations.map((annotation) => {
    if (annotation.tagIds.every((id) => known.has(id))) return annotation;
    changed = true;
    return { ...annotation, tagIds: annotation.tagIds.filter((id) => known.has(id)) };
  });
  return changed ? kept : annotations;
}
