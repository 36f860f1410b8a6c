/** Claims, scales and sources as the check rules' tests need them, built through the model's own schemas. */
import { Claim } from '../../../shared/model/annotation.js';
import { Evidence } from '../../../shared/model/evidence.js';
import type { RatingScale } from '../../../shared/model/rating-scale.js';
import { Source } from '../../../shared/model/source.js';

export const NOW = '2026-11-27T12:00:00.000Z';
export const TODAY = '2026-11-27';

export const TRUTH: RatingScale = {
  id: 'truth',
  name: 'Truth scale',
  conclusionOnly: false,
  levels: [
    { id: 'true', label: 'True', description: 'Accurate, nothing significant missing.', colour: '#15803d', value: 5 },
    { id: 'false', label: 'False', description: 'Not accurate.', colour: '#b91c1c', value: 1 },
  ],
};
export const CONCLUSION_ONLY: RatingScale = { id: 'plain', name: 'Conclusion only', conclusionOnly: true, levels: [] };

/** A new claim C1 on "21 years", changed by `patch`. */
export function claim(patch: Partial<Claim> = {}): Claim {
  const base = Claim.parse({
    id: 'c1',
    kind: 'claim',
    shortId: 'C1',
    anchor: { quote: { exact: 'the past 21 years', prefix: 'over ', suffix: '.' }, position: { start: 10, end: 27 } },
    createdAt: NOW,
    updatedAt: NOW,
  });
  return { ...base, ...patch };
}

export function source(id: string, patch: Partial<Source> = {}): Source {
  return { ...Source.parse({ id, type: 'report', title: `Source ${id}`, createdAt: NOW, updatedAt: NOW }), ...patch };
}

export function evidence(id: string, sourceId: string, patch: Partial<Evidence> = {}): Evidence {
  return { ...Evidence.parse({ id, sourceId, stance: 'supports', createdAt: NOW, updatedAt: NOW }), ...patch };
}
