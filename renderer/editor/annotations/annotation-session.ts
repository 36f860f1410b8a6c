/**
 * The annotation side of one open editor: what the panels, toolbar, menus and keys ask for —
 * mark the selected words, remove, re-range, re-kind, tag, jump between annotations — carried out
 * as undoable transactions on the view. Panels hold a session, never the EditorView.
 */
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { annotationRanges, type DocRange } from '../../../shared/annotations/ranges.js';
import type { AnnotationTable } from '../../../shared/annotations/table.js';
import type { TagRemap } from '../../../shared/codebook/remap.js';
import type { Annotation, AnnotationKind } from '../../../shared/model/annotation.js';
import {
  changeKind,
  markWords,
  remapTags,
  removeAnnotation,
  repointSources,
  replaceAnnotation,
  setAnnotationRange,
  toggleTag,
  type Change,
} from './annotation-commands.js';
import { activeAnnotationId, annotationsAt, withActive } from './annotation-plugin.js';
import { annotationTable } from './annotation-table.js';
import type { AnnotationPainter } from './painter.js';
import { isEditing } from '../read-only.js';

/** What a session needs from the application around the editor. */
export interface AnnotationHost {
  /** The next claim short id of the project (`C12`); each call spends one. */
  nextShortId(): string;
  /** Tag ids in codebook order: number keys 1–9 apply the first nine. */
  tagOrder(): readonly string[];
  /** Tells the analyst why something was not done. */
  notify(problem: string): void;
  /** A new annotation was made (its card opens ready for typing). */
  onCreated(id: string): void;
}

function now(): string {
  return new Date().toISOString();
}

export class AnnotationSession {
  private readonly listeners = new Set<(previous: EditorState | null) => void>();

  constructor(
    readonly view: EditorView,
    private readonly host: AnnotationHost,
    readonly painter: AnnotationPainter,
  ) {}

  get state(): EditorState {
    return this.view.state;
  }

  /** The document's annotations by id. */
  table(): AnnotationTable {
    return annotationTable(this.view.state);
  }

  /** The active annotation's id, or null. */
  activeId(): string | null {
    return activeAnnotationId(this.state);
  }

  /** The annotation the keys and menus act on: the active one, else the innermost at the cursor. */
  target(): Annotation | null {
    const table = annotationTable(this.state);
    const id = this.activeId() ?? annotationsAt(this.state.doc, this.state.selection.from)[0];
    return (id && table[id]) || null;
  }

  /** Tells the analyst something through the application's notice area. */
  notify(message: string): void {
    this.host.notify(message);
  }

