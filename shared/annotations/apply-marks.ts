/**
 * Putting many annotation marks on a document, or taking them off, in one pass. Adding 2,000 marks
 * as 2,000 transform steps rebuilds the document 2,000 times (superlinear); here every textblock
 * an annotation touches has its inline content built once, and every other node is reused as is.
 * Used when a document is opened or its text replaced and annotations are placed again.
 */
import { Fragment, type Mark, type Node as ProseMirrorNode } from 'prosemirror-model';
import { editorSchema } from '../editor-schema.js';

/** Where one annotation's mark goes: ProseMirror positions of the document it is applied to. */
export interface MarkPlacement {
  id: string;
  from: number;
  to: number;
}

/** Work counters of one rewrite, for complexity tests: how much was built, not how long it took. */
export interface MarkRewriteStats {
  /** Textblocks whose inline content was built again. */
  textblocksRebuilt: number;
  /** Inline nodes created for those textblocks. */
  inlineNodesBuilt: number;
}

const annotationMark = editorSchema.marks.annotation;

/**
 * `doc` with an `annotation` mark for each placement added over `[from, to)` (text and other inline
 * nodes, as `addMark` does; empty placements are skipped). Marks already there stay. Nodes no
 * placement touches are the same objects in the result. Cost: O(blocks + inline nodes touched +
 * placements × log placements).
 */
export function withAnnotationMarks(doc: ProseMirrorNode, placements: readonly MarkPlacement[], stats?: MarkRewriteStats): ProseMirrorNode {
  return rewriteAnnotationMarks(doc, { add: placements }, stats);
}

/** Marks to take off (by annotation id) and to put on, in one rewrite. */
export interface MarkRewrite {
  add?: readonly MarkPlacement[];
  remove?: ReadonlySet<string>;
}

/**
 * `doc` with the annotation marks of the `remove` ids taken off everywhere and the `add`
 * placements put on, in the same single pass as {@link withAnnotationMarks} (removal first, so an
 * id may be both removed and placed again elsewhere).
 */
export function rewriteAnnotationMarks(doc: ProseMirrorNode, rewrite: MarkRewrite, stats?: MarkRewriteStats): ProseMirrorNode {
  return rewriteMarks(doc, rewrite.add ?? [], rewrite.remove ?? new Set(), stats);
}

/** A placement clipped to one textblock: offsets into its content. */
interface Clipped {
  mark: Mark;
  start: number;
  end: number;
}

/** Removes `remove` ids and adds `placements` in one walk; unchanged subtrees are returned as they were. */
function rewriteMarks(doc: ProseMirrorNode, placements: readonly MarkPlacement[], remove: ReadonlySet<string>, stats: MarkRewriteStats | undefined): ProseMirrorNode {
  const sorted = placements.filter((p) => p.to > p.from).sort((a, b) => a.from - b.from);
  if (sorted.length === 0 && remove.size === 0) return doc;
  const marks = new Map<string, Mark>();
  const markOf = (id: string): Mark => {
    let mark = marks.get(id);
    if (!mark) marks.set(id, (mark = annotationMark.create({ id })));
    return mark;
  };

  // Textblocks are visited in document order, so the placements that may reach a block are kept
  // in a sweep: `next` enters them by start, and those ending before a block leave `active`.
  let next = 0;
  let active: MarkPlacement[] = [];
  const reaching = (start: number, end: number): Clipped[] => {
    while (next < sorted.length && sorted[next]!.from < end) active.push(sorted[next++]!);
    if (active.length > 0) active = active.filter((p) => p.to > start);
    return active.filter((p) => p.from < end).map((p) => ({ mark: markOf(p.id), start: Math.max(p.from, start) - start, end: Math.min(p.to, end) - start }));
  };

  const visit = (node: ProseMirrorNode, contentStart: number): ProseMirrorNode => {
    if (node.isTextblock) {
      const clipped = reaching(contentStart, contentStart + node.content.size);
      if (clipped.length === 0 && !carriesAny(node, remove)) return node;
      if (!node.type.allowsMarkType(annotationMark)) return node;
      const content = rebuildInline(node, clipped, remove);
      if (stats) {
        stats.textblocksRebuilt++;
        stats.inlineNodesBuilt += content.childCount;
      }
      return node.copy(content);
    }
    let changed = false;
    const children: ProseMirrorNode[] = [];
    node.forEach((child, offset) => {
      const result = child.isLeaf ? child : visit(child, contentStart + offset + 1);
      if (result !== child) changed = true;
      children.push(result);
    });
    return changed ? node.copy(Fragment.fromArray(children)) : node;
  };
  return visit(doc, 0);
}

/** True when some inline node of `block` carries an annotation mark with an id in `ids`. */
function carriesAny(block: ProseMirrorNode, ids: ReadonlySet<string>): boolean {
  if (ids.size === 0) return false;
  let found = false;
  block.forEach((child) => {
    if (!found) found = child.marks.some((mark) => mark.type === annotationMark && ids.has(String(mark.attrs.id)));
  });
  return found;
}

/**
 * The inline content of `block` with the clipped placements marked and the `remove` ids unmarked.
 * Text nodes are cut at every placement edge inside them; the marks of each piece are its own
 * minus the removed ones plus the placements open over it, tracked by a sweep over the edges.
 */
function rebuildInline(block: ProseMirrorNode, clipped: readonly Clipped[], remove: ReadonlySet<string>): Fragment {
  const opens = [...clipped].sort((a, b) => a.start - b.start);
  const closes = [...clipped].sort((a, b) => a.end - b.end);
  const edges = [...new Set(clipped.flatMap((c) => [c.start, c.end]))].sort((a, b) => a - b);
  const open = new Set<Clipped>();
  let o = 0;
  let c = 0;
  let e = 0;
  const pieces: ProseMirrorNode[] = [];
  block.forEach((child, offset) => {
    const own = remove.size > 0 ? child.marks.filter((mark) => !(mark.type === annotationMark && remove.has(String(mark.attrs.id)))) : child.marks;
    const childEnd = offset + child.nodeSize;
    while (e < edges.length && edges[e]! <= offset) e++;
    for (let at = offset; at < childEnd; ) {
      const until = child.isText && e < edges.length && edges[e]! < childEnd ? edges[e++]! : childEnd;
      while (o < opens.length && opens[o]!.start <= at) open.add(opens[o++]!);
      while (c < closes.length && closes[c]!.end <= at) open.delete(closes[c++]!);
      let marks: readonly Mark[] = own;
      for (const placement of open) marks = placement.mark.addToSet(marks);
      const piece = child.isText ? child.cut(at - offset, until - offset) : child;
      pieces.push(piece.mark(marks));
      at = until;
    }
  });
  return Fragment.fromArray(pieces);
}
