/**
 * The corrections log of a claim (IFCN: corrections are published, with dates). Once a claim is
 * done its verdict may have been published, so changing the verdict or the conclusion then is a
 * correction, recorded with the old and new verdict and the analyst's reason. And the date of the
 * verdict itself, which a published fact-check carries (ClaimReview's `datePublished`).
 */
import type { Claim, Verdict } from '../model/annotation.js';
import { hasVerdict } from './claim-rules.js';

function sameVerdict(a: Verdict, b: Verdict): boolean {
  return a.levelId === b.levelId && a.special === b.special && a.conclusion === b.conclusion;
}

/** True when going from `before` to `after` corrects a verdict: the claim was done and its verdict or conclusion changes. */
export function needsCorrection(before: Claim, after: Claim): boolean {
  return before.status === 'done' && !sameVerdict(before.verdict, after.verdict);
}

/**
 * `after` with one more entry in its corrections log: when (`at`, ISO timestamp), the verdict
 * before and after, why, and who made it (the claim's analyst, else `analyst`). The log only
 * grows: a mistaken entry is answered by a later one.
 */
export function withCorrection(before: Claim, after: Claim, reason: string, at: string, analyst = ''): Claim {
  const entry = { at, before: before.verdict, after: after.verdict, reason: reason.trim(), analyst: after.analyst || analyst };
  return { ...after, corrections: [...after.corrections, entry] };
}

/**
 * `after` with `verdictAt` saying when its verdict was reached: `at` (ISO timestamp) when the
 * verdict or conclusion differs from `before`'s (or `before` is none: a new claim), null when it
 * has no verdict, and otherwise the date it had (null for a verdict reached before dates were kept:
 * an unrelated edit is no date of the verdict).
 */
export function withVerdictDate(before: Claim | null, after: Claim, at: string): Claim {
  if (!hasVerdict(after)) return after.verdictAt === null ? after : { ...after, verdictAt: null };
  if (before !== null && sameVerdict(before.verdict, after.verdict)) return after;
  return { ...after, verdictAt: at };
}
