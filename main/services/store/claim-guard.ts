/**
 * The store's last guard on claims: an edited document's claims must keep the claim rules
 * (shared/check/claim-rules.ts) that the claim card already enforces, so no other way in (a stale
 * renderer, a script, the browser host) saves a claim the card would refuse. Only claims whose
 * checked fields changed are judged: a claim saved under an earlier scale stays as it is until the
 * analyst touches its verdict, and editing the text around it never fails.
 *
 * A claim's corrections log is append-only (IFCN: corrections are published, never rewritten):
 * every send must carry the stored entries unchanged, in order, and may only add entries after
 * them, each with a reason in words. A claim that leaves the document (its annotation removed) is
 * not judged here: removing marking is an analyst's undoable action, and its record is kept
 * elsewhere (see the report of issue 14 on a `retired` list of the stored document).
 */
import { isDeepStrictEqual } from 'node:util';
import { claimProblems } from '../../../shared/check/claim-rules.js';
import type { Annotation, Claim, RatingScale } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The fields the claim rules read, as one comparable string. */
function checkedFields(claim: Claim): string {
  return JSON.stringify([claim.appearance, claim.verdict, claim.status, claim.evidence.map((item) => item.credibility)]);
}

type Corrections = Claim['corrections'];

/**
 * Why corrections log `sent` is not the `kept` log with entries appended (null when it is): an
 * entry removed, changed or moved, or an added entry whose reason is blank.
 */
export function correctionsProblem(kept: Corrections, sent: Corrections): string | null {
  if (sent.length < kept.length || kept.some((entry, i) => !isDeepStrictEqual(entry, sent[i]))) {
    return 'an entry of its corrections log cannot be removed or changed; record a new correction instead.';
  }
  for (let i = kept.length; i < sent.length; i++) {
    if (sent[i]!.reason.trim() === '') return 'a correction needs its reason in words, since it is published with the correction.';
  }
  return null;
}

/**
 * Refuses (`INVALID_ARGUMENT`, naming the claim) the first claim of `after` whose corrections log
 * does not keep every stored entry of the same claim in `before` (a new claim may bring entries,
 * each with a reason), and then the first new or changed claim of `after` that breaks a claim rule,
 * judged against the active `scale` and `today` (`YYYY-MM-DD`).
 */
export function checkChangedClaims(title: string, before: readonly Annotation[], after: readonly Annotation[], scale: RatingScale | null, today: string): void {
  const stored = new Map(before.flatMap((a) => (a.kind === 'claim' ? [[a.id, a] as const] : [])));
  const refuse = (claim: Claim, problem: string) => new FactmarkError('INVALID_ARGUMENT', `Claim ${claim.shortId}: ${problem} (The changes to “${title}” were not saved.)`);
  for (const annotation of after) {
    if (annotation.kind !== 'claim') continue;
    const previous = stored.get(annotation.id);
    const corrections = correctionsProblem(previous?.corrections ?? [], annotation.corrections);
    if (corrections) throw refuse(annotation, corrections);
    if (previous && checkedFields(previous) === checkedFields(annotation)) continue;
    const [problem] = claimProblems(annotation, { scale, today });
    if (problem) throw refuse(annotation, problem.message);
  }
}
