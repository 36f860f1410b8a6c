/**
 * UTF-16 offsets ↔ Unicode code-point offsets over one text.
 *
 * JavaScript strings, ProseMirror and this app count UTF-16 code units; the W3C Web Annotation
 * TextPositionSelector counts code points (and so do most tools we exchange offsets with). The two
 * differ only at astral characters (emoji, rare CJK such as 𠀋, mathematical letters…), each of
 * which is one code point but two UTF-16 units (a surrogate pair). Converting at the boundary, and
 * only there, keeps both sides honest.
 *
 * An index is built once per text (one pass to list the surrogate pairs) and then answers each
 * conversion in O(log p), p = number of astral characters; a text without any answers in O(1).
 * A lone surrogate (malformed text) counts as one code point, as `codePointLength` does.
 */

/** Converts offsets in one text between UTF-16 units and code points. Build with {@link indexCodePoints}. */
export interface CodePointIndex {
  /** Length of the text in UTF-16 units. */
  readonly utf16Length: number;
  /** Length of the text in code points. */
  readonly codePointLength: number;
  /**
   * The code-point offset of a UTF-16 offset. An offset inside a surrogate pair rounds down to the
   * pair's start; offsets are clamped to the text.
   */
  toCodePoint(utf16Offset: number): number;
  /** The UTF-16 offset of a code-point offset (always on a character boundary); clamped to the text. */
  toUtf16(codePointOffset: number): number;
}

/** True when the unit at `i` is a high surrogate followed by a low one: an astral character. */
export function isSurrogatePairAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

/**
 * Moves a UTF-16 offset off the middle of a surrogate pair: to the pair's start (`bias` -1) or end
 * (`bias` 1). Any other offset is returned unchanged. Ranges never split an astral character.
 */
export function snapToCharBoundary(text: string, offset: number, bias: -1 | 1): number {
  if (offset > 0 && offset < text.length && isSurrogatePairAt(text, offset - 1)) return bias < 0 ? offset - 1 : offset + 1;
  return offset;
}

/** Index of the last entry of the ascending `values` that is `< limit`, or -1: binary search. */
function countBelow(values: Uint32Array, limit: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds the conversion index of `text` in one O(n) pass. Keep it while the text does not change
 * and use it for every conversion on that text.
 */
export function indexCodePoints(text: string): CodePointIndex {
  const pairs: number[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && isSurrogatePairAt(text, i)) {
      pairs.push(i);
      i++;
    }
  }
  const utf16Length = text.length;
  const codePointLength = utf16Length - pairs.length;
  if (pairs.length === 0) {
    const clamp = (n: number): number => Math.max(0, Math.min(utf16Length, Math.trunc(n)));
    return { utf16Length, codePointLength, toCodePoint: clamp, toUtf16: clamp };
  }
  // pairUnits[k]: UTF-16 offset of the k-th pair; pairPoints[k]: its code-point offset.
  const pairUnits = Uint32Array.from(pairs);
  const pairPoints = Uint32Array.from(pairs, (unit, k) => unit - k);
  return {
    utf16Length,
    codePointLength,
    toCodePoint(utf16Offset) {
      const u = Math.max(0, Math.min(utf16Length, Math.trunc(utf16Offset)));
      // Every pair that starts before u takes one unit more than it counts as.
      return u - countBelow(pairUnits, u);
    },
    toUtf16(codePointOffset) {
      const c = Math.max(0, Math.min(codePointLength, Math.trunc(codePointOffset)));
      return c + countBelow(pairPoints, c);
    },
  };
}

/**
 * The offset `count` code points before `offset` (stopping at 0), never inside a surrogate pair.
 * Walks only those characters, so it is cheap for the short contexts of a quote selector.
 */
export function codePointsBefore(text: string, offset: number, count: number): number {
  let i = offset;
  for (let n = 0; n < count && i > 0; n++) i -= i >= 2 && isSurrogatePairAt(text, i - 2) ? 2 : 1;
  return i;
}

/** The offset `count` code points after `offset` (stopping at the end), never inside a surrogate pair. */
export function codePointsAfter(text: string, offset: number, count: number): number {
  let i = offset;
  for (let n = 0; n < count && i < text.length; n++) i += isSurrogatePairAt(text, i) ? 2 : 1;
  return i;
}
