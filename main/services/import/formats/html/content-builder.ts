/**
 * Builds a document of the editor schema (ProseMirror JSON) from a stream of "open this block",
 * "text", "line break", "close" calls, so that whatever order untrusted HTML puts things in, the
 * result is always a valid document:
 *
 * - text outside a paragraph gets one (an implicit paragraph, closed by the next block);
 * - a block inside a paragraph or heading ends it (as browsers lay it out);
 * - content placed directly in a list gets an implicit list item, an `<li>` outside a list gets
 *   an implicit bullet list, and a list right after an item nests in that item (as pages that
 *   write `<ul><li>…</li><ul>…</ul></ul>` mean);
 * - a list item or quote always starts with a paragraph; an empty list is left out;
 * - whitespace is collapsed as a browser shows it: runs of spaces, tabs and newlines become one
 *   space, and spaces at the start and end of a paragraph and before a line break vanish (except in
 *   preformatted text); a line break at the very end of a paragraph shows nothing and is dropped.
 */
import type { ContentNode } from '../../../../../shared/model/document.js';
import { marksJson, type ActiveMarks } from './marks.js';

export type BlockType = 'paragraph' | 'heading' | 'blockquote' | 'bullet_list' | 'ordered_list' | 'list_item';
type FrameType = BlockType | 'doc';

interface Frame {
  type: FrameType;
  node: ContentNode;
  content: ContentNode[];
  /** Opened by the builder to make the content fit, not by an element: closed as soon as something does not fit. */
  implicit: boolean;
  /** Textblocks: the last text ends in a space, or nothing precedes (a leading space is not shown). */
  atSpace: boolean;
  /** Textblocks: the marks key of the last node when it is text that more text may join. */
  joinKey: string | null;
  /** Lists: the last thing closed in this list was an `<li>`, so a list that follows nests in it. */
  afterItem: boolean;
}

const CONTAINERS: ReadonlySet<FrameType> = new Set(['doc', 'blockquote', 'list_item']);
const BLOCK_CHILDREN: ReadonlySet<FrameType> = new Set(['paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list']);
/** HTML's whitespace: what browsers collapse (not the no-break space). */
const COLLAPSIBLE = /[ \t\n\r\f]+/g;
const TRAILING_SPACE = /[ \t\n\r\f]+$/;

const isTextblock = (type: FrameType): boolean => type === 'paragraph' || type === 'heading';
const isList = (type: FrameType): boolean => type === 'bullet_list' || type === 'ordered_list';

/** Whether a node of type `child` may go straight into `parent`. */
function accepts(parent: FrameType, child: BlockType): boolean {
  if (CONTAINERS.has(parent)) return BLOCK_CHILDREN.has(child);
  return isList(parent) && child === 'list_item';
}

export class ContentBuilder {
  private readonly stack: Frame[];

  constructor() {
    // No attrs: an imported document has no annotations yet, so the schema's empty table applies (as for plain text).
    this.stack = [this.frame('doc', { type: 'doc' }, false)];
  }

  /** How many blocks are open (the document counts as one); {@link closeFrom} takes such a number. */
  get depth(): number {
    return this.stack.length;
  }

  /** Opens a block where it fits and returns its place in the stack, for {@link closeFrom}. */
  open(type: BlockType, attrs?: Record<string, unknown>): number {
    this.place(type);
    this.push(type, attrs, false);
    return this.stack.length - 1;
  }

  /** Ends the open paragraph or heading, for an element that a browser shows as a block of its own. */
  endTextblock(): void {
    if (isTextblock(this.top.type)) this.closeTop();
  }

  /** Closes every block opened at stack place `index` or above. */
  closeFrom(index: number): void {
    while (this.stack.length > Math.max(1, index)) this.closeTop();
  }

  /** Adds a text node's value: collapsed like a browser, or kept as it is (preformatted text) with newlines as line breaks. */
  text(value: string, marks: ActiveMarks, preformatted: boolean): void {
    if (preformatted) {
      value.replace(/\r\n?/g, '\n').split('\n').forEach((line, i) => {
        if (i > 0) this.lineBreak(marks);
        if (line) this.append(this.textblock(), line, marks);
      });
      return;
    }
    let text = value.replace(COLLAPSIBLE, ' ');
    if (text === '' || (text === ' ' && !isTextblock(this.top.type))) return;
    const block = this.textblock();
    if (block.atSpace && text.startsWith(' ')) text = text.slice(1);
    if (text) this.append(block, text, marks);
  }

