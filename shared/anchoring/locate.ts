/**
 * Locating an anchor's context near where its words are expected.
 *
 * When the quote is no longer found as it was, its surroundings tell what happened: if the stored
 * prefix and suffix are still here, the words between them were changed (or deleted) here, and
 * looking for them elsewhere could only find other words; if only one side is here, the words start
 * right after the prefix (or end right before the suffix), which narrows a fuzzy search to a few
 * dozen characters and keeps look-alike passages nearby out of it. Located contexts are hints for
 * where to search and what to skip: acceptance is still judged by the score.
 */
import { codePointLength } from '../text.js';
import { codePointsAfter, codePointsBefore } from './code-points.js';
import { exactOccurrences, type AnchorStats } from './search.js';

/** Where an anchor's context was found: the end of its prefix, the start of its suffix (UTF-16). */
export interface LocatedContext {
  prefixEnd: number | null;
  suffixStart: number | null;
}

/** What {@link locateContext} needs of an anchor. */
export interface ContextSearch {
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** How many code points a full context has; a shorter stored one reached an end of the text. */
  prefixPoints: number;
  suffixPoints: number;
  expected: number;
  stats: AnchorStats;
}

/** When the whole context is not found, the part of it next to the quote is tried (code points). */
const FRAGMENT_POINTS = 12;
/** A piece of context shorter than this (non-blank UTF-16 units) is too common to locate anything. */
const MIN_PIECE_UNITS = 8;

/** The located piece nearest `target`: `edge` gives the offset that matters for a hit. */
function nearest(text: string, pieces: string[], lo: number, hi: number, target: number, edge: (hit: number, piece: string) => number, stats: AnchorStats): number | null {
  for (const piece of pieces) {
    if (piece.trim().length < MIN_PIECE_UNITS) continue;
    stats.windowSearches++;
    let best: number | null = null;
    for (const hit of exactOccurrences(text, piece, lo, hi)) {
      const at = edge(hit, piece);
      if (best === null || Math.abs(at - target) < Math.abs(best - target)) best = at;
    }
    if (best !== null) return best;
  }
  return null;
}

/**
 * Looks for the stored prefix (whole, then its last {@link FRAGMENT_POINTS} code points) ending
 * nearest the expected start, and the suffix (whole, then its first piece) starting nearest the
 * expected end but not before the prefix, within `[lo, hi)`. A stored context shorter than a full
 * one touched an end of the old text, so it is located only at that end of the new text.
 */
export function locateContext(search: ContextSearch, lo: number, hi: number): LocatedContext {
  const { text, prefix, suffix, expected, stats } = search;
  let prefixEnd: number | null = null;
  if (codePointLength(prefix) < search.prefixPoints) {
    if (lo === 0 && text.startsWith(prefix)) prefixEnd = prefix.length;
  } else {
    const fragment = prefix.slice(codePointsBefore(prefix, prefix.length, FRAGMENT_POINTS));
    prefixEnd = nearest(text, [prefix, fragment], lo, hi, expected, (hit, piece) => hit + piece.length, stats);
  }

  let suffixStart: number | null = null;
  if (codePointLength(suffix) < search.suffixPoints) {
    if (hi === text.length && text.endsWith(suffix) && text.length - suffix.length >= (prefixEnd ?? 0)) suffixStart = text.length - suffix.length;
  } else {
    const fragment = suffix.slice(0, codePointsAfter(suffix, 0, FRAGMENT_POINTS));
    suffixStart = nearest(text, [suffix, fragment], prefixEnd ?? lo, hi, (prefixEnd ?? expected) + search.exact.length, (hit) => hit, stats);
  }
  return { prefixEnd, suffixStart };
}
