/**
 * Keys that jump to the start or end of the document, handled by the editor itself. Chromium
 * computes these from layout, and off-screen paragraphs skip layout (content-visibility in
 * app.css): left to the browser, Ctrl+End stopped at the start of the last paragraph. Page Down
 * and Page Up too, in a windowed document (paging.ts).
 */
import { keymap } from 'prosemirror-keymap';
import { Selection, TextSelection, type Command, type Plugin } from 'prosemirror-state';
import { pageBy } from './paging.js';

/** Moves the cursor to the start (-1) or end (1) of the document; `extend` keeps the selection's anchor. */
function toEdge(side: -1 | 1, extend: boolean): Command {
  return (state, dispatch) => {
    const edge = side < 0 ? Selection.atStart(state.doc) : Selection.atEnd(state.doc);
    const selection = extend ? TextSelection.between(state.selection.$anchor, side < 0 ? edge.$from : edge.$to) : edge;
    dispatch?.(state.tr.setSelection(selection).scrollIntoView());
    return true;
  };
}

export function documentKeys(): Plugin {
  return keymap({
    'Mod-Home': toEdge(-1, false),
    'Mod-End': toEdge(1, false),
    'Shift-Mod-Home': toEdge(-1, true),
    'Shift-Mod-End': toEdge(1, true),
    PageDown: pageBy(1, false),
    PageUp: pageBy(-1, false),
    'Shift-PageDown': pageBy(1, true),
    'Shift-PageUp': pageBy(-1, true),
  });
}
