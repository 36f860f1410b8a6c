/**
 * The part of find that needs a live editor: it searches again {@link REFRESH_DELAY_MS} after the
 * last edit (so typing in a long document only maps highlights), and tells subscribers (the find
 * bar) when find's state changes.
 */
import type { EditorState, PluginView } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { refreshFind } from './find-commands.js';
import { findKey } from './find-state.js';

/** How long after the last edit the matches are searched again. */
export const REFRESH_DELAY_MS = 150;

/** The find plugin's view of each editor, for controllers built from the EditorView alone. */
const views = new WeakMap<EditorView, FindView>();

/** The find plugin's view in `view`, or undefined when the plugin is not installed there. */
export function findViewOf(view: EditorView): FindView | undefined {
  return views.get(view);
}

export class FindView implements PluginView {
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly view: EditorView) {
    views.set(view, this);
  }

  /** Calls `listener` after every change of find's state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  update(view: EditorView, previous: EditorState): void {
    const find = findKey.getState(view.state);
    if (!find || find === findKey.getState(previous)) return;
    if (!find.stale) this.cancel();
    else if (view.state.doc !== previous.doc) this.schedule();
    for (const listener of [...this.listeners]) listener();
  }

  destroy(): void {
    this.cancel();
    this.listeners.clear();
    views.delete(this.view);
  }

  /** (Re)starts the wait before searching again. */
  private schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      refreshFind(this.view.state, this.view.dispatch);
    }, REFRESH_DELAY_MS);
  }

  private cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
