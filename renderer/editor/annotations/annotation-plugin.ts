/**
 * The annotation plugin: which annotation is active (clicked, jumped to, chosen in the panel),
 * the painted mark views, and the rules for pasted text — an annotation id already on the page,
 * or unknown to this document, is not pasted again, so copy and paste never duplicate an identity
 * (moving text by dragging keeps its annotations).
 */
import { Fragment, Slice, type Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import { annotationTable } from './annotation-table.js';
import { changedIds, type AnnotationPainter } from './painter.js';

/** What the plugin keeps: the active annotation's id. */
export interface AnnotationUiState {
  activeId: string | null;
}

export const annotationKey = new PluginKey<AnnotationUiState>('annotations');

const annotationMark = editorSchema.marks.annotation;

/** The active annotation's id in `state`. */
export function activeAnnotationId(state: EditorState): string | null {
  return annotationKey.getState(state)?.activeId ?? null;
}

/** Marks a transaction as making `id` the active annotation (null: none). */
export function withActive(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(annotationKey, { activeId: id } satisfies AnnotationUiState);
}

/** The ids of the annotations covering the text at `pos` (either side), innermost (shortest) first. */
export function annotationsAt(doc: ProseMirrorNode, pos: number): string[] {
  const $pos = doc.resolve(pos);
  const ids = new Set<string>();
  for (const node of [$pos.nodeBefore, $pos.nodeAfter]) {
    for (const mark of node?.marks ?? []) if (mark.type === annotationMark) ids.add(String(mark.attrs.id));
  }
  if (ids.size <= 1) return [...ids];
  const ranges = annotationRanges(doc);
  const length = (id: string) => {
    const range = ranges.get(id);
    return range ? range.to - range.from : Infinity;
  };
  return [...ids].sort((a, b) => length(a) - length(b));
}

/** Annotation marks removed from a slice where `keep` says no. */
function filterSliceMarks(slice: Slice, keep: (id: string) => boolean): Slice {
  const mapFragment = (fragment: Fragment): Fragment => {
    const children: ProseMirrorNode[] = [];
    fragment.forEach((node) => {
      const marks = node.marks.filter((m) => m.type !== annotationMark || keep(String(m.attrs.id)));
      const content = node.isLeaf ? node.content : mapFragment(node.content);
      children.push(node.isText ? node.mark(marks) : node.type.create(node.attrs, content, marks));
    });
    return Fragment.from(children);
  };
  return new Slice(mapFragment(slice.content), slice.openStart, slice.openEnd);
}

/** What the plugin reports to the code around the editor. */
export interface AnnotationPluginHooks {
  /** After each state change (the panels decide what to recompute). */
  onUpdate: (view: EditorView, previous: EditorState) => void;
  /** A right-click in the text, at a document position. */
  onContextMenu: (view: EditorView, event: MouseEvent) => void;
}

export function annotationPlugin(painter: AnnotationPainter, hooks: AnnotationPluginHooks): Plugin<AnnotationUiState> {
  return new Plugin<AnnotationUiState>({
    key: annotationKey,
    state: {
      init: () => ({ activeId: null }),
      apply(tr, value, _old, state) {
        const meta = tr.getMeta(annotationKey) as AnnotationUiState | undefined;
        const next = meta ?? value;
        // An active annotation that was removed (deleted, or undone) is no longer active.
        if (next.activeId && !annotationTable(state)[next.activeId]) return { activeId: null };
        return next;
      },
    },
    props: {
      markViews: { annotation: painter.markView },
      handleClick(view, pos) {
        const [innermost] = annotationsAt(view.state.doc, pos);
        if ((innermost ?? null) !== activeAnnotationId(view.state)) view.dispatch(withActive(view.state.tr, innermost ?? null));
        return false;
      },
      handleDOMEvents: {
        contextmenu(view, event) {
          hooks.onContextMenu(view, event);
          return event.defaultPrevented;
        },
        mouseover(_view, event) {
          painter.describe(event.target);
          return false;
        },
      },
      transformPasted(slice, view) {
        if (view.dragging?.move) return slice;
        const table = annotationTable(view.state);
        const onPage = annotationRanges(view.state.doc);
        return filterSliceMarks(slice, (id) => id in table && !onPage.has(id));
      },
    },
    view(view) {
      painter.attach(view);
      return {
        update(updated, previous) {
          const before = annotationTable(previous);
          const after = annotationTable(updated.state);
          if (before !== after) painter.repaint(changedIds(before, after));
          painter.setActive(activeAnnotationId(updated.state));
          hooks.onUpdate(updated, previous);
        },
      };
    },
  });
}
