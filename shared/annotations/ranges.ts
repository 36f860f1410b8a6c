/**
 * Where each annotation sits in a document, in editor positions. An annotation's marks may be
 * split (other marks, a paragraph break, an unmarked word pasted inside), so its range runs from
 * the first text carrying its id to the end of the last.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { editorSchema } from '../editor-schema.js';

/** A range of a document in ProseMirror positions, `from < to`. */
export interface DocRange {
  from: number;
  to: number;
}

const annotationMark = editorSchema.marks.annotation;

/**
 * The range of every annotation id marked in `doc`, in document order (the map iterates by `from`).
 * One pass over the inline nodes, so O(document + marks). Ids without a table entry are listed
 * too: the caller decides what a stray mark means.
 */
export function annotationRanges(doc: ProseMirrorNode): Map<string, DocRange> {
  const ranges = new Map<string, DocRange>();
  doc.descendants((node, pos) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      if (mark.type !== annotationMark) continue;
      const id = String(mark.attrs.id);
      const end = pos + node.nodeSize;
      const range = ranges.get(id);
      if (range) range.to = end;
      else ranges.set(id, { from: pos, to: end });
    }
    return false;
  });
  return ranges;
}
