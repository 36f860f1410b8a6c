/**
 * Judging candidates: the one place where re-anchoring decides that a place holds an annotation's
 * words. Every candidate, however it was found, is scored and accepted or refused here, so the
 * search strategy (anchor.ts) can take shortcuts without ever weakening this rule:
 *
 *   accepted ⇔ Hypothesis-style score ≥ minScore  AND  the stored context confirms the place
 *
 * where the context confirms it when the prefix or the suffix agrees with the text around the
 * candidate at least `minContext` (and holds at least {@link MIN_EVIDENCE_POINTS} code points), or
 * both agree. A quote found without its context is not evidence: short quotes recur.
 */
import type { Anchor } from '../model/selectors.js';
import { codePointLength } from '../text.js';
import { codePointsAfter, codePointsBefore } from './code-points.js';
import { CONTEXT_CODE_POINTS } from './describe.js';
import type { Candidate, AnchorStats } from './search.js';
import { contextAgreement, placementScore } from './similarity.js';

/** An anchor found again: `start`/`end` are UTF-16 offsets in the new text; `score` is 0…1. */
export interface PlacedAnchor {
  /** `exact`: the quote at its old position; `moved`: the quote elsewhere; `fuzzy`: changed words. */
  status: 'exact' | 'moved' | 'fuzzy';
  start: number;
  end: number;
  score: number;
}

/** A context side confirms a placement on its own only with at least this many code points stored. */
export const MIN_EVIDENCE_POINTS = 8;
/** At most this many candidates (the nearest to the expected place) are scored per search stage. */
const MAX_CANDIDATES = 64;

/** One anchor's search: its stored selectors, where it is expected, and the thresholds. */
export interface Job {
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Code points in the stored prefix / suffix. */
  prefixCount: number;
  suffixCount: number;
  /** Code points of context to compare with: a full context, or more if more was stored. */
  prefixPoints: number;
  suffixPoints: number;
  /** The old position (UTF-16 in the new text), and where the words are expected after the shift learned so far. */
  hint: number;
  expected: number;
  /** Fuzzy error budget: min(256, quote length / 2), as Hypothesis. */
  maxErrors: number;
  minScore: number;
  minContext: number;
  stats: AnchorStats;
  /** The best score refused so far (reported with an orphan). */
  rejected: number | undefined;
}

/** Sets up the search for one anchor. */
export function newJob(text: string, anchor: Anchor, hint: number, shift: number, minScore: number, minContext: number, stats: AnchorStats): Job {
  const { quote } = anchor;
  const prefixCount = codePointLength(quote.prefix);
  const suffixCount = codePointLength(quote.suffix);
  return {
    text,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    prefixCount,
    suffixCount,
    prefixPoints: Math.max(CONTEXT_CODE_POINTS, prefixCount),
    suffixPoints: Math.max(CONTEXT_CODE_POINTS, suffixCount),
    hint,
    expected: Math.max(0, Math.min(text.length, hint + shift)),
    maxErrors: Math.min(256, quote.exact.length / 2),
    minScore,
    minContext,
    stats,
    rejected: undefined,
  };
}

interface Scored extends Candidate {
  score: number;
  acceptable: boolean;
}

/** Scores one candidate and says whether it may hold the annotation. */
function evaluate(job: Job, c: Candidate): Scored {
  const { text } = job;
  job.stats.candidatesScored++;
  const prefix = contextAgreement(job.prefix, text.slice(codePointsBefore(text, c.start, job.prefixPoints), c.start));
  const suffix = contextAgreement(job.suffix, text.slice(c.end, codePointsAfter(text, c.end, job.suffixPoints)));
  const quote = Math.max(0, 1 - c.errors / job.exact.length);
  const position = 1 - Math.abs(c.start - job.expected) / Math.max(1, text.length);
  const score = placementScore({ quote, prefix, suffix, position });
  const prefixAgrees = prefix >= job.minContext;
  const suffixAgrees = suffix >= job.minContext;
  // One side alone confirms only if it holds enough text to be evidence: an empty prefix agreeing
  // with the start of the text says little (anything inserted at the start lands there too).
  const confirmed = (prefixAgrees && suffixAgrees) || (prefixAgrees && job.prefixCount >= MIN_EVIDENCE_POINTS) || (suffixAgrees && job.suffixCount >= MIN_EVIDENCE_POINTS);
  return { ...c, score, acceptable: confirmed && score >= job.minScore };
}

/** The placement of an accepted candidate: `exact` at the old position, `moved` elsewhere, `fuzzy` if changed. */
function place(job: Job, c: Candidate, score: number): PlacedAnchor {
  const status = c.errors > 0 ? 'fuzzy' : c.start === job.hint ? 'exact' : 'moved';
  return { status, start: c.start, end: c.end, score };
}

/** Scores the candidates (the nearest to the expected place, if many): the best acceptable one, if any. */
export function pickBest(job: Job, candidates: readonly Candidate[]): PlacedAnchor | null {
  const distance = (c: Candidate): number => Math.abs(c.start - job.expected);
  const nearest = candidates.length > MAX_CANDIDATES ? [...candidates].sort((a, b) => distance(a) - distance(b)).slice(0, MAX_CANDIDATES) : candidates;
  let best: Scored | null = null;
  for (const candidate of nearest) {
    const s = evaluate(job, candidate);
    if (!s.acceptable) job.rejected = Math.max(job.rejected ?? 0, s.score);
    else if (!best || s.score > best.score || (s.score === best.score && distance(s) < distance(best))) best = s;
  }
  return best ? place(job, best, best.score) : null;
}

/**
 * Places the quote at `start` without asking its context: for a long quote found exactly once in
 * the text (a moved passage), whose context may well have changed all around it. The score still
 * reports how little of the context agreed.
 */
export function placeUnique(job: Job, start: number): PlacedAnchor {
  const candidate = { start, end: start + job.exact.length, errors: 0 };
  const s = evaluate(job, candidate);
  return place(job, candidate, s.score);
}

/**
 * The placement at `at` if the quote and both stored contexts stand intact there (a context shorter
 * than a full one must still reach the end of the text, as it did): certainly the same words, so no
 * scoring is needed. Otherwise null.
 */
export function placeIfIntact(job: Job, at: number): PlacedAnchor | null {
  const { text, exact, prefix, suffix } = job;
  const end = at + exact.length;
  if (at < 0 || end > text.length || !text.startsWith(exact, at)) return null;
  if (!text.endsWith(prefix, at) || (job.prefixPoints > job.prefixCount && at !== prefix.length)) return null;
  if (!text.startsWith(suffix, end) || (job.suffixPoints > job.suffixCount && end + suffix.length !== text.length)) return null;
  const position = 1 - Math.abs(at - job.expected) / Math.max(1, text.length);
  return place(job, { start: at, end, errors: 0 }, placementScore({ quote: 1, prefix: 1, suffix: 1, position }));
}
