/**
 * Test support: judging a placement against the ground truth of tracked edits, with its own small
 * implementations (Levenshtein, context windows by Array.from) so that it does not share code with
 * what it judges.
 */
import type { Anchor } from '../../../../shared/model/selectors.js';
import type { Placement } from '../../../../shared/anchoring/index.js';
import type { Tracked } from './edits.js';

/** Plain dynamic-programming Levenshtein distance over UTF-16 units. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** 1 − distance / longer length; 1 for two empty strings. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

/** The `points` code points of `text` before `offset` and after `end`. */
function windows(text: string, start: number, end: number, before: number, after: number): [string, string] {
  // Each code point takes at most two units: twice the count in units is always enough.
  const head = Array.from(text.slice(Math.max(0, start - 2 * before), start));
  const tail = Array.from(text.slice(end, end + 2 * after));
  return [head.slice(Math.max(0, head.length - before)).join(''), tail.slice(0, after).join('')];
}

/** How well the stored prefix and suffix agree with the text around `[start, end)` of `text`. */
export function contextAt(text: string, start: number, end: number, anchor: Anchor): { prefix: number; suffix: number } {
  const before = Math.max(32, Array.from(anchor.quote.prefix).length);
  const after = Math.max(32, Array.from(anchor.quote.suffix).length);
  const [prefix, suffix] = windows(text, start, end, before, after);
  return { prefix: similarity(anchor.quote.prefix, prefix), suffix: similarity(anchor.quote.suffix, suffix) };
}

/** The judging thresholds: the defaults of anchorAll (minContext 0.8; minScore 0.65 lets quote similarity fall to 0.356 with perfect context). */
export const MIN_CONTEXT = 0.8;
export const MIN_FUZZY_SIMILARITY = (0.65 * 92 - 42) / 50;

/** Whether the stored context stands around `[start, end)`: one side agreeing with enough text behind it, or both. */
function contextStands(text: string, start: number, end: number, anchor: Anchor): { stands: boolean; prefix: number; suffix: number } {
  const { prefix, suffix } = contextAt(text, start, end, anchor);
  const prefixAgrees = prefix >= MIN_CONTEXT;
  const suffixAgrees = suffix >= MIN_CONTEXT;
  const enough = (side: string): boolean => Array.from(side).length >= 8;
  const stands = (prefixAgrees && suffixAgrees) || (prefixAgrees && enough(anchor.quote.prefix)) || (suffixAgrees && enough(anchor.quote.suffix));
  return { stands, prefix, suffix };
}

/**
 * Why a placement is wrong, or null when it is acceptable:
 * - exact/moved: the placed text is the quote, and it lies on the tracked words, or its stored
 *   context truly stands there too (so the text offers the same quote in the same context), or it
 *   is a long quote found only once;
 * - fuzzy: the placed text is similar enough to the quote, and overlaps where the words went
 *   (touches that point when all the words were deleted). With `lookalikes`, a fuzzy placement
 *   elsewhere is also accepted where the stored context stands: for texts of a tiny vocabulary,
 *   where random insertions rebuild near-copies of a quote with its context;
 * - orphan: always acceptable here (completeness is checked separately).
 */
export function misplacement(text: string, anchor: Anchor, placement: Placement, truth: Tracked, lookalikes = false): string | null {
  if (placement.status === 'orphan') return null;
  const { start, end } = placement;
  const placed = text.slice(start, end);
  const overlaps = truth.end > truth.start ? start < truth.end && end > truth.start : start <= truth.start && end >= truth.start;
  const context = contextStands(text, start, end, anchor);
  const where = `at ${start}, away from where the words went (${truth.start}-${truth.end}), and its context does not stand there (prefix ${context.prefix.toFixed(2)}, suffix ${context.suffix.toFixed(2)})`;
  if (placement.status === 'fuzzy') {
    const quoteSimilarity = 1 - levenshtein(placed, anchor.quote.exact) / anchor.quote.exact.length;
    if (quoteSimilarity < MIN_FUZZY_SIMILARITY - 1e-9) return `fuzzy: placed text ${JSON.stringify(placed)} is too unlike ${JSON.stringify(anchor.quote.exact)}`;
    return overlaps || (lookalikes && context.stands) ? null : `fuzzy: ${JSON.stringify(placed)} ${where}`;
  }
  if (placed !== anchor.quote.exact) return `${placement.status}: placed text ${JSON.stringify(placed)} differs from the quote`;
  if (start === truth.start && end === truth.end && !truth.wordsTouched) return null;
  if (context.stands) return null;
  const unique = text.indexOf(placed) === text.lastIndexOf(placed);
  if (unique && Array.from(placed).length >= 64) return null;
  return `${placement.status}: ${JSON.stringify(placed)} ${where}`;
}
