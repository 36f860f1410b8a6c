/**
 * A claim's verdict as exports state it: the scale level it names (with the scale, for its range of
 * values), or its special outcome, in words.
 */
import type { Claim } from '../model/annotation.js';
import type { StoredProject } from '../model/project.js';
import type { RatingLevel, RatingScale } from '../model/rating-scale.js';
import { SPECIAL_LABELS } from './labels.js';

/** A verdict level found on one of the project's scales. */
export interface FoundLevel {
  level: RatingLevel;
  scale: RatingScale;
}

/** The level the claim's verdict names, looked up on every scale of the project (a claim may predate a change of scale); null for none. */
export function verdictLevel(claim: Claim, project: StoredProject): FoundLevel | null {
  const { levelId } = claim.verdict;
  if (levelId === null) return null;
  for (const scale of project.ratingScales) {
    const level = scale.levels.find((l) => l.id === levelId);
    if (level) return { level, scale };
  }
  return null;
}

/** The verdict in a word or two: the special outcome, else the level's label; null when it has neither (a conclusion at most). */
export function verdictName(claim: Claim, project: StoredProject): string | null {
  const { special } = claim.verdict;
  if (special !== null) return SPECIAL_LABELS[special];
  return verdictLevel(claim, project)?.level.label ?? null;
}
