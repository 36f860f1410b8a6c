/**
 * Refreshing the selectors an annotation keeps for outside the editor. The marks in the text say
 * where every annotation is; its anchor (TextQuote + TextPosition over the plain-text projection)
 * must say the same, so it can be found again after the text changes outside Factmark and so
 * exports carry the right words and code-point offsets.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describeRange, indexCodePoints, projectDocument } from '../anchoring/index.js';
import type { Annotation } from '../model/annotation.js';
import type { Anchor } from '../model/selectors.js';
import { annotationRanges } from './ranges.js';
import { tableOf } from './table.js';

/** True when two anchors describe the same words at the same place with the same context. */
export function sameAnchor(a: Anchor, b: Anchor): boolean {
  return (
    a.position.start === b.position.start &&
    a.position.end === b.position.end &&
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix
  );
}

/**
 * The annotations of `doc` (its table) as they should be stored: placed ones in document order
 * (by where their marks start) with their anchor described again from the marked text, then the
 * orphans (no mark left in the text) in their table order, flagged `orphaned` and keeping their
 * last anchor, i.e. the last words they were known to cover. An annotation whose anchor and flag
 * are already right is returned as the same object, so callers can tell what changed by identity.
 * One projection and one code-point index serve all annotations: O(document + annotations).
 */
export function refreshAnchors(doc: ProseMirrorNode): Annotation[] {
  const table = tableOf(doc);
  const ranges = annotationRanges(doc);
  const projection = projectDocument(doc);
  const index = indexCodePoints(projection.text);
  const placed: Annotation[] = [];
  for (const [id, range] of ranges) {
    const annotation = table[id];
    if (!annotation) continue;
    const anchor = describeRange(projection.text, projection.toTextOffset(range.from, 1), projection.toTextOffset(range.to, -1), index);
    placed.push(!annotation.orphaned && sameAnchor(anchor, annotation.anchor) ? annotation : { ...annotation, anchor, orphaned: false });
  }
  const orphans: Annotation[] = [];
  for (const annotation of Object.values(table)) {
    if (ranges.has(annotation.id)) continue;
    orphans.push(annotation.orphaned ? annotation : { ...annotation, orphaned: true });
  }
  return [...placed, ...orphans];
}
