/**
 * Windowing for very long documents. Every top-level block skips layout and paint while off
 * screen (`content-visibility: auto`, renderer/styles/app.css), but the browser still builds all of
 * them and checks each against the viewport on every frame: with thousands of blocks (a 5 MB
 * transcript has ~4,600) opening builds tens of thousands of elements, and the checks alone cost
 * ~35 ms a keystroke. In a document of more than {@link WINDOWED_BLOCK_COUNT} blocks, only the
 * blocks near what is shown are built (marked by a decoration, class `is-near`): those within one
 * to two screens of the visible part of the scrolling box, the blocks holding the ends of the
 * selection, and one block asked for with {@link keepBlockNear} (a find match about to be shown).
 * The others are empty stand-ins of about their height ({@link blockView}), without
 * `content-visibility`, so the browser neither builds their text nor checks them per frame; each
 * run of them shows as one box (stand-in-runs.ts), so nor does it lay them out per keystroke. The
 * document itself is whole: ProseMirror edits, copies, finds and saves from its state, never from
 * the page. Scrolling moves the window on the next animation frame.
 *
 * The trade-off: far blocks' words are not in the page, so not in the accessibility tree either
 * until the view or the caret comes near; hence windowing only from 2,000 blocks (~2 MB of prose).
 */
import { DOMSerializer, type Node as ProseMirrorNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView, type NodeViewConstructor } from 'prosemirror-view';
import { blockShownAt, foldStandIns, markStandIn } from './stand-in-runs.js';

/** Documents with more top-level blocks than this are windowed; shorter ones render every block as it scrolls in. */
export const WINDOWED_BLOCK_COUNT = 2_000;

/** Blocks near the top of a document that has just opened: more than a screen and the next hold, so the first measure moves nothing. */
const INITIAL_BLOCKS = 60;

/** The blocks kept near, by top-level index: `[from, to)` around the view, and one pinned block. */
interface BlockWindow {
  from: number;
  to: number;
  pinned: number | null;
}

/** What the plugin keeps: the window, the near blocks it gives (as a key), and their decorations. */
interface WindowState {
  shown: BlockWindow;
  near: string;
  decorations: DecorationSet;
}

const windowKey = new PluginKey<WindowState>('windowing');

/** Views whose top-level block views were built again since their stand-ins were last folded. */
const rebuilt = new WeakSet<EditorView>();

/** The window tracker of each windowed view. */
const trackers = new WeakMap<EditorView, WindowTracker>();

/** True when `doc` is long enough to be windowed. */
export function isWindowed(doc: ProseMirrorNode): boolean {
  return doc.childCount > WINDOWED_BLOCK_COUNT;
}

/** The top-level index of the block holding `pos` (at the document's end, the last block). */
function blockIndex(doc: ProseMirrorNode, pos: number): number {
  return Math.min(doc.resolve(Math.min(Math.max(pos, 0), doc.content.size)).index(0), doc.childCount - 1);
}

/** The indices of the blocks kept near in `state` with window `shown`, ascending, without repeats. */
function nearBlocks({ doc, selection }: Pick<EditorState, 'doc' | 'selection'>, shown: BlockWindow): number[] {
  if (!isWindowed(doc)) return [];
  const last = doc.childCount - 1;
  const near = new Set<number>();
  for (let i = Math.max(0, shown.from); i < Math.min(shown.to, last + 1); i++) near.add(i);
  near.add(blockIndex(doc, selection.from));
  near.add(blockIndex(doc, selection.to));
  if (shown.pinned !== null && shown.pinned <= last) near.add(shown.pinned);
  return [...near].sort((a, b) => a - b);
}

/** The spec of the decoration that marks a near block, which {@link blockView} looks for. */
const NEAR = { near: true } as const;

/** Node decorations marking the near blocks. */
function nearDecorations(doc: ProseMirrorNode, indices: readonly number[]): DecorationSet {
  const decorations: Decoration[] = [];
  let pos = 0;
  let index = 0;
  for (const wanted of indices) {
    for (; index < wanted; index++) pos += doc.child(index).nodeSize;
    const size = doc.child(index).nodeSize;
    decorations.push(Decoration.node(pos, pos + size, { class: 'is-near' }, NEAR));
  }
  return DecorationSet.create(doc, decorations);
}

/**
 * Keeps the block holding `pos` rendered until the window next moves, so it can be measured and
 * scrolled to; call before scrolling to a position that is not the selection.
 */
