/**
 * Runs of stand-ins shown as one box. In a windowed document (windowing.ts) the thousands of far
 * blocks are empty stand-ins, but each was still a box of the editable root: the browser walked all
 * of them whenever it laid the root out again, which it does on every keystroke (~15 ms a key with
 * the ~4,600 blocks of a 5 MB transcript). Here each run of consecutive stand-ins keeps one box: its
 * first stand-in (the run's head) takes the height of the whole run, gaps between its blocks
 * included, and the others are `display: none` (class `folded`), with no box at all. The page is
 * as tall as before, with a few boxes where there were thousands.
 */

/** How many lines of text each stand-in stands for. */
const standInLines = new WeakMap<Element, number>();

/** What each stand-in shows now: the height of its run in em when it is a head, 0 when folded away. */
const shownHeight = new WeakMap<Element, number>();

/** The height of a line of document text and the gap below each stand-in, in em (renderer/styles/app.css). */
const LINE_EM = 1.7;
const GAP_EM = 0.9;

/** `em` rounded to thousandths, so that sums compare equal and print short. */
const toThousandths = (em: number) => Math.round(em * 1000) / 1000;

/** The height in em a stand-in of `lines` lines takes with the gap below it. */
const withGap = (lines: number) => lines * LINE_EM + GAP_EM;

/** Records that `element` is a stand-in for `lines` lines of text. */
export function markStandIn(element: HTMLElement, lines: number): void {
  standInLines.set(element, lines);
}

/**
 * Folds each run of consecutive stand-ins among `root`'s children into its head, writing to the
 * page only what changed, and returns the children that still have a box, in page order.
 */
export function foldStandIns(root: HTMLElement): HTMLElement[] {
  const boxes: HTMLElement[] = [];
  let head: HTMLElement | null = null;
  let height = 0;
  const closeRun = () => {
    if (head) show(head, height - GAP_EM);
    head = null;
  };
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    const lines = standInLines.get(child);
    if (lines === undefined) {
      closeRun();
      boxes.push(child as HTMLElement);
    } else if (head === null) {
      head = child as HTMLElement;
      height = withGap(lines);
      boxes.push(head);
    } else {
      height += withGap(lines);
      show(child as HTMLElement, 0);
    }
  }
  closeRun();
  return boxes;
}

/** Makes `element` a head `height` em tall (its gap below apart), or folds it away when `height` is 0. */
function show(element: HTMLElement, height: number): void {
  const rounded = toThousandths(height);
  const before = shownHeight.get(element);
  if (before === rounded) return;
  shownHeight.set(element, rounded);
  if (rounded === 0) {
    element.classList.add('folded');
    element.style.removeProperty('height');
    return;
  }
  if (before === 0) element.classList.remove('folded');
  // A run of one keeps the height its class gives it.
  if (rounded === toThousandths(standInLines.get(element)! * LINE_EM)) element.style.removeProperty('height');
  else element.style.height = `${rounded}em`;
}

/**
 * The block that `box` (one of {@link foldStandIns}'s answer) shows at the page height `y`: `box`
 * itself, or for the head of a run the stand-in of that run whose share of the head's height holds
 * `y` (the first or last of the run when `y` is above or below it).
 */
export function blockShownAt(box: HTMLElement, y: number): HTMLElement {
  const next = box.nextElementSibling;
  if (!standInLines.has(box) || !next || shownHeight.get(next) !== 0) return box;
  const rect = box.getBoundingClientRect();
  let before = ((y - rect.top) / Math.max(rect.height, 1)) * shownHeight.get(box)!;
  let block = box;
  for (let member: Element | null = next; member && shownHeight.get(member) === 0; member = member.nextElementSibling) {
    before -= withGap(standInLines.get(block)!);
    if (before < 0) break;
    block = member as HTMLElement;
  }
  return block;
}
