/** The words the claim card shows for the model's codes: kinds of claim, stances, source types. */
import type { CLAIM_KINDS } from '../../../../shared/model/annotation.js';
import type { STANCES } from '../../../../shared/model/evidence.js';
import type { SOURCE_TYPES } from '../../../../shared/model/source.js';

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

export const SOURCE_TYPE_LABELS: Record<(typeof SOURCE_TYPES)[number], string> = {
  'article-newspaper': 'News article',
  webpage: 'Web page',
  post: 'Social media post',
  'official-statement': 'Official statement',
  report: 'Report',
  dataset: 'Dataset',
  interview: 'Interview',
  document: 'Primary document',
  other: 'Other',
};
