/**
 * The store's last guard on claims: an edited document's claims must keep the claim rules
 * (shared/check/claim-rules.ts) that the claim card already enforces, so no other way in (a stale
 * renderer, a script, the browser host) saves a claim the card would refuse. Only claims whose
 * checked fields changed are judged: a claim saved under an earlier scale stays as it is until the
 * analyst touches its verdict, and editing the text around it never fails.
 */
import { claimProblems } from '../../../shared/check/claim-rules.js';
import type { Annotation, Claim, RatingScale } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';

/** The fields the claim rules read, as one comparable string. */
function checkedFields(claim: Claim): string {
  return JSON.stringify([claim.appearance, claim.verdict, claim.status, claim.evidence.map((item) => item.credibility)]);
}

/**
 * Refuses (`INVALID_ARGUMENT`, naming the claim) the first new or changed claim of `after` that
 * breaks a claim rule, judged against the active `scale` and `today` (`YYYY-MM-DD`).
 */
export function checkChangedClaims(title: string, before: readonly Annotation[], after: readonly Annotation[], scale: RatingScale | null, today: string): void {
  const stored = new Map(before.flatMap((a) => (a.kind === 'claim' ? [[a.id, checkedFields(a)] as const] : [])));
  for (const annotation of after) {
    if (annotation.kind !== 'claim' || stored.get(annotation.id) === checkedFields(annotation)) continue;
    const [problem] = claimProblems(annotation, { scale, today });
    if (problem) throw new FactmarkError('INVALID_ARGUMENT', `Claim ${annotation.shortId}: ${problem.message} (The changes to “${title}” were not saved.)`);
  }
}
