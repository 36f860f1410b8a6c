/** How a verdict reads in the report: its level or special outcome, and its written conclusion. */
import type { Verdict } from '../../model/annotation.js';
import type { RatingLevel } from '../../model/rating-scale.js';
import { SPECIAL_LABELS } from '../labels.js';

/** The label a verdict is counted under: a special outcome, a level of a scale, or "No verdict yet". */
export function verdictLabel(verdict: Verdict, levels: ReadonlyMap<string, RatingLevel>): string {
  if (verdict.special) return SPECIAL_LABELS[verdict.special];
  const level = verdict.levelId ? levels.get(verdict.levelId) : undefined;
  return level ? level.label : 'No verdict yet';
}

/** The label followed by the conclusion, when there is one: "False — The figure is 12 years." */
export function verdictText(verdict: Verdict, levels: ReadonlyMap<string, RatingLevel>): string {
  const label = verdictLabel(verdict, levels);
  return verdict.conclusion === '' ? label : `${label} — ${verdict.conclusion}`;
}
