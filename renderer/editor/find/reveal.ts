/**
 * Scrolls a document position into view without taking focus. ProseMirror's `scrollIntoView` acts
 * only when the DOM selection is inside the editor (prosemirror-view's `scrollToSelection` ignores
 * selections elsewhere), and while the find bar has focus it is not.
 */
import type { EditorView } from 'prosemirror-view';
import { keepBlockNear } from '../windowing.js';

/** Room kept at the top and bottom of a scrolling box, so a match never hides under a sticky bar. */
const MARGIN_PX = 64;

interface Rect {
  top: number;
  bottom: number;
}

/** Whether `rect` is well inside every scrolling box around `dom` and inside the window. */
function inView(dom: HTMLElement, rect: Rect): boolean {
  for (let box = dom.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY !== 'auto' && overflowY !== 'scroll') continue;
    const bounds = box.getBoundingClientRect();
    if (rect.top < bounds.top + MARGIN_PX || rect.bottom > bounds.bottom - MARGIN_PX) return false;
  }
  return rect.top >= 0 && rect.bottom <= (dom.ownerDocument.defaultView?.innerHeight ?? Infinity);
}

/** Centres the text at `pos` in its scrolling box, unless it is already well in view. */
export function revealPosition(view: EditorView, pos: number): void {
  keepBlockNear(view, pos);
  if (inView(view.dom, view.coordsAtPos(pos, 1))) return;
  const { node, offset } = view.domAtPos(pos, 1);
  const target = node.nodeType === node.TEXT_NODE ? node.parentElement : (node.childNodes[offset] ?? node);
  const element = target instanceof Element ? target : node.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
