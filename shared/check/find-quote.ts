/**
 * Finding the words a claim quotes in a document's plain text, when the claim arrives as text (the
 * command line, a claims list) rather than as a selection: exactly first, else approximately, and
 * never guessing between places. A quote found in two places, or nowhere close enough, is reported.
 */
import { emptyStats, exactOccurrences, fuzzyOccurrences } from '../anchoring/search.js';

/** At most this share of a quote's characters may differ for an approximate match (typographic quotes, a typo, a changed word). */
export const MAX_QUOTE_ERROR_SHARE = 0.25;

/** Where a quote was found: UTF-16 offsets of the plain text, and how. */
export type QuoteMatch =
  | { status: 'exact' | 'fuzzy'; start: number; end: number }
  | { status: 'ambiguous'; count: number }
  | { status: 'missing' };

/**
 * Finds `quote` (trimmed) in `text`: the one exact occurrence, or else the one best approximate
 * match with at most {@link MAX_QUOTE_ERROR_SHARE} of its characters changed. Several exact
 * occurrences, or several equally good approximate ones in different places, are `ambiguous`.
 */
export function findQuote(text: string, quote: string): QuoteMatch {
  const words = quote.trim();
  if (words === '') return { status: 'missing' };
  const exact = exactOccurrences(text, words);
  if (exact.length === 1) return { status: 'exact', start: exact[0]!, end: exact[0]! + words.length };
  if (exact.length > 1) return { status: 'ambiguous', count: exact.length };
  const maxErrors = Math.floor(words.length * MAX_QUOTE_ERROR_SHARE);
  if (maxErrors === 0) return { status: 'missing' };
  const candidates = fuzzyOccurrences(text, words, 0, text.length, maxErrors, emptyStats());
  const fewest = Math.min(...candidates.map((c) => c.errors));
  // Overlapping matches are one place (kept: the one closest to the quote's length); separate places are a guess.
  const places: { start: number; end: number }[] = [];
  const misfit = (c: { start: number; end: number }) => Math.abs(c.end - c.start - words.length);
  for (const candidate of candidates.filter((c) => c.errors === fewest).sort((a, b) => a.start - b.start)) {
    const last = places[places.length - 1];
    if (!last || candidate.start >= last.end) places.push({ start: candidate.start, end: candidate.end });
    else if (misfit(candidate) < misfit(last)) places[places.length - 1] = { start: candidate.start, end: candidate.end };
  }
  if (places.length === 0) return { status: 'missing' };
  if (places.length > 1) return { status: 'ambiguous', count: places.length };
  return { status: 'fuzzy', ...places[0]! };
}
