/**
 * Exact search for many patterns in one pass over a text.
 *
 * Re-anchoring leaves a few anchors whose words must be looked for in the whole text (their quote,
 * and pieces of their context). One `indexOf` scan per pattern costs about half a millisecond per
 * megabyte, so a section cut out of a long document with dozens of annotations in it would cost
 * hundreds of scans. Instead, every pattern is keyed by its first {@link KEY_UNITS} UTF-16 units,
 * one rolling hash runs over the text (a bit-table filter skips nearly every position with one
 * memory read), and only positions whose key hash is wanted are compared in full. Patterns shorter
 * than the key (short quotes), or few patterns in all, are scanned for one by one.
 */

/** Length, in UTF-16 units, of the key every long pattern is hashed by. */
export const KEY_UNITS = 8;

/**
 * Up to this many long patterns are scanned for one by one: a native `indexOf` pass is some twenty
 * times cheaper than the rolling-hash pass, which pays off only for more patterns than that.
 */
const SEPARATE_SCANS = 16;

const BASE = 0x01000193;
const FILTER_BITS = 1 << 21;

/** BASE^(KEY_UNITS − 1) mod 2^32: the weight of the unit leaving the rolling window. */
const OUTGOING = (() => {
  let p = 1;
  for (let i = 1; i < KEY_UNITS; i++) p = Math.imul(p, BASE);
  return p;
})();

/** The hash of `text[at, at + KEY_UNITS)`, as the rolling hash computes it. */
function keyHash(text: string, at: number): number {
  let h = 0;
  for (let i = 0; i < KEY_UNITS; i++) h = (Math.imul(h, BASE) + text.charCodeAt(at + i)) | 0;
  return h;
}

/**
 * Every start offset of every pattern in `text`, in ascending order; a pattern found more than
 * `maxHits` times keeps only its first `maxHits` (callers treat it as too common to tell anything).
 * `scans` is told how many passes over the text were made. Empty patterns are never found.
 */
export function findAllOccurrences(text: string, patterns: Iterable<string>, maxHits: number, scans: (count: number) => void): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const unique = [...new Set(patterns)].filter((p) => p.length > 0);
  const batched = unique.filter((p) => p.length >= KEY_UNITS).length > SEPARATE_SCANS;
  const byKey = new Map<number, string[]>();
  const filter = new Uint32Array(FILTER_BITS >>> 5);
  let passes = 0;
  for (const pattern of unique) {
    const hits: number[] = [];
    found.set(pattern, hits);
    if (pattern.length < KEY_UNITS || !batched) {
      passes++;
      for (let at = text.indexOf(pattern); at !== -1 && hits.length < maxHits; at = text.indexOf(pattern, at + 1)) hits.push(at);
      continue;
    }
    const h = keyHash(pattern, 0);
    const slot = h >>> 11;
    filter[slot >>> 5]! |= 1 << (slot & 31);
    const same = byKey.get(h);
    if (same) same.push(pattern);
    else byKey.set(h, [pattern]);
  }
  if (byKey.size > 0 && text.length >= KEY_UNITS) {
    passes++;
    let h = keyHash(text, 0);
    for (let at = 0; ; at++) {
      const slot = h >>> 11;
      if ((filter[slot >>> 5]! & (1 << (slot & 31))) !== 0) {
        for (const pattern of byKey.get(h) ?? []) {
          const hits = found.get(pattern)!;
          if (hits.length < maxHits && text.startsWith(pattern, at)) hits.push(at);
        }
      }
      if (at + KEY_UNITS >= text.length) break;
      h = (Math.imul(h - Math.imul(text.charCodeAt(at), OUTGOING), BASE) + text.charCodeAt(at + KEY_UNITS)) | 0;
    }
  }
  scans(passes);
  return found;
}