export function keepBlockNear(view: EditorView, pos: number): void {
  const current = windowKey.getState(view.state)?.shown;
  if (!current || !isWindowed(view.state.doc)) return;
  const pinned = blockIndex(view.state.doc, pos);
  if (pinned !== current.pinned) view.dispatch(view.state.tr.setMeta(windowKey, { ...current, pinned }));
}

/**
 * Moves the window to what the scrolling box shows, one animation frame after a scroll (of any box:
 * the listener is on the document, capturing, because the editor is built before it joins the page)
 * or a resize.
 */
class WindowTracker {
  private frame = 0;
  private readonly schedule = () => {
    if (this.frame === 0) this.frame = requestAnimationFrame(() => this.measure());
  };

  constructor(private readonly view: EditorView) {
    trackers.set(view, this);
    document.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule);
    foldStandIns(view.dom);
    this.schedule();
  }

  /** Folds the stand-ins again when blocks were built or removed; schedules a measure when the document became long. */
  update(view: EditorView, previous: EditorState): void {
    const blocksChanged = rebuilt.delete(view) || view.state.doc.childCount !== previous.doc.childCount;
    if (blocksChanged && (isWindowed(view.state.doc) || isWindowed(previous.doc))) foldStandIns(view.dom);
    if (isWindowed(view.state.doc) && !isWindowed(previous.doc)) this.schedule();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    document.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
  }

  /**
   * Moves the window when the blocks within a screen of the visible part are not all in it, to
   * those within two screens: each move rebuilds blocks and costs ProseMirror a pass over every
   * top-level block, so small scrolls (and the first measure after opening) move nothing.
   */
  measure(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    const { view } = this;
    const current = windowKey.getState(view.state)?.shown;
    if (view.isDestroyed || !current || !isWindowed(view.state.doc)) return;
    const boxes = foldStandIns(view.dom);
    const needed = this.blocksWithin(boxes, 1);
    if (!needed || (current.from <= needed.from && needed.to <= current.to)) return;
    const { from, to } = this.blocksWithin(boxes, 2) ?? needed;
    view.dispatch(view.state.tr.setMeta(windowKey, { from, to, pinned: null }));
  }

  /**
   * The top-level blocks `[from, to)` within `screens` heights of the scrolling box's visible part,
   * from the editor's children that have a box (`boxes`, in page order); null when there are none.
   */
  private blocksWithin(boxes: readonly HTMLElement[], screens: number): { from: number; to: number } | null {
    const shown = scrollingBox(this.view.dom)?.getBoundingClientRect() ?? { top: 0, bottom: window.innerHeight, height: window.innerHeight };
    if (boxes.length === 0) return null;
    const top = shown.top - shown.height * screens;
    const bottom = shown.bottom + shown.height * screens;
    const first = Math.min(firstBox(boxes, (rect) => rect.bottom >= top), boxes.length - 1);
    const last = Math.max(first, firstBox(boxes, (rect) => rect.top > bottom) - 1);
    return { from: this.indexOf(blockShownAt(boxes[first]!, top)), to: this.indexOf(blockShownAt(boxes[last]!, bottom)) + 1 };
  }

  /** The top-level index of a child element of the editor. */
  private indexOf(element: Element): number {
    return blockIndex(this.view.state.doc, this.view.posAtDOM(element, 0));
  }
}

/** Moves the window of `view` to what its scrolling box shows now, not on the next frame (after a scroll made by the editor itself). */
export function moveWindowNow(view: EditorView): void {
  trackers.get(view)?.measure();
}

/** The index of the first of `boxes` (in page order) whose rectangle passes `test`, or `boxes.length` when none does. */
function firstBox(boxes: readonly HTMLElement[], test: (rect: DOMRect) => boolean): number {
  let low = 0;
  let high = boxes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (test(boxes[middle]!.getBoundingClientRect())) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** The nearest ancestor of `element` that scrolls vertically; null for the window. */
export function scrollingBox(element: HTMLElement): HTMLElement | null {
  for (let box = element.parentElement; box; box = box.parentElement) {
    const { overflowY } = getComputedStyle(box);
    if (overflowY === 'auto' || overflowY === 'scroll') return box;
  }
  return null;
}

/** About how many characters a line of the text column holds, for a stand-in's height. */
const CHARACTERS_PER_LINE = 70;

/** The top-level blocks of the last document asked about: resolving each block's position would cost as much as the blocks before it. */
let topLevel: { doc: ProseMirrorNode; blocks: ReadonlySet<ProseMirrorNode> } | null = null;

/** True when `node` is one of `doc`'s top-level blocks. */
function isTopLevel(doc: ProseMirrorNode, node: ProseMirrorNode): boolean {
  if (topLevel?.doc !== doc) {
    const blocks = new Set<ProseMirrorNode>();
    doc.forEach((block) => blocks.add(block));
    topLevel = { doc, blocks };
  }
  return topLevel.blocks.has(node);
}

/** The heights stand-ins come in, in lines (renderer/styles/app.css has a class for each). */
const LINE_BUCKETS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 48, 64];

