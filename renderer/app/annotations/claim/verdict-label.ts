/** A verdict in words, for the corrections log and the card: its level, its special outcome, or what is left. */
import type { Verdict } from '../../../../shared/model/annotation.js';
import type { RatingScale } from '../../../../shared/model/rating-scale.js';
import { SPECIAL_LABELS } from '../../../editor/annotations/appearance.js';

/** "False", "Unverifiable", "Conclusion only" or "No verdict"; a level is looked up on every scale of the project. */
export function verdictLabel(verdict: Verdict, scales: readonly RatingScale[]): string {
  if (verdict.special) return SPECIAL_LABELS[verdict.special] ?? verdict.special;
  if (verdict.levelId) {
    for (const scale of scales) {
      const level = scale.levels.find((l) => l.id === verdict.levelId);
      if (level) return level.label;
    }
    return 'A level no longer on any scale';
  }
  return verdict.conclusion.trim() ? 'Conclusion only' : 'No verdict';
}