  /** A `<br>`: spaces before it are not shown, nor after it. */
  lineBreak(marks: ActiveMarks): void {
    const block = this.textblock();
    trimEnd(block.content);
    const node: ContentNode = { type: 'hard_break' };
    if (marks.list.length > 0) node.marks = marksJson(marks);
    block.content.push(node);
    block.atSpace = true;
    block.joinKey = null;
  }

  /** Closes everything and returns the document; an empty one holds one empty paragraph. */
  finish(): ContentNode {
    this.closeFrom(1);
    const [doc] = this.stack as [Frame];
    return { type: 'doc', content: doc.content.length > 0 ? doc.content : [{ type: 'paragraph' }] };
  }

  private get top(): Frame {
    return this.stack[this.stack.length - 1]!;
  }

  private frame(type: FrameType, node: ContentNode, implicit: boolean): Frame {
    return { type, node, content: [], implicit, atSpace: true, joinKey: null, afterItem: false };
  }

  private push(type: BlockType, attrs: Record<string, unknown> | undefined, implicit: boolean): Frame {
    const node: ContentNode = attrs ? { type, attrs } : { type };
    const parent = this.top;
    parent.content.push(node);
    parent.afterItem = false;
    const frame = this.frame(type, node, implicit);
    this.stack.push(frame);
    return frame;
  }

  /** The paragraph or heading that inline content goes into, opening an implicit paragraph when there is none. */
  private textblock(): Frame {
    if (isTextblock(this.top.type)) return this.top;
    this.place('paragraph');
    return this.push('paragraph', undefined, true);
  }

  /** Makes the top of the stack a place where a `type` node may go. */
  private place(type: BlockType): void {
    if (isTextblock(this.top.type)) this.closeTop();
    while (this.top.implicit && !accepts(this.top.type, type)) this.closeTop();
    if (!accepts(this.top.type, type)) {
      if (isList(this.top.type)) {
        if ((type === 'bullet_list' || type === 'ordered_list') && this.top.afterItem) this.reopenLastItem();
        else this.push('list_item', undefined, true);
      } else {
        this.startItem();
        this.push('bullet_list', undefined, true);
      }
    }
    if (type !== 'paragraph') this.startItem();
  }

  /** A list item (or quote) must start with a paragraph: an empty one goes first when a different block would. */
  private startItem(): void {
    const top = this.top;
    if (top.type === 'list_item' && top.content.length === 0) top.content.push({ type: 'paragraph' });
  }

  /** Opens the list's last item again, so a list that follows an `<li>` directly nests in it. */
  private reopenLastItem(): void {
    const list = this.top;
    const item = list.content[list.content.length - 1]!;
    const frame = this.frame('list_item', item, true);
    frame.content = item.content ?? [];
    this.stack.push(frame);
  }

  private closeTop(): void {
    const frame = this.stack.pop()!;
    const parent = this.top;
    if (isTextblock(frame.type)) {
      trimEnd(frame.content);
      if (frame.content[frame.content.length - 1]?.type === 'hard_break') frame.content.pop();
      trimEnd(frame.content);
    } else if (isList(frame.type) && frame.content.length === 0) {
      parent.content.pop();
      return;
    } else if ((frame.type === 'list_item' || frame.type === 'blockquote') && frame.content.length === 0) {
      frame.content.push({ type: 'paragraph' });
    }
    if (frame.content.length > 0) frame.node.content = frame.content;
    if (frame.type === 'list_item' && !frame.implicit) parent.afterItem = true;
  }

  private append(block: Frame, text: string, marks: ActiveMarks): void {
    const last = block.content[block.content.length - 1];
    if (last && block.joinKey === marks.key) last.text += text;
    else {
      const node: ContentNode = marks.list.length > 0 ? { type: 'text', marks: marksJson(marks), text } : { type: 'text', text };
      block.content.push(node);
      block.joinKey = marks.key;
    }
    block.atSpace = text.endsWith(' ');
  }
}

/** Removes whitespace at the end of a paragraph's last text node (and the node, when nothing else is left of it). */
function trimEnd(content: ContentNode[]): void {
  const last = content[content.length - 1];
  if (last?.type !== 'text' || last.text === undefined) return;
  const text = last.text.replace(TRAILING_SPACE, '');
  if (text) last.text = text;
  else content.pop();
}
