/**
 * The commands that drive find in document: look for a query, step through the matches, search
 * again after edits, and close. Each is a ProseMirror command, so it runs on an EditorState alone.
 */
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { findKey, type FindAction, type FindState } from './find-state.js';
import { DEFAULT_FIND_OPTIONS, type FindOptions } from './find-text.js';

/** A command that sends `action` to find. */
function send(action: FindAction, applies: (find: FindState) => boolean): Command {
  return (state, dispatch) => {
    const find = findKey.getState(state);
    if (!find || !applies(find)) return false;
    dispatch?.(state.tr.setMeta(findKey, action));
    return true;
  };
}

/**
 * Looks for `query` (an empty query closes find). The current match becomes the first one at or
 * after the previous current match, or after the selection when there was none, so typing a longer
 * query stays in place; the selection follows it.
 */
export function setFindQuery(query: string, options: Partial<FindOptions> = {}): Command {
  return send({ kind: 'search', query, options: { ...DEFAULT_FIND_OPTIONS, ...options } }, () => true);
}

/** Makes the next match current and selects it, wrapping from the last to the first. */
export const findNext: Command = send({ kind: 'step', direction: 1 }, (find) => find.query !== '');

/** Makes the previous match current and selects it, wrapping from the first to the last. */
export const findPrevious: Command = send({ kind: 'step', direction: -1 }, (find) => find.query !== '');

/** Searches again after the document changed (the plugin view runs this shortly after edits). */
export const refreshFind: Command = send({ kind: 'refresh' }, (find) => find.stale);

/** Ends find: clears the highlights and selects the current match, if any. */
export const closeFind: Command = (state, dispatch) => {
  const find = findKey.getState(state);
  if (!find || find.query === '') return false;
  if (dispatch) {
    const tr = state.tr.setMeta(findKey, { kind: 'close' } satisfies FindAction);
    if (find.current) tr.setSelection(TextSelection.create(state.doc, find.current.from, find.current.to));
    dispatch(tr);
  }
  return true;
};

/** Find's state in `state`, or null when the plugin is not installed. */
export function findState(state: EditorState): FindState | null {
  return findKey.getState(state) ?? null;
}
