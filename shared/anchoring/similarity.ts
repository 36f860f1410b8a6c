/**
 * How alike a candidate place is to what an anchor remembers: the measures behind every decision
 * to place an annotation or leave it an orphan.
 *
 * The score follows Hypothesis (quote 50, prefix 20, suffix 20, position 2, normalised to 0…1) so
 * figures compare with the best-known re-anchoring; the context measure is stricter than
 * Hypothesis' (which lets the stored prefix match anywhere inside the candidate's window): the
 * stored context is aligned whole against the context the candidate has, anchored at the quote.
 */

/** The Hypothesis weights of a placement score. */
export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

const WEIGHT_SUM = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

/**
 * Levenshtein distance between two strings, in UTF-16 units: insertions, deletions and
 * substitutions each cost 1. O(|a|·|b|) time and O(|b|) memory, after trimming the common ends, so
 * it is meant for short strings (the contexts of a quote, at most a few hundred units).
 */
export function editDistance(a: string, b: string): number {
  let head = 0;
  const shorter = Math.min(a.length, b.length);
  while (head < shorter && a.charCodeAt(head) === b.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && a.charCodeAt(a.length - 1 - tail) === b.charCodeAt(b.length - 1 - tail)) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  const row = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) row[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    const unit = x.charCodeAt(i - 1);
    for (let j = 1; j <= y.length; j++) {
      const above = row[j]!;
      const cost = unit === y.charCodeAt(j - 1) ? 0 : 1;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[y.length]!;
}

/**
 * Where an approximate match of `pattern` that ends at `end` of `text` starts: the start that makes
 * the edit distance between `pattern` and `text[start, end)` smallest (the longer match on a tie),
 * with that distance; null when it exceeds `maxErrors`. approx-string-match finds match ends
 * reliably, but its starts can pair with a different error count, so every fuzzy candidate is
 * re-aligned here before it is scored. Banded dynamic programming: O(|pattern| · maxErrors).
 */
export function alignMatchStart(text: string, pattern: string, end: number, maxErrors: number): { start: number; errors: number } | null {
  const m = pattern.length;
  const k = Math.floor(maxErrors);
  const n = Math.min(end, m + k);
  const none = k + 1;
  // row[j]: distance between the last i units of the pattern and the last j units before `end`.
  let row = new Uint32Array(n + 1);
  for (let j = 0; j <= n; j++) row[j] = Math.min(j, none);
  for (let i = 1; i <= m; i++) {
    const next = new Uint32Array(n + 1).fill(none);
    next[0] = Math.min(i, none);
    const unit = pattern.charCodeAt(m - i);
    for (let j = Math.max(1, i - k); j <= Math.min(n, i + k); j++) {
      const cost = unit === text.charCodeAt(end - j) ? 0 : 1;
      next[j] = Math.min(none, row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + cost);
    }
    row = next;
  }
  let best = -1;
  for (let j = 0; j <= n; j++) if (row[j]! <= k && (best < 0 || row[j]! <= row[best]!)) best = j;
  return best < 0 ? null : { start: end - best, errors: row[best]! };
}

/**
 * How well a stored context (prefix or suffix) agrees with the context a candidate has: 1 minus the
 * edit distance over the longer of the two, so 1 is identical and unrelated prose lands around 0.4
 * to 0.5. Two empty contexts agree (both at an end of the text); an empty one and a non-empty one
 * do not.
 */
export function contextAgreement(stored: string, actual: string): number {
  if (stored === actual) return 1;
  const longer = Math.max(stored.length, actual.length);
  return 1 - editDistance(stored, actual) / longer;
}

/** The parts of a placement score, each in 0…1. */
export interface ScoreParts {
  /** 1 − errors / quote length: how much of the quote is found unchanged. */
  quote: number;
  /** {@link contextAgreement} of the prefix. */
  prefix: number;
  /** {@link contextAgreement} of the suffix. */
  suffix: number;
  /** 1 − distance from the expected position / text length. */
  position: number;
}

/** The Hypothesis-style score of a candidate, normalised to 0…1 (1: same words, same context, same place). */
export function placementScore(parts: ScoreParts): number {
  const raw =
    SCORE_WEIGHTS.quote * parts.quote +
    SCORE_WEIGHTS.prefix * parts.prefix +
    SCORE_WEIGHTS.suffix * parts.suffix +
    SCORE_WEIGHTS.position * parts.position;
  return raw / WEIGHT_SUM;
}
