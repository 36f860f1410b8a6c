/**
 * Page Down and Page Up in a windowed document (windowing.ts), handled by the editor. The browser
 * moves the caret a page by finding the text a page away on screen; there, far blocks are empty
 * stand-ins, so the caret found nothing and stayed (or went back) a few dozen paragraphs down. Here
 * the scrolling box scrolls by a page, the window moves to what it now shows at once, and the caret
 * goes to the text now under the place it had on screen, as the browser does in a short document
 * (which keeps the browser's own handling).
 */
import { Selection, TextSelection, type Command } from 'prosemirror-state';
import { isWindowed, moveWindowNow, scrollingBox } from './windowing.js';

/** How much of a screen one page moves: a few lines stay in view, as browsers do. */
const PAGE_SHARE = 0.875;

/** Moves the caret a page down (1) or up (-1); `extend` keeps the selection's anchor. */
export function pageBy(direction: 1 | -1, extend: boolean): Command {
  return (state, dispatch, view) => {
    if (!view || !isWindowed(state.doc)) return false;
    if (!dispatch) return true;
    const box = scrollingBox(view.dom) ?? document.scrollingElement;
    if (!box) return false;
    const caret = view.coordsAtPos(state.selection.head);
    const before = box.scrollTop;
    box.scrollTop = before + direction * Math.round(box.clientHeight * PAGE_SHARE);
    const scrolled = box.scrollTop !== before;
    moveWindowNow(view);
    const now = view.state;
    // At the end (or the start) already: the caret goes to the last (or first) place.
    let $target = direction > 0 ? Selection.atEnd(now.doc).$to : Selection.atStart(now.doc).$from;
    if (scrolled) {
      const found = view.posAtCoords({ left: caret.left, top: (caret.top + caret.bottom) / 2 });
      if (found) $target = now.doc.resolve(found.pos);
    }
    const selection = TextSelection.between(extend ? now.selection.$anchor : $target, $target);
    view.dispatch(now.tr.setSelection(selection));
    return true;
  };
}
