/**
 * Describing a range of the plain-text projection as W3C selectors, and reading them back.
 *
 * Units, once and for all:
 * - Ranges passed in and returned here (`start`, `end`) are UTF-16 offsets into the text, as in
 *   JavaScript strings and ProseMirror.
 * - `Anchor.position` (TextPositionSelector) counts Unicode code points, as the W3C Web Annotation
 *   model requires and other tools expect.
 * - `Anchor.quote.prefix` / `suffix` hold up to {@link CONTEXT_CODE_POINTS} code points (so up to
 *   twice as many UTF-16 units) of the text around the quote, never splitting an astral character.
 *   Hypothesis keeps 32 UTF-16 units; counting characters instead keeps as much context for
 *   emoji-rich or historic-CJK text as for English, and stays well under the 200-unit limit.
 */
import type { Anchor, TextPositionSelector } from '../model/selectors.js';
import { codePointsAfter, codePointsBefore, indexCodePoints, snapToCharBoundary, type CodePointIndex } from './code-points.js';

/** How much context a quote selector keeps on each side, in code points. */
export const CONTEXT_CODE_POINTS = 32;

/** A range of a text in UTF-16 units, `start <= end`. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Clamps a range to the text, orders its ends, and widens it so it never splits a surrogate pair
 * (a range that cuts an emoji in half would store a broken character in the quote).
 */
export function normalizeRange(text: string, start: number, end: number): TextRange {
  const a = Math.max(0, Math.min(text.length, Math.trunc(Math.min(start, end))));
  const b = Math.max(0, Math.min(text.length, Math.trunc(Math.max(start, end))));
  return { start: snapToCharBoundary(text, a, -1), end: snapToCharBoundary(text, b, 1) };
}

/** The context a quote at `[start, end)` of `text` has: `contextPoints` code points on each side. */
export function contextAround(text: string, start: number, end: number, contextPoints = CONTEXT_CODE_POINTS): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(codePointsBefore(text, start, contextPoints), start),
    suffix: text.slice(end, codePointsAfter(text, end, contextPoints)),
  };
}

/**
 * Describes `[start, end)` (UTF-16 units) of `text` as an {@link Anchor}: the quote with its
 * context, and the position in code points. Pass the text's {@link CodePointIndex} when describing
 * many ranges of one text, so it is built once. The range is normalised first (see
 * {@link normalizeRange}).
 */
export function describeRange(text: string, start: number, end: number, index: CodePointIndex = indexCodePoints(text)): Anchor {
  const range = normalizeRange(text, start, end);
  return {
    quote: { exact: text.slice(range.start, range.end), ...contextAround(text, range.start, range.end) },
    position: rangeToPosition(range, index),
  };
}

/** A UTF-16 range of the text the index was built on, as a TextPositionSelector (code points). */
export function rangeToPosition(range: TextRange, index: CodePointIndex): TextPositionSelector {
  return { start: index.toCodePoint(range.start), end: index.toCodePoint(range.end) };
}

/**
 * The inverse: a TextPositionSelector (code points) as a UTF-16 range of the text the index was
 * built on, clamped to the text. Says nothing about whether the words there are still the quoted
 * ones; {@link rangeFromAnchor} checks that.
 */
export function positionToRange(position: TextPositionSelector, index: CodePointIndex): TextRange {
  const start = index.toUtf16(position.start);
  return { start, end: Math.max(start, index.toUtf16(position.end)) };
}

/**
 * The UTF-16 range an anchor describes in `text`, if the text there is still exactly the quote;
 * otherwise null (the text changed: re-anchor with `anchorAll`). The fast path for a document
 * whose text is unchanged.
 */
export function rangeFromAnchor(text: string, anchor: Anchor, index: CodePointIndex = indexCodePoints(text)): TextRange | null {
  const range = positionToRange(anchor.position, index);
  return text.slice(range.start, range.end) === anchor.quote.exact ? range : null;
}
