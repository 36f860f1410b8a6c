/**
 * Changes to annotations as ProseMirror transactions: marking words, removing, changing kind,
 * range and tags. Each is one undoable step that changes the marks on the text and the annotation
 * table together (annotation-table.ts), so undo brings an annotation back with its details.
 *
 * Pure functions of the editor state: they build a transaction or say in plain words why not.
 */
import { closeHistory } from 'prosemirror-history';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { annotationRanges, type DocRange } from '../../../shared/annotations/ranges.js';
import { repointSource } from '../../../shared/check/source-merge.js';
import { remapTagIds, type TagRemap } from '../../../shared/codebook/remap.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import type { Annotation, AnnotationKind } from '../../../shared/model/annotation.js';
import { annotationName, KIND_LABELS } from './appearance.js';
import { annotationTable, changeTable, withKeptCheck } from './annotation-table.js';
import { newAnnotation, withKind } from './new-annotation.js';

/** A built change, or the reason it cannot be made. */
export type Change = { ok: true; tr: Transaction } | { ok: false; problem: string };

/** What marking words needs from outside the editor. */
export interface MarkRequest {
  kind: AnnotationKind;
  range: DocRange;
  id: string;
  now: string;
  /** Called only when a claim is made, so claim numbers are not spent on refusals. */
  nextShortId: () => string;
}

const annotationMark = editorSchema.marks.annotation;

/** The words of a range as plain text (blocks separated by a newline, as in the projection). */
export function textOf(doc: ProseMirrorNode, range: DocRange): string {
  return doc.textBetween(range.from, range.to, '\n', '\n');
}

/** The range without the white space at its edges, or null when nothing but white space is in it. */
export function trimRange(doc: ProseMirrorNode, range: DocRange): DocRange | null {
  let { from, to } = range;
  const text = textOf(doc, { from, to });
  if (text.trim() === '') return null;
  // Step inwards one position at a time while the edge is white space or a block boundary.
  while (from < to && /^\s?$/.test(textOf(doc, { from, to: from + 1 }))) from += 1;
  while (to > from && /^\s?$/.test(textOf(doc, { from: to - 1, to }))) to -= 1;
  return { from, to };
}

/** The annotation with `id`, or a problem. */
function find(state: EditorState, id: string): Annotation | string {
  return annotationTable(state)[id] ?? 'That annotation no longer exists.';
}

/** Makes the words in `range` an annotation of `kind`. Refuses empty ranges and exact duplicates. */
export function markWords(state: EditorState, request: MarkRequest): Change {
  const range = trimRange(state.doc, request.range);
  if (!range) return { ok: false, problem: 'Select some words first: the selection holds no text.' };
  const duplicate = sameRangeAndKind(state, range, request.kind);
  if (duplicate) return { ok: false, problem: `These words are already marked: ${annotationName(duplicate)}.` };
  const annotation = newAnnotation(request.kind, {
    id: request.id,
    exact: textOf(state.doc, range),
    now: request.now,
    ...(request.kind === 'claim' ? { shortId: request.nextShortId() } : {}),
  });
  // The cursor goes to the end of the new annotation: a key typed before the card takes the
  // keyboard must not replace the words just marked.
  const tr = closeHistory(state.tr).addMark(range.from, range.to, annotationMark.create({ id: annotation.id }));
  tr.setSelection(TextSelection.create(tr.doc, range.to));
  return { ok: true, tr: changeTable(tr, annotationTable(state), { [annotation.id]: annotation }) };
}

/** An annotation of `kind` covering exactly `range`, if there is one. */
function sameRangeAndKind(state: EditorState, range: DocRange, kind: AnnotationKind): Annotation | null {
  const table = annotationTable(state);
  const candidates = new Set<string>();
  state.doc.nodesBetween(range.from, range.to, (node) => {
    for (const mark of node.marks) if (mark.type === annotationMark) candidates.add(String(mark.attrs.id));
  });
  if (candidates.size === 0) return null;
  const ranges = annotationRanges(state.doc);
  for (const id of candidates) {
    const at = ranges.get(id);
    const annotation = table[id];
    if (annotation?.kind === kind && at?.from === range.from && at.to === range.to) return annotation;
  }
  return null;
}

