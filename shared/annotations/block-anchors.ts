/**
 * Refreshing annotation selectors from stored content (ProseMirror JSON), block by block: what
 * main does with an edit that arrives as a splice of top-level blocks (contract
 * `patchDocumentContent`), so a small edit of a long document costs O(blocks + annotations) of
 * cheap steps and no pass over the whole text.
 *
 * Everything a block contributes (its plain text, its code-point index, where its annotation marks
 * run) is computed once per block object and cached: stored blocks are never mutated, and a splice
 * keeps the unchanged blocks as the same objects. The result is what {@link refreshAnchors}
 * (./refresh.ts) gives for the same document and table, with one difference it states: an orphan
 * keeps the anchor it has in `table` (main passes the stored one, i.e. its last words).
 */
import { contextAround, indexCodePoints, normalizeRange, type CodePointIndex } from '../anchoring/index.js';
import type { Annotation } from '../model/annotation.js';
import type { ContentNode } from '../model/document.js';
import type { Anchor } from '../model/selectors.js';
import { BLOCK_SEPARATOR } from '../text.js';
import { sameAnchor } from './refresh.js';

/** A UTF-16 range of a block's text. */
interface LocalRange {
  start: number;
  end: number;
}

/** What one top-level block contributes to the plain-text projection. */
export interface BlockText {
  /** Its textblocks' texts joined by the block separator; null when no textblock of it projects. */
  text: string | null;
  /** The annotation ids marked in it, in the order their marks first appear, with where they run. */
  marks: Map<string, LocalRange>;
  /** Built on first use. */
  index?: CodePointIndex;
  /** The quotes whose context window starts in this block, by annotation id (see `describe`). */
  quotes?: Map<string, CachedQuote>;
}

/** Where an annotation runs in the whole text, and in which projecting blocks it starts and ends. */
interface GlobalRange {
  start: number;
  end: number;
  first: number;
  last: number;
}

const blockTexts = new WeakMap<ContentNode, BlockText>();

