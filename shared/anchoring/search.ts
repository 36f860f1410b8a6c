/**
 * Finding where a quote might be: exact occurrences in a window (native `indexOf`), approximate
 * ones (approx-string-match, Myers' bit-parallel algorithm by the Hypothesis team: about 20–60 ms
 * per megabyte scanned, so it only ever runs on small regions here), and the regions next to
 * surviving pieces of a context. Every search is counted in {@link AnchorStats}, so tests can guard
 * the cost of re-anchoring without timing it.
 */
import approxSearch from 'approx-string-match';
import { KEY_UNITS } from './multi-search.js';
import { alignMatchStart } from './similarity.js';

/** A place the quote might be, in UTF-16 units of the new text, with its edit distance to the quote. */
export interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Operation counts of a re-anchoring run (pass one in `AnchorOptions.stats`; counts add up). */
export interface AnchorStats {
  /** Anchors processed. */
  anchors: number;
  /** Anchors confirmed by the cheap check at the expected place (quote and both contexts intact). */
  fastPath: number;
  /** Exact searches confined to a window around the expected place. */
  windowSearches: number;
  /** Passes over the whole text by exact search (one batched pass serves many patterns). */
  textScans: number;
  /** Anchors that needed the fuzzy matcher at all. */
  fuzzyAnchors: number;
  /** Calls into the fuzzy matcher. */
  fuzzyCalls: number;
  /** UTF-16 units the fuzzy matcher scanned, all calls together. */
  fuzzyUnits: number;
  /** Candidates whose context was scored. */
  candidatesScored: number;
}

/** A fresh set of zero counts. */
export function emptyStats(): AnchorStats {
  return { anchors: 0, fastPath: 0, windowSearches: 0, textScans: 0, fuzzyAnchors: 0, fuzzyCalls: 0, fuzzyUnits: 0, candidatesScored: 0 };
}

/** Start offsets of the exact occurrences of `pattern` lying wholly inside `[lo, hi)` of `text`. */
export function exactOccurrences(text: string, pattern: string, lo = 0, hi = text.length): number[] {
  const found: number[] = [];
  if (pattern.length === 0 || hi - lo < pattern.length) return found;
  const whole = lo === 0 && hi === text.length;
  const haystack = whole ? text : text.slice(lo, hi);
  for (let at = haystack.indexOf(pattern); at !== -1; at = haystack.indexOf(pattern, at + 1)) found.push(lo + at);
  return found;
}

/**
 * The best approximate matches of `pattern` inside `[lo, hi)` of `text` with at most `maxErrors`
 * edits (only the lowest error count found is reported, as approx-string-match does), each start
 * re-aligned so that `errors` is the true edit distance of the quote to `text[start, end)`.
 */
export function fuzzyOccurrences(text: string, pattern: string, lo: number, hi: number, maxErrors: number, stats: AnchorStats): Candidate[] {
  const from = Math.max(0, lo);
  const to = Math.min(text.length, hi);
  if (to - from < pattern.length - maxErrors || pattern.length === 0) return [];
  stats.fuzzyCalls++;
  stats.fuzzyUnits += to - from;
  const found: Candidate[] = [];
  for (const match of approxSearch(text.slice(from, to), pattern, maxErrors)) {
    const end = from + match.end;
    const aligned = alignMatchStart(text, pattern, end, match.errors);
    if (aligned && aligned.start >= from) found.push({ start: aligned.start, end, errors: aligned.errors });
  }
  return found;
}

/** A piece found more often than this says nothing about where the quote went: it is skipped. */
const MAX_PIECE_HITS = 32;

/** A piece of an anchor's context to look for elsewhere, and where it sits in that context. */
export interface ContextPiece {
  piece: string;
  side: 'prefix' | 'suffix';
  /** Offset of the piece in its side, UTF-16 units. */
  offset: number;
}

/**
 * The stored prefix and suffix cut into pieces of {@link KEY_UNITS} units, nearest the quote first;
 * pieces of mostly blanks are left out (they occur everywhere).
 */
export function contextPieces(prefix: string, suffix: string): ContextPiece[] {
  const pieces: ContextPiece[] = [];
  for (let end = prefix.length; end >= KEY_UNITS; end -= KEY_UNITS) {
    const piece = prefix.slice(end - KEY_UNITS, end);
    if (piece.trim().length >= KEY_UNITS / 2) pieces.push({ piece, side: 'prefix', offset: end - KEY_UNITS });
  }
  for (let start = 0; start + KEY_UNITS <= suffix.length; start += KEY_UNITS) {
    const piece = suffix.slice(start, start + KEY_UNITS);
    if (piece.trim().length >= KEY_UNITS / 2) pieces.push({ piece, side: 'suffix', offset: start });
  }
  return pieces;
}

/**
 * Regions of the whole text where the quote could sit next to a surviving piece of its prefix or
 * suffix: every occurrence of a piece (from `hits`) implies where the quote would start (prefix) or
 * end (suffix), and a region of `reach` units plus `slack` around that is proposed. Proposals that
 * overlap merge, and a region that several pieces point to comes first (a stray piece of common
 * words points somewhere alone), then the nearest to `expected`; at most `limit` are returned.
 * A placement far from its old position is only accepted when a context agrees closely, and a
 * context that agrees closely nearly always keeps a piece intact; so fuzzy search in these regions
 * stands in for fuzzy search over the whole text at a tiny fraction of its cost.
 */
export function contextRegions(text: string, prefixLength: number, pieces: readonly ContextPiece[], hits: ReadonlyMap<string, number[]>, reach: number, slack: number, expected: number, limit: number): [number, number][] {
  const proposed: [number, number][] = [];
  for (const { piece, side, offset } of pieces) {
    const found = hits.get(piece) ?? [];
    if (found.length > MAX_PIECE_HITS) continue;
    for (const hit of found) {
      const quoteStart = side === 'prefix' ? hit + prefixLength - offset : hit - offset - reach;
      proposed.push([quoteStart - slack, quoteStart + reach + slack]);
    }
  }
  proposed.sort((a, b) => a[0] - b[0]);
  const merged: { lo: number; hi: number; votes: number }[] = [];
  for (const [lo, hi] of proposed) {
    const last = merged[merged.length - 1];
    if (last && lo <= last.hi) {
      last.hi = Math.min(text.length, Math.max(last.hi, hi));
      last.votes++;
    } else merged.push({ lo: Math.max(0, lo), hi: Math.min(text.length, hi), votes: 1 });
  }
  const distance = (r: { lo: number }): number => Math.abs(r.lo - expected);
  merged.sort((a, b) => b.votes - a.votes || distance(a) - distance(b));
  return merged.slice(0, limit).map((r): [number, number] => [r.lo, r.hi]);
}
