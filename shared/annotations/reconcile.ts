/**
 * Reconciling a stored document's marks with its annotation list when it is opened or its text
 * was replaced (read again with another encoding, changed outside Factmark). The marks in the
 * text are the truth inside the app; the anchors are the truth when the marks cannot be trusted.
 * Whatever cannot be placed confidently becomes an orphan with its last known words: never
 * dropped, never moved to other words.
 */
import { anchorAll, projectDocument, snapToCharBoundary, type DocumentProjection } from '../anchoring/index.js';
import type { Annotation } from '../model/annotation.js';
import type { ContentNode } from '../model/document.js';
import { rewriteAnnotationMarks, type MarkPlacement } from './apply-marks.js';
import { annotationRanges, type DocRange } from './ranges.js';
import { refreshAnchors } from './refresh.js';
import { contentOf, documentNode } from './table.js';

/** What reconciling did, counted per annotation (stray marks: per id). */
export interface ReconcileReport {
  /** Marked where their quote says (or, when the text was not changed outside, wherever marked). */
  kept: number;
  /** Placed again on exactly their quoted words (where they were, or where the passage moved). */
  reanchoredExact: number;
  /** Placed again on words that changed a little (a fuzzy match, context confirmed). */
  reanchoredFuzzy: number;
  /** Could not be placed confidently: now orphans keeping their last known words. */
  orphaned: number;
  /** Ids marked in the text with no annotation behind them; their marks were removed. */
  strayMarksRemoved: number;
}

/** A reconciled document. Unchanged inputs come back as the very same objects. */
export interface Reconciled {
  content: ContentNode;
  annotations: Annotation[];
  report: ReconcileReport;
}

/** What the caller knows about the text. */
export interface ReconcileOptions {
  /**
   * True when the text is not the one the annotations were last saved with (the stored
   * fingerprint differs, or the text was replaced): marks whose words no longer match their quote
   * are then placed again from the anchor instead of being trusted.
   */
  textChanged?: boolean;
}

/** The text covered by a range of marks, over the projection. */
function markedText(projection: DocumentProjection, range: DocRange): string {
  return projection.text.slice(projection.toTextOffset(range.from, 1), projection.toTextOffset(range.to, -1));
}

/**
 * Brings marks and annotations into agreement:
 * - marks whose id has no annotation are removed;
 * - an annotation marked on its quoted words is kept; so is one marked on other words when the
 *   text did not change (the marks followed the analyst's edits; its anchor is refreshed);
 * - a non-orphaned annotation without marks, or whose marked words differ from its quote after the
 *   text changed, is re-anchored from its stored anchor (anchorAll): placed ones get marks, the
 *   others become orphans keeping their anchor. Orphans without marks stay orphans.
 * The result's annotations are in document order with anchors refreshed from the marks. When
 * nothing needed doing, `content` and `annotations` are the inputs themselves; the check costs one
 * parse, one projection and one pass over the marks.
 */
export function reconcileDocument(content: ContentNode, annotations: Annotation[], options: ReconcileOptions = {}): Reconciled {
  const doc = documentNode(content, annotations);
  const ranges = annotationRanges(doc);
  const projection = projectDocument(doc);
  const known = new Set(annotations.map((a) => a.id));
  const unmark = new Set([...ranges.keys()].filter((id) => !known.has(id)));
  const report: ReconcileReport = { kept: 0, reanchoredExact: 0, reanchoredFuzzy: 0, orphaned: 0, strayMarksRemoved: unmark.size };

  const lost: Annotation[] = [];
  for (const annotation of new Map(annotations.map((a) => [a.id, a])).values()) {
    const range = ranges.get(annotation.id);
    if (range && (!options.textChanged || markedText(projection, range) === annotation.anchor.quote.exact)) report.kept++;
    else if (range || !annotation.orphaned) {
      lost.push(annotation);
      if (range) unmark.add(annotation.id);
    }
  }

  const placements: MarkPlacement[] = [];
  (lost.length > 0 ? anchorAll(projection.text, lost.map((a) => a.anchor)) : []).forEach((placement, i) => {
    // A fuzzy match may end inside a surrogate pair: marks never split an emoji or astral CJK.
    const from = placement.status === 'orphan' ? 0 : projection.toDocPos(snapToCharBoundary(projection.text, placement.start, -1), 1);
    const to = placement.status === 'orphan' ? 0 : projection.toDocPos(snapToCharBoundary(projection.text, placement.end, 1), -1);
    if (placement.status === 'orphan' || to <= from) report.orphaned++;
    else {
      placements.push({ id: lost[i]!.id, from, to });
      if (placement.status === 'fuzzy') report.reanchoredFuzzy++;
      else report.reanchoredExact++;
    }
  });

  const marked = unmark.size > 0 || placements.length > 0 ? rewriteAnnotationMarks(doc, { add: placements, remove: unmark }) : doc;
  const refreshed = refreshAnchors(marked);
  const byId = new Map(annotations.map((a) => [a.id, a]));
  const same = marked === doc && refreshed.length === annotations.length && refreshed.every((a) => byId.get(a.id) === a);
  if (same) return { content, annotations, report };
  return { content: marked === doc ? content : contentOf(marked), annotations: refreshed, report };
}