/** The projection of one top-level block (the rule of `contentToText`), cached per block object. */
export function blockText(block: ContentNode): BlockText {
  const known = blockTexts.get(block);
  if (known) return known;
  const pieces: string[] = [];
  const marks = new Map<string, LocalRange>();
  let length = 0;
  let textblocks = 0;
  const visit = (node: ContentNode): void => {
    const children = node.content ?? [];
    const isTextblock = children.length === 0 ? node.type === 'paragraph' || node.type === 'heading' : children.some((c) => c.type === 'text' || c.type === 'hard_break');
    if (!isTextblock) {
      children.forEach(visit);
      return;
    }
    if (textblocks > 0) {
      pieces.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    textblocks++;
    for (const child of children) {
      const piece = child.type === 'hard_break' ? '\n' : (child.text ?? '');
      const start = length;
      pieces.push(piece);
      length += piece.length;
      for (const mark of child.marks ?? []) {
        if (mark.type !== 'annotation') continue;
        const id = String(mark.attrs?.id);
        const range = marks.get(id);
        if (range) range.end = length;
        else marks.set(id, { start, end: length });
      }
    }
  };
  visit(block);
  const info: BlockText = { text: textblocks > 0 ? pieces.join('') : null, marks };
  blockTexts.set(block, info);
  return info;
}

/** The plain text of a list of blocks, seen through their cached texts without joining them. */
class BlockProjection {
  /** The projecting blocks' texts, their start offsets (UTF-16) and start code points. */
  readonly texts: string[] = [];
  readonly infos: BlockText[] = [];
  readonly starts: number[] = [];
  readonly pointStarts: number[] = [];
  /** The text's length; right once {@link build} ran to its end. */
  length = 0;

  /** Takes in `blocks`, in steps (their texts are read once per block object, then cached). */
  *build(blocks: readonly ContentNode[]): Generator<void, void> {
    let length = 0;
    let points = 0;
    for (let b = 0; b < blocks.length; b++) {
      if (b % STEP === STEP - 1) yield;
      const info = blockText(blocks[b]!);
      if (info.text === null) continue;
      if (this.texts.length > 0) {
        length += BLOCK_SEPARATOR.length;
        points += BLOCK_SEPARATOR.length;
      }
      this.texts.push(info.text);
      this.infos.push(info);
      this.starts.push(length);
      this.pointStarts.push(points);
      info.index ??= indexCodePoints(info.text);
      length += info.text.length;
      points += info.index.codePointLength;
    }
    this.length = length;
  }

  /** The projecting block an offset falls in, searched from block `near` (where it usually is). */
  private blockNear(offset: number, near: number): number {
    let k = near;
    while (k > 0 && this.starts[k]! > offset) k--;
    while (k + 1 < this.starts.length && this.starts[k + 1]! <= offset) k++;
    return k;
  }

  /** The projecting block an offset falls in (the last one starting at or before it). */
  private blockAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid]! <= offset) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  /** The text in `[from, to)`. */
  slice(from: number, to: number): string {
    let out = '';
    for (let k = this.blockAt(from); k < this.texts.length && this.starts[k]! < to; k++) {
      const start = this.starts[k]!;
      const text = this.texts[k]!;
      const a = Math.max(from, start) - start;
      const b = Math.min(to, start + text.length) - start;
      if (b > a) out += text.slice(a, b);
      const separator = start + text.length;
      if (k + 1 < this.texts.length && separator >= from && separator < to) out += BLOCK_SEPARATOR;
    }
    return out;
  }

  /** The code-point offset of a UTF-16 offset (inside a surrogate pair: the pair's start). */
  toCodePoint(offset: number): number {
    if (this.texts.length === 0) return 0;
    const k = this.blockAt(offset);
    return this.pointStarts[k]! + this.infos[k]!.index!.toCodePoint(offset - this.starts[k]!);
  }

  /**
   * The anchor of `range`, exactly as `describeRange` over the whole text gives it. Only the
   * text within 66 units of the range is read (the context is at most 32 code points, 64 units, each
   * side; one unit more keeps a pair whole), and that window is a function of the blocks it covers:
   * so the quote is cached with those blocks and reused while they are the same objects at the same
   * distance, and only the position is counted again.
   */
  describe(id: string, range: GlobalRange, current: Anchor): Anchor {
    const { start, end } = range;
    const from = Math.max(0, start - 66);
    const to = Math.min(this.length, end + 66);
    const first = this.blockNear(from, range.first);
    const last = this.blockNear(to, range.last);
    const origin = this.starts[first]!;
    const pointOrigin = this.pointStarts[first]!;
    const cache = (this.infos[first]!.quotes ??= new Map());
    const known = cache.get(id);
    if (known && known.start === start - origin && known.end === end - origin && known.from === from - origin && known.to === to - origin && this.sameBlocks(known.blocks, first, last)) {
      return { quote: known.quote, position: { start: pointOrigin + known.pointStart, end: pointOrigin + known.pointEnd } };
    }
    const window = this.slice(from, to);
    const local = normalizeRange(window, start - from, end - from);
    const described = { exact: window.slice(local.start, local.end), ...contextAround(window, local.start, local.end) };
    // Keep the strings the annotation already holds when they are right: later checks compare them by identity.
    const held = current.quote;
    const quote = held.exact === described.exact && held.prefix === described.prefix && held.suffix === described.suffix ? held : described;
    const position = { start: this.toCodePoint(from + local.start), end: this.toCodePoint(from + local.end) };
    cache.set(id, {
      blocks: this.infos.slice(first, last + 1),
      from: from - origin,
      to: to - origin,
      start: start - origin,
      end: end - origin,
      quote,
      pointStart: position.start - pointOrigin,
      pointEnd: position.end - pointOrigin,
    });
    return { quote, position };
  }

  /** True when the projecting blocks `first..last` are `blocks`. */
  private sameBlocks(blocks: readonly BlockText[], first: number, last: number): boolean {
    if (blocks.length !== last - first + 1) return false;
    for (let k = 0; k < blocks.length; k++) if (blocks[k] !== this.infos[first + k]) return false;
    return true;
  }
}

