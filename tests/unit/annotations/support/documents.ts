/**
 * Test support: documents with annotations. Text becomes paragraphs (one per line, blank lines as
 * empty paragraphs, so the projection is the text itself); annotations are notes or claims with
 * anchors described over that text; marks are added with plain ProseMirror transforms
 * (`addMark`), independently of the code under test.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { describeRange, indexCodePoints, projectDocument } from '../../../../shared/anchoring/index.js';
import { documentNode } from '../../../../shared/annotations/table.js';
import { editorSchema } from '../../../../shared/editor-schema.js';
import { Claim, Note, type Annotation } from '../../../../shared/model/annotation.js';
import type { ContentNode } from '../../../../shared/model/document.js';
import type { Anchor } from '../../../../shared/model/selectors.js';

const AT = '2026-01-01T00:00:00.000Z';

/** A range of the plain text (UTF-16 units) an annotation covers. */
export interface Span {
  id: string;
  start: number;
  end: number;
}

/** Paragraphs, one per line of `text` (an empty line is an empty paragraph): its projection is `text`. */
export function contentFromText(text: string): ContentNode {
  return {
    type: 'doc',
    content: text.split('\n').map((line): ContentNode => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}

/** A note with this anchor. */
export function note(id: string, anchor: Anchor, extra: Partial<Note> = {}): Annotation {
  return Note.parse({ id, kind: 'note', anchor, createdAt: AT, updatedAt: AT, ...extra });
}

/** A claim with this anchor and short id. */
export function claim(id: string, shortId: string, anchor: Anchor, extra: Partial<Claim> = {}): Annotation {
  return Claim.parse({ id, kind: 'claim', shortId, anchor, createdAt: AT, updatedAt: AT, ...extra });
}

/** Notes for `spans` of `text`, each anchored where it is. */
export function notesOn(text: string, spans: readonly Span[]): Annotation[] {
  const index = indexCodePoints(text);
  return spans.map((span) => note(span.id, describeRange(text, span.start, span.end, index)));
}

/** Adds a mark per span with `addMark`, one step each (the slow, obviously right way). */
export function markSpans(doc: ProseMirrorNode, spans: readonly Span[]): ProseMirrorNode {
  const projection = projectDocument(doc);
  const tr = new Transform(doc);
  for (const span of spans) tr.addMark(projection.toDocPos(span.start, 1), projection.toDocPos(span.end, -1), editorSchema.marks.annotation.create({ id: span.id }));
  return tr.doc;
}

/** A document of `text` with the spans marked and described as notes in its table. */
export function annotatedDoc(text: string, spans: readonly Span[]): ProseMirrorNode {
  return markSpans(documentNode(contentFromText(text), notesOn(text, spans)), spans);
}

/** The ids marked on each UTF-16 unit of the projection (sorted, joined by ","), an independent view of where marks are. */
export function marksPerUnit(doc: ProseMirrorNode): string[] {
  const units: string[] = [];
  let first = true;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    if (!first) units.push('');
    first = false;
    node.forEach((child) => {
      const ids = child.marks.filter((m) => m.type.name === 'annotation').map((m) => String(m.attrs.id)).sort().join(',');
      const size = child.isText ? child.text!.length : 1;
      for (let i = 0; i < size; i++) units.push(ids);
    });
    return false;
  });
  return units;
}
