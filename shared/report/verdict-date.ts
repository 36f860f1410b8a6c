/** The day a claim's verdict was reached, as the exports date it (ClaimReview's `datePublished`, the claims CSV). */
import type { Claim } from '../model/annotation.js';

/**
 * The day (`YYYY-MM-DD`) the verdict was reached: when it was last set (`verdictAt`), else — a
 * verdict older than that record — its latest correction, else when the claim last changed; never
 * the day of the export.
 */
export function verdictDate(claim: Claim): string {
  const at = claim.verdictAt ?? claim.corrections[claim.corrections.length - 1]?.at ?? claim.updatedAt;
  return at.slice(0, 10);
}