  /** Listens to every change of the editor state; returns the unsubscribe function. */
  subscribe(listener: (previous: EditorState | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Called by the plugin after each update. */
  changed(previous: EditorState): void {
    for (const listener of this.listeners) listener(previous);
  }

  private apply(change: Change, activate?: string | null): boolean {
    if (!change.ok) {
      this.host.notify(change.problem);
      return false;
    }
    const tr = activate === undefined ? change.tr : withActive(change.tr, activate);
    this.view.dispatch(tr);
    return true;
  }

  /** Marks `range` (default: the selection) as an annotation of `kind`. */
  mark(kind: AnnotationKind, range: DocRange = this.state.selection): boolean {
    const started = performance.now();
    const id = crypto.randomUUID();
    const change = markWords(this.state, { kind, range: { from: range.from, to: range.to }, id, now: now(), nextShortId: () => this.host.nextShortId() });
    const done = this.apply(change, id);
    // User Timing: the bench suite reads how long making an annotation took (script, up to render).
    performance.measure('factmark:annotation-create', { start: started });
    if (done) this.host.onCreated(id);
    return done;
  }

  /** Removes an annotation (undoable). */
  remove(id: string): boolean {
    const started = performance.now();
    const done = this.apply(removeAnnotation(this.state, id), null);
    performance.measure('factmark:annotation-remove', { start: started });
    return done;
  }

  /** Moves an annotation onto the selected words (also re-attaches an orphan). */
  setRangeToSelection(id: string): boolean {
    const { from, to } = this.state.selection;
    return this.apply(setAnnotationRange(this.state, id, { from, to }, now()), id);
  }

  changeKind(id: string, kind: AnnotationKind): boolean {
    return this.apply(changeKind(this.state, id, kind, now(), () => this.host.nextShortId()), id);
  }

  toggleTag(id: string, tagId: string): boolean {
    return this.apply(toggleTag(this.state, id, tagId, now()));
  }

  /** Toggles the `n`th tag of the codebook (1-based) on the annotation the keys act on. */
  toggleTagNumber(n: number): boolean {
    const target = this.target();
    if (!target) {
      this.host.notify('Choose an annotation first: click it, or move to it with Alt+↓.');
      return false;
    }
    const tagId = this.host.tagOrder()[n - 1];
    if (!tagId) {
      this.host.notify(`The codebook has no tag number ${n}.`);
      return false;
    }
    return this.toggleTag(target.id, tagId);
  }

  /**
   * Saves what a card changed: the fields of `next` that differ from `seen` (the record the card
   * showed), set on the annotation as it is now. Two quick saves from one card (a typed field and
   * a choice) so never undo each other, and no save writes back a field it did not change.
   */
  update(next: Annotation, seen: Annotation): boolean {
    const current = annotationTable(this.state)[next.id];
    if (!current) {
      this.host.notify('That annotation is gone (undone or removed): its card can no longer change it.');
      return false;
    }
    const changed = Object.fromEntries(Object.entries(next).filter(([field, value]) => (seen as unknown as Record<string, unknown>)[field] !== value));
    return this.apply(replaceAnnotation(this.state, { ...current, ...changed, updatedAt: now() } as Annotation));
  }

  /** Applies a codebook change (merged or deleted tags) to this document's annotations. */
  remapTags(remap: TagRemap): void {
    const tr = remapTags(this.state, remap);
    if (tr) this.view.dispatch(tr);
  }

  /** Applies a source merge (main already rewrote the stored documents) to this document's annotations. */
  repointSource(fromId: string, intoId: string): void {
    const tr = repointSources(this.state, fromId, intoId);
    if (tr) this.view.dispatch(tr);
  }

  /**
   * Makes an annotation the active one. With `reveal`, also selects its words, scrolls them into
   * view and flashes them; with `focus`, puts the keyboard in the text. False for an orphan.
   */
  select(id: string | null, options: { reveal?: boolean; focus?: boolean } = {}): boolean {
    if (id === null) {
      this.view.dispatch(withActive(this.state.tr, null));
      return true;
    }
    const range = options.reveal ? annotationRanges(this.state.doc).get(id) : undefined;
    let tr = withActive(this.state.tr, id);
    if (range) tr = tr.setSelection(TextSelection.create(tr.doc, range.from, range.to));
    this.view.dispatch(tr);
    if (range) {
      this.revealStart(range.from);
      this.painter.flash(id);
    }
    if (options.focus) this.view.focus();
    return !options.reveal || range !== undefined;
  }

  /** Scrolls the start of a range to the middle of the screen (a long annotation's end may be far below). */
  private revealStart(from: number): void {
    const { node } = this.view.domAtPos(from, 1);
    const element = node instanceof Element ? node : node.parentElement;
    element?.scrollIntoView({ block: 'center' });
  }

  /** Moves to the next (1) or previous (-1) annotation in the text after or before the cursor. */
  step(direction: 1 | -1): boolean {
    const ranges = [...annotationRanges(this.state.doc)].sort((a, b) => a[1].from - b[1].from || a[1].to - b[1].to);
    if (ranges.length === 0) {
      this.host.notify('This document has no annotations on its text yet.');
      return false;
    }
    const active = this.activeId();
    const index = ranges.findIndex(([id]) => id === active);
    const from = this.state.selection.from;
    const next =
      index >= 0
        ? ranges[(index + direction + ranges.length) % ranges.length]!
        : direction === 1
          ? (ranges.find(([, r]) => r.from > from) ?? ranges[0]!)
          : ([...ranges].reverse().find(([, r]) => r.from < from) ?? ranges[ranges.length - 1]!);
    return this.select(next[0], { reveal: true, focus: true });
  }

  /** True when words are selected (not just a cursor). */
  hasSelectedWords(): boolean {
    return !this.state.selection.empty;
  }

  /** True while the single-key commands (C, S, N, R, X, 1–9) act: in read-only text; in edit mode keys type. */
  singleKeysActive(): boolean {
    return !isEditing(this.state);
  }
}
