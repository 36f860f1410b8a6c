/** Claimant names as suggestions: each once, trimmed, in alphabetical order. */
import type { Claim } from '../../../../shared/model/annotation.js';

/** The distinct claimant names of `claims`, trimmed, in alphabetical order. */
export function claimantNames(claims: Iterable<Claim>): string[] {
  const names = new Set<string>();
  for (const claim of claims) if (claim.claimant.trim() !== '') names.add(claim.claimant.trim());
  return [...names].sort((a, b) => a.localeCompare(b));
}
