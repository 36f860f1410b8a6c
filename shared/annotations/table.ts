/**
 * The annotation table of an open document: annotation details keyed by id, carried as the
 * `annotations` attribute of the ProseMirror `doc` node. The text carries only `annotation` marks
 * holding an id; the table holds everything else (kind, tags, anchor, claim fields).
 *
 * The table is immutable: every change builds a new object and sets it with a DocAttrStep, which
 * puts annotation changes in the same undo history as text edits. On disk the table is the
 * document's `annotations` list and the content is stored without it.
 */
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { editorSchema } from '../editor-schema.js';
import type { Annotation } from '../model/annotation.js';
import type { ContentNode } from '../model/document.js';

/** Annotation details by id. */
export type AnnotationTable = Readonly<Record<string, Annotation>>;

/** The annotation table carried by a document node. */
export function tableOf(doc: ProseMirrorNode): AnnotationTable {
  return doc.attrs.annotations as AnnotationTable;
}

/** A table from a stored list (later entries win on a repeated id). */
export function tableFromList(annotations: readonly Annotation[]): AnnotationTable {
  const table: Record<string, Annotation> = {};
  for (const annotation of annotations) table[annotation.id] = annotation;
  return Object.freeze(table);
}

/**
 * The document node for stored content and its annotations. Any `attrs` stored on the content's
 * root are ignored: the table comes only from the validated annotation list.
 */
export function documentNode(content: ContentNode, annotations: readonly Annotation[]): ProseMirrorNode {
  return ProseMirrorNode.fromJSON(editorSchema, { ...content, attrs: { annotations: tableFromList(annotations) } });
}

/** The content of a document node as stored: its JSON without the annotation table. */
export function contentOf(doc: ProseMirrorNode): ContentNode {
  const { attrs: _table, ...content } = doc.toJSON() as ContentNode;
  return content;
}
