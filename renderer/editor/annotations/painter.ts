/**
 * Paints annotation marks on the page. ProseMirror renders each run of an `annotation` mark with
 * the mark view below; the painter gives it its kind class, colour and active state from the
 * annotation table, and repaints runs in place when only details changed (a tag applied, "colour
 * by" switched) — no re-render of the text, and no decorations to map on every keystroke. The
 * hover summary (`title`) is written when the pointer first reaches a run ({@link describe}), not
 * for each of the thousands of runs a long document opens with. The mark views tell ProseMirror
 * to ignore these attribute changes.
 */
import type { Mark } from 'prosemirror-model';
import type { EditorView, MarkView, ViewMutationRecord } from 'prosemirror-view';
import type { AnnotationTable } from '../../../shared/annotations/table.js';
import { annotationTable } from './annotation-table.js';
import { legendEntryOf, summaryOf, type AppearanceContext } from './appearance.js';

const ID_ATTRIBUTE = 'data-annotation-id';

export class AnnotationPainter {
  private activeId: string | null = null;
  private flashId: string | null = null;
  private view: EditorView | null = null;

  /** @param context gives what colours depend on (colour-by choice, codebook, rating scale). */
  constructor(private context: AppearanceContext) {}

  /**
   * The mark view constructor for the `annotation` mark. A run is painted as it is made, from the
   * state of the view that makes it (already set while the view builds its first DOM), so opening
   * a document paints each run once and never walks the page again.
   */
  readonly markView = (mark: Mark, view: EditorView): MarkView => {
    const dom = document.createElement('span');
    const id = String(mark.attrs.id);
    dom.setAttribute(ID_ATTRIBUTE, id);
    this.paint(dom, id, annotationTable(view.state));
    return { dom, ignoreMutation: (mutation: ViewMutationRecord) => mutation.type === 'attributes' };
  };

  /** The view whose runs later repaints change. */
  attach(view: EditorView): void {
    this.view = view;
  }

  /** Changes what colours mean and repaints every run (nothing to do when the meaning is the same). */
  setContext(context: AppearanceContext): void {
    if (context === this.context) return;
    this.context = context;
    this.repaint(null);
  }

  /** Marks one annotation as the active (selected) one. */
  setActive(id: string | null): void {
    if (id === this.activeId) return;
    const previous = this.activeId;
    this.activeId = id;
    this.repaint(new Set([previous, id].filter((x): x is string => x !== null)));
  }

  /** Briefly highlights an annotation (after a jump to it), for about a second. */
  flash(id: string): void {
    this.flashId = id;
    this.repaint(new Set([id]));
    setTimeout(() => {
      if (this.flashId !== id) return;
      this.flashId = null;
      this.repaint(new Set([id]));
    }, 1200);
  }

  /** Gives the run under the pointer (`target` or the run around it) its hover summary, once. */
  describe(target: EventTarget | null): void {
    const span = target instanceof Element ? target.closest<HTMLElement>(`[${ID_ATTRIBUTE}]`) : null;
    if (!this.view || !span || span.hasAttribute('title') || !this.view.dom.contains(span)) return;
    const annotation = annotationTable(this.view.state)[span.getAttribute(ID_ATTRIBUTE)!];
    if (annotation) span.title = summaryOf(annotation, this.context);
  }

  /** Repaints the runs of the given annotations, or of all when `ids` is null. */
  repaint(ids: ReadonlySet<string> | null): void {
    if (!this.view || ids?.size === 0) return;
    const table = annotationTable(this.view.state);
    // Ids are [A-Za-z0-9_-] (shared/model/common.ts), safe inside a quoted attribute selector.
    const selector = ids && ids.size <= 16 ? [...ids].map((id) => `[${ID_ATTRIBUTE}="${id}"]`).join(',') : `[${ID_ATTRIBUTE}]`;
    for (const span of this.view.dom.querySelectorAll<HTMLElement>(selector)) {
      const id = span.getAttribute(ID_ATTRIBUTE)!;
      if (!ids || ids.has(id)) this.paint(span, id, table);
    }
  }

  private paint(span: HTMLElement, id: string, table: AnnotationTable): void {
    const annotation = table[id];
    const classes = ['annotation'];
    if (annotation) classes.push(`annotation-${annotation.kind}`);
    if (id === this.activeId) classes.push('is-active');
    if (id === this.flashId) classes.push('is-flashing');
    span.className = classes.join(' ');
    if (!annotation) return;
    span.style.setProperty('--annotation-colour', legendEntryOf(annotation, this.context).colour);
    if (span.hasAttribute('title')) span.title = summaryOf(annotation, this.context);
  }
}

/** The ids whose details differ between two tables (added, removed or changed). */
export function changedIds(before: AnnotationTable, after: AnnotationTable): Set<string> {
  const changed = new Set<string>();
  for (const id in after) if (before[id] !== after[id]) changed.add(id);
  for (const id in before) if (!(id in after)) changed.add(id);
  return changed;
}
