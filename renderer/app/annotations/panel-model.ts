/**
 * What the annotations panel lists: annotations in document order, orphans apart, filtered by
 * kind, tag, status, verdict and free text, and counted. Pure functions over the table and the
 * ranges, so they are tested without a page.
 */
import type { AnnotationTable } from '../../../shared/annotations/table.js';
import type { Annotation, AnnotationKind } from '../../../shared/model/annotation.js';
import type { Tag } from '../../../shared/model/tag.js';

/** The panel's filter; 'all' lets everything through. */
export interface PanelFilter {
  kind: AnnotationKind | 'all';
  tagId: string | 'all';
  status: string | 'all';
  /** A level id, a special outcome, 'none' (no verdict yet) or 'all'. */
  verdict: string | 'all';
  text: string;
}

export const NO_FILTER: PanelFilter = { kind: 'all', tagId: 'all', status: 'all', verdict: 'all', text: '' };

/** Annotations on the text in document order, and orphans (words gone) in table order. */
export interface AnnotationListing {
  placed: Annotation[];
  orphans: Annotation[];
}

/** Sorts the table by where each annotation starts (then ends); no range means orphan. */
export function listAnnotations(table: AnnotationTable, ranges: ReadonlyMap<string, { from: number; to: number }>): AnnotationListing {
  const placed: { annotation: Annotation; from: number; to: number }[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of Object.values(table)) {
    const range = ranges.get(annotation.id);
    if (range) placed.push({ annotation, ...range });
    else orphans.push(annotation);
  }
  placed.sort((a, b) => a.from - b.from || a.to - b.to);
  return { placed: placed.map((p) => p.annotation), orphans };
}

/** The verdict key of an annotation for filtering: level id, special outcome, or 'none'. */
export function verdictKey(annotation: Annotation): string | null {
  if (annotation.kind !== 'claim') return null;
  return annotation.verdict.special ?? annotation.verdict.levelId ?? 'none';
}

/** The words a free-text filter looks in: the quote, the claim or note text, short id and tag names. */
function searchableText(annotation: Annotation, tags: ReadonlyMap<string, Tag>): string {
  const parts = [annotation.anchor.quote.exact, ...annotation.tagIds.map((id) => tags.get(id)?.name ?? '')];
  if (annotation.kind === 'claim') parts.push(annotation.shortId, annotation.restatement, annotation.claimant, annotation.verdict.conclusion);
  if (annotation.kind === 'note') parts.push(annotation.body);
  return parts.join('\n').toLocaleLowerCase();
}

/** Whether an annotation passes the filter. */
export function passes(annotation: Annotation, filter: PanelFilter, tags: ReadonlyMap<string, Tag>): boolean {
  if (filter.kind !== 'all' && annotation.kind !== filter.kind) return false;
  if (filter.tagId !== 'all' && !annotation.tagIds.includes(filter.tagId)) return false;
  if (filter.status !== 'all' && (annotation.kind !== 'claim' || annotation.status !== filter.status)) return false;
  if (filter.verdict !== 'all' && verdictKey(annotation) !== filter.verdict) return false;
  const needle = filter.text.trim().toLocaleLowerCase();
  return needle === '' || searchableText(annotation, tags).includes(needle);
}

/** True when the filter lets everything through. */
export function isUnfiltered(filter: PanelFilter): boolean {
  return filter.kind === 'all' && filter.tagId === 'all' && filter.status === 'all' && filter.verdict === 'all' && filter.text.trim() === '';
}

/** How many annotations there are of each kind. */
export function countByKind(annotations: Iterable<Annotation>): Record<AnnotationKind, number> {
  const counts: Record<AnnotationKind, number> = { claim: 0, sourceMention: 0, note: 0 };
  for (const annotation of annotations) counts[annotation.kind] += 1;
  return counts;
}
