/**
 * What panels may ask of find in the open editor: look for a query, step through the matches, read
 * where the current match is, close, and hear about changes. Panels hold this, never the EditorView.
 * Stepping selects the match and scrolls it into view but leaves focus where it is (in the find
 * bar); closing returns focus to the text with the current match selected.
 */
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { closeFind, findNext, findPrevious, findState, setFindQuery } from './find-commands.js';
import type { FindMatch } from './find-matches.js';
import type { FindOptions } from './find-text.js';
import { findViewOf } from './find-view.js';
import { revealPosition } from './reveal.js';

/** The current match and the matches around it. */
export interface FindCurrent {
  /** Zero-based index of the current match. */
  index: number;
  /** How many matches there are (at most MATCH_LIMIT). */
  count: number;
  /** More matches exist than `count`. */
  truncated: boolean;
  /** The current match as a document range. */
  range: FindMatch;
}

export interface FindController {
  /** Looks for `query` (empty: no highlights, no work). Options left out are off. */
  setQuery(query: string, options?: Partial<FindOptions>): void;
  /** Selects the next match (wrapping around) and scrolls it into view; focus stays where it is. */
  next(): void;
  /** Selects the previous match (wrapping around) and scrolls it into view; focus stays where it is. */
  previous(): void;
  /** The current match, or null when there is no query or nothing matches. */
  current(): FindCurrent | null;
  /** Clears the highlights, selects the current match and gives the text focus. */
  close(): void;
  /** Calls `listener` whenever find's state changes (query, matches, current match); returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** The controller of the find plugin in `view`; throws when `findPlugin()` is not installed there. */
export function findController(view: EditorView): FindController {
  const feed = findViewOf(view);
  if (!feed) throw new Error('findController: the editor was created without findPlugin().');

  const run = (command: Command): boolean => !view.isDestroyed && command(view.state, view.dispatch);
  const reveal = (): void => {
    const current = findState(view.state)?.current;
    if (current) revealPosition(view, current.from);
  };

  return {
    setQuery(query, options) {
      const before = findState(view.state)?.current;
      if (run(setFindQuery(query, options)) && findState(view.state)?.current !== before) reveal();
    },
    next() {
      if (run(findNext)) reveal();
    },
    previous() {
      if (run(findPrevious)) reveal();
    },
    current() {
      const find = findState(view.state);
      if (view.isDestroyed || !find?.current) return null;
      return { index: find.index, count: find.matches.length, truncated: find.truncated, range: { ...find.current } };
    },
    close() {
      if (view.isDestroyed) return;
      view.focus();
      closeFind(view.state, (tr) => view.dispatch(tr.scrollIntoView()));
    },
    subscribe: (listener) => feed.subscribe(listener),
  };
}