/** The stand-in height for a block: the smallest bucket that holds its text's lines, about. */
function lineBucket(node: ProseMirrorNode): number {
  const lines = Math.ceil(node.content.size / CHARACTERS_PER_LINE);
  return LINE_BUCKETS.find((bucket) => bucket >= lines) ?? LINE_BUCKETS.at(-1)!;
}

/** True when a node view's outer decorations mark it near. */
function markedNear(decorations: readonly Decoration[]): boolean {
  return decorations.some((decoration) => (decoration.spec as Partial<typeof NEAR>).near === true);
}

/**
 * The view of a block: what its schema's `toDOM` makes, with ProseMirror filling its content; but
 * for a top-level block of a windowed document that is not near, the same element left empty, of
 * about the height its text will take (a stand-in). Its text is built when it comes near: the
 * decorations change, `update` declines, and ProseMirror makes the view again. So opening a long
 * document builds only the blocks near the top, and the DOM stays small however far one scrolls.
 */
const blockView: NodeViewConstructor = (node, view, _getPos, decorations) => {
  const { dom, contentDOM } = DOMSerializer.renderSpec(document, node.type.spec.toDOM!(node));
  const windowed = isWindowed(view.state.doc) && isTopLevel(view.state.doc, node);
  const standIn = windowed && !markedNear(decorations);
  if (windowed) rebuilt.add(view);
  let current = node;
  const update = (next: ProseMirrorNode, nextDecorations: readonly Decoration[]): boolean => {
    // Declining makes ProseMirror build the view again: for other markup, or when it came near or went far.
    if (!next.sameMarkup(current) || (windowed && markedNear(nextDecorations) === standIn)) return false;
    current = next;
    return true;
  };
  if (!standIn) return { dom, contentDOM, update };
  const lines = lineBucket(node);
  (dom as HTMLElement).classList.add('stand-in', `lines-${lines}`);
  markStandIn(dom as HTMLElement, lines);
  return { dom, update };
};

/** The windowing plugin: the `is-windowed` class on long documents and `is-near` on the blocks near the view. */
export function windowingPlugin(): Plugin<WindowState> {
  return new Plugin<WindowState>({
    key: windowKey,
    state: {
      init: (_config, state) => windowState(state, { from: 0, to: INITIAL_BLOCKS, pinned: null }, null),
      apply: (tr, previous, _old, state) => windowState(state, (tr.getMeta(windowKey) as BlockWindow | undefined) ?? previous.shown, { previous, tr }),
    },
    props: {
      nodeViews: { paragraph: blockView, heading: blockView, blockquote: blockView, bullet_list: blockView, ordered_list: blockView },
      attributes: (state): Record<string, string> => (isWindowed(state.doc) ? { class: 'is-windowed' } : {}),
      decorations: (state) => windowKey.getState(state)?.decorations ?? DecorationSet.empty,
    },
    view: (view) => new WindowTracker(view),
  });
}

/**
 * The window and its decorations in `state`. The decorations are mapped through a transaction
 * that kept the same near blocks and the same number of blocks (typing: each top-level block's
 * span moves as a whole) when none is lost on the way, and built again otherwise; building walks
 * every block, mapping only the few decorations.
 */
function windowState(state: Pick<EditorState, 'doc' | 'selection'>, shown: BlockWindow, before: { previous: WindowState; tr: Transaction } | null): WindowState {
  const indices = nearBlocks(state, shown);
  const near = indices.join(',');
  if (before && before.previous.near === near) {
    const { previous, tr } = before;
    if (!tr.docChanged) return previous.shown === shown ? previous : { ...previous, shown };
    if (tr.before.childCount === tr.doc.childCount) {
      // A step that replaced a whole block (its type changed, say) drops that block's decoration: build again then.
      const decorations = previous.decorations.map(tr.mapping, tr.doc);
      if (decorations.find().length === indices.length) return { shown, near, decorations };
    }
  }
  return { shown, near, decorations: indices.length === 0 ? DecorationSet.empty : nearDecorations(state.doc, indices) };
}