/** Removes an annotation: its marks and its details (undo restores both). */
export function removeAnnotation(state: EditorState, id: string): Change {
  const found = find(state, id);
  if (typeof found === 'string') return { ok: false, problem: found };
  const at = annotationRanges(state.doc).get(id);
  let tr = closeHistory(state.tr);
  if (at) tr = tr.removeMark(at.from, at.to, annotationMark.create({ id }));
  return { ok: true, tr: changeTable(tr, annotationTable(state), { [id]: null }) };
}

/** Moves an annotation onto `range` (extend, shrink, or re-attach an orphan). */
export function setAnnotationRange(state: EditorState, id: string, range: DocRange, now: string): Change {
  const found = find(state, id);
  if (typeof found === 'string') return { ok: false, problem: found };
  const trimmed = trimRange(state.doc, range);
  if (!trimmed) return { ok: false, problem: 'Select the words the annotation should cover first.' };
  const mark = annotationMark.create({ id });
  const at = annotationRanges(state.doc).get(id);
  let tr = closeHistory(state.tr);
  if (at) tr = tr.removeMark(at.from, at.to, mark);
  tr = tr.addMark(trimmed.from, trimmed.to, mark);
  const exact = textOf(state.doc, trimmed);
  const moved: Annotation = { ...found, orphaned: false, updatedAt: now, anchor: { ...found.anchor, quote: { ...found.anchor.quote, exact } } };
  return { ok: true, tr: changeTable(tr, annotationTable(state), { [id]: moved }) };
}

/** Replaces an annotation's details with `next` (same id), as one undoable step. */
export function replaceAnnotation(state: EditorState, next: Annotation): Change {
  const found = find(state, next.id);
  if (typeof found === 'string') return { ok: false, problem: found };
  return { ok: true, tr: changeTable(closeHistory(state.tr), annotationTable(state), { [next.id]: next }) };
}

/** Turns an annotation into another kind; a new claim takes the next short id. */
export function changeKind(state: EditorState, id: string, kind: AnnotationKind, now: string, nextShortId: () => string): Change {
  const found = find(state, id);
  if (typeof found === 'string') return { ok: false, problem: found };
  if (found.kind === kind) return { ok: false, problem: `It is already a ${KIND_LABELS[kind].toLowerCase()}.` };
  // Back to a kind it had: the check its id last had in that kind comes with it.
  return replaceAnnotation(state, withKeptCheck(state, withKind(found, kind, now, kind === 'claim' ? nextShortId() : undefined)));
}

/** Adds the tag to the annotation, or takes it off when it is there. */
export function toggleTag(state: EditorState, id: string, tagId: string, now: string): Change {
  const found = find(state, id);
  if (typeof found === 'string') return { ok: false, problem: found };
  const tagIds = found.tagIds.includes(tagId) ? found.tagIds.filter((t) => t !== tagId) : [...found.tagIds, tagId];
  return replaceAnnotation(state, { ...found, tagIds, updatedAt: now });
}

/**
 * Applies a codebook change to every annotation: each key's tag becomes its value, or is removed
 * when the value is null (a merged or deleted tag). Kept out of the undo history: the codebook
 * change itself is not undoable here. Null when no annotation carries any of the tags.
 */
export function remapTags(state: EditorState, remap: TagRemap): Transaction | null {
  const table = annotationTable(state);
  const next: Record<string, Annotation> = {};
  for (const annotation of Object.values(table)) {
    const tagIds = remapTagIds(annotation.tagIds, remap);
    if (tagIds !== annotation.tagIds) next[annotation.id] = { ...annotation, tagIds };
  }
  return Object.keys(next).length > 0 ? changeTable(state.tr, table, next).setMeta('addToHistory', false) : null;
}

/**
 * Applies a source merge to every annotation: evidence and source mentions citing `fromId` cite
 * `intoId`. Outside the undo history, like {@link remapTags}. Null when nothing cited `fromId`.
 */
export function repointSources(state: EditorState, fromId: string, intoId: string): Transaction | null {
  const table = annotationTable(state);
  const next: Record<string, Annotation> = {};
  for (const annotation of Object.values(table)) {
    const repointed = repointSource(annotation, fromId, intoId);
    if (repointed !== annotation) next[annotation.id] = repointed;
  }
  return Object.keys(next).length > 0 ? changeTable(state.tr, table, next).setMeta('addToHistory', false) : null;
}
