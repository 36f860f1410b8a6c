/**
 * The plain-text projection of a ProseMirror document, with a map between editor positions and
 * text offsets.
 *
 * Selectors, fingerprints, find and exports all count in the plain text of a document
 * (`contentToText` in shared/text.ts: textblocks joined by a newline, a hard break written as a
 * newline); the editor counts ProseMirror positions, which also step over every node boundary. This
 * builds the same text as `contentToText(doc.toJSON())` in one pass, and remembers where each
 * stretch of text sits in the document so positions convert both ways in O(log n).
 *
 * Both sides count UTF-16 units. For W3C code-point offsets, convert the text offsets with
 * `indexCodePoints` (code-points.ts).
 */
import type { Node } from 'prosemirror-model';
import { BLOCK_SEPARATOR } from '../text.js';

/** The text of a document and the map between its positions and offsets in that text. */
export interface DocumentProjection {
  /** Equal to `contentToText(doc.toJSON())`. */
  readonly text: string;
  /**
   * The text offset of a document position. A position inside a textblock maps to the offset of
   * the same place in the text. A position between blocks (outside any textblock) maps to the end
   * of the text before it (`bias` -1) or to the start of the text after it (`bias` 1, the default):
   * use 1 for the start of a range and -1 for its end, so a range never gains a stray separator.
   */
  toTextOffset(pmPos: number, bias?: -1 | 1): number;
  /**
   * The document position of a text offset (clamped to the text). Where one offset has several
   * positions (on either side of an inline node that has no text of its own), `bias` -1 takes the
   * first and 1 (the default) the last. An offset on a block separator maps to the end of the block
   * before it.
   */
  toDocPos(textOffset: number, bias?: -1 | 1): number;
}

/** Index of the last entry of the ascending `values` that is `<= limit` (`< limit` when strict), or -1. */
function lastAtMost(values: readonly number[], limit: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (strict ? v < limit : v <= limit) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * Whether a textblock appears in the projection: exactly the rule of `contentToText`, which sees
 * JSON (an empty paragraph or heading does; a block holding only text-less inline nodes does not).
 */
function projects(block: Node): boolean {
  if (block.childCount === 0) return block.type.name === 'paragraph' || block.type.name === 'heading';
  let found = false;
  block.forEach((child) => {
    if (child.isText || child.type.name === 'hard_break') found = true;
  });
  return found;
}

/**
 * Projects `doc` to plain text and builds its offset map, in one O(n) pass. The map is a list of
 * segments (runs where document positions and text offsets advance together: one per textblock,
 * split at any inline node without text); lookups binary-search it.
 */
export function projectDocument(doc: Node): DocumentProjection {
  const parts: string[] = [];
  const segDoc: number[] = [];
  const segText: number[] = [];
  const segLen: number[] = [];
  let length = 0;

  const append = (piece: string): void => {
    parts.push(piece);
    length += piece.length;
    segLen[segLen.length - 1]! += piece.length;
  };
  const openSegment = (docPos: number): void => {
    segDoc.push(docPos);
    segText.push(length);
    segLen.push(0);
  };

  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    if (!projects(node)) return false;
    if (segDoc.length > 0) {
      parts.push(BLOCK_SEPARATOR);
      length += BLOCK_SEPARATOR.length;
    }
    const contentStart = pos + 1;
    openSegment(contentStart);
    node.forEach((child, offset) => {
      if (child.isText) append(child.text ?? '');
      else if (child.type.name === 'hard_break') append('\n');
      else openSegment(contentStart + offset + child.nodeSize);
    });
    return false;
  });

  const text = parts.join('');
  const count = segDoc.length;

  return {
    text,
    toTextOffset(pmPos, bias = 1) {
      const k = lastAtMost(segDoc, pmPos, false);
      if (k < 0) return 0;
      const rel = pmPos - segDoc[k]!;
      if (rel <= segLen[k]!) return segText[k]! + rel;
      // Past the end of this block's text: in the gap before the next block (or after the last).
      if (bias < 0) return segText[k]! + segLen[k]!;
      return k + 1 < count ? segText[k + 1]! : text.length;
    },
    toDocPos(textOffset, bias = 1) {
      if (count === 0) return 0;
      const offset = Math.max(0, Math.min(text.length, textOffset));
      let k: number;
      if (bias < 0) {
        k = Math.max(0, lastAtMost(segText, offset, true));
        if (offset > segText[k]! + segLen[k]! && k + 1 < count) k++;
      } else {
        k = Math.max(0, lastAtMost(segText, offset, false));
      }
      return segDoc[k]! + Math.min(offset - segText[k]!, segLen[k]!);
    },
  };
}