/** A quote described once, with what it depends on: the blocks its window covers and its offsets from the first one's start. */
interface CachedQuote {
  blocks: BlockText[];
  from: number;
  to: number;
  start: number;
  end: number;
  quote: Anchor['quote'];
  pointStart: number;
  pointEnd: number;
}


/**
 * For an annotation {@link refreshBlockAnchors} made by giving a placed one a new anchor: that one.
 * The two differ only in `anchor`, so whatever was derived from the old one (main's cached JSON
 * of it) can be reused with the anchor put in.
 */
export const movedAnnotations = new WeakMap<Annotation, Annotation>();

/** What {@link refreshBlockAnchors} finds. */
export interface BlockRefresh {
  /** The annotations as they should be stored: placed ones in document order, then the orphans. */
  annotations: Annotation[];
  /** Ids marked in the text that have no entry in the table. */
  unknown: string[];
}

/**
 * The annotations of a document given as its top-level `blocks` and its annotation `table`
 * (`order`: the table's ids in its order), as {@link refreshAnchors} stores them: placed ones in
 * document order with their anchor described again, then the orphans in table order, flagged
 * `orphaned` and keeping the anchor they have in the table. An entry whose anchor and flag are
 * already right is returned as the same object.
 */
export function refreshBlockAnchors(blocks: readonly ContentNode[], table: ReadonlyMap<string, Annotation>, order: readonly string[]): BlockRefresh {
  const steps = refreshBlockAnchorSteps(blocks, table, order);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** How many blocks or annotations a step of {@link refreshBlockAnchorSteps} handles. */
const STEP = 64;

/**
 * {@link refreshBlockAnchors} in steps of a few dozen blocks or annotations: the caller may do
 * other work between two steps (main lets the event loop run), as long as nothing it passed changes.
 */
export function* refreshBlockAnchorSteps(blocks: readonly ContentNode[], table: ReadonlyMap<string, Annotation>, order: readonly string[]): Generator<void, BlockRefresh> {
  const projection = new BlockProjection();
  yield* projection.build(blocks);
  const ranges = new Map<string, GlobalRange>();
  for (let k = 0; k < projection.infos.length; k++) {
    if (k % STEP === STEP - 1) yield;
    const info = projection.infos[k]!;
    const offset = projection.starts[k]!;
    for (const [id, range] of info.marks) {
      const known = ranges.get(id);
      if (known) {
        known.end = offset + range.end;
        known.last = k;
      } else {
        ranges.set(id, { start: offset + range.start, end: offset + range.end, first: k, last: k });
      }
    }
  }
  const placed: Annotation[] = [];
  const unknown: string[] = [];
  let done = 0;
  for (const [id, range] of ranges) {
    if (++done % STEP === 0) yield;
    const annotation = table.get(id);
    if (!annotation) {
      unknown.push(id);
      continue;
    }
    const anchor = projection.describe(id, range, annotation.anchor);
    const same = anchor.quote === annotation.anchor.quote ? samePosition(anchor, annotation.anchor) : sameAnchor(anchor, annotation.anchor);
    if (!annotation.orphaned && same) {
      placed.push(annotation);
      continue;
    }
    const moved = { ...annotation, anchor, orphaned: false };
    if (!annotation.orphaned) movedAnnotations.set(moved, annotation);
    placed.push(moved);
  }
  const orphans: Annotation[] = [];
  for (const id of order) {
    if (ranges.has(id)) continue;
    const annotation = table.get(id)!;
    orphans.push(annotation.orphaned ? annotation : { ...annotation, orphaned: true });
  }
  return { annotations: [...placed, ...orphans], unknown };
}

function samePosition(a: Anchor, b: Anchor): boolean {
  return a.position.start === b.position.start && a.position.end === b.position.end;
}
