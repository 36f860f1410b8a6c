/** The words the claim card shows for the model's codes: kinds of claim, stances, source types. */
import type { CLAIM_KINDS } from '../../../../shared/model/annotation.js';
import type { STANCES } from '../../../../shared/model/evidence.js';

export const CLAIM_KIND_LABELS: Record<(typeof CLAIM_KINDS)[number], string> = {
  quote: 'Quote',
  statistic: 'Statistic',
  comparison: 'Comparison',
  causal: 'Cause and effect',
  prediction: 'Prediction',
  attribution: 'Attribution',
  other: 'Other',
};

export type Stance = (typeof STANCES)[number];

export const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Adds context' };

