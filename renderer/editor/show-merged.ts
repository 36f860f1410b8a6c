/**
 * Shows a merged document (another window's work with this one's, renderer/editor/rebase.ts) in
 * the open editor without opening it again: only the top-level blocks that differ are replaced and
 * only the annotation records that differ are changed, so the scroll position, the selection where
 * its words stayed, and the undo history of what this window did all survive. The change is no
 * revision and no step of the undo history (./text-revision.ts `asMainsDocument`).
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { tableOf } from '../../shared/annotations/table.js';
import type { Annotation } from '../../shared/model/annotation.js';
import { annotationTable, changeTable } from './annotations/annotation-table.js';
import { asMainsDocument } from './text-revision.js';

/** The positions of top-level blocks `[from, to)` of `doc`. */
function blockRange(doc: ProseMirrorNode, from: number, to: number): { start: number; end: number } {
  let start = 0;
  for (let i = 0; i < from; i++) start += doc.child(i).nodeSize;
  let end = start;
  for (let i = from; i < to; i++) end += doc.child(i).nodeSize;
  return { start, end };
}

/** Makes the editor show `merged` (a document node carrying its annotation table). */
export function showMerged(view: EditorView, merged: ProseMirrorNode): void {
  const { state } = view;
  const doc = state.doc;
  const shorter = Math.min(doc.childCount, merged.childCount);
  let from = 0;
  while (from < shorter && doc.child(from).eq(merged.child(from))) from++;
  let to = doc.childCount;
  let end = merged.childCount;
  while (to > from && end > from && doc.child(to - 1).eq(merged.child(end - 1))) {
    to--;
    end--;
  }
  const tr = state.tr;
  if (from < to || from < end) {
    const ours = blockRange(doc, from, to);
    const theirs = blockRange(merged, from, end);
    tr.replaceWith(ours.start, ours.end, merged.slice(theirs.start, theirs.end).content);
  }
  const table = annotationTable(state);
  const next = tableOf(merged);
  const changes: Record<string, Annotation | null> = {};
  for (const [id, annotation] of Object.entries(next)) if (table[id] !== annotation) changes[id] = annotation;
  for (const id of Object.keys(table)) if (!(id in next)) changes[id] = null;
  changeTable(tr, table, changes);
  if (!tr.docChanged) return;
  // A selection whose words were replaced falls back to where they were.
  if (tr.selection.from > tr.doc.content.size) tr.setSelection(TextSelection.atEnd(tr.doc));
  view.dispatch(asMainsDocument(tr));
}
