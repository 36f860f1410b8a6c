/**
 * The words a reader sees for the model's codes — claim statuses and kinds, special outcomes, stances and
 * source types — shared by the editor and every report, so the screen and the export never disagree.
 */
import type { CLAIM_KINDS, CLAIM_STATUSES } from '../model/annotation.js';
import type { STANCES } from '../model/evidence.js';
import type { SpecialOutcome } from '../model/rating-scale.js';
import type { SOURCE_TYPES } from '../model/source.js';

export const STATUS_LABELS: Record<(typeof CLAIM_STATUSES)[number], string> = {
  new: 'New',
  researching: 'Researching',
  inReview: 'In review',
  done: 'Done',
  notCheckable: 'Not checkable',
};

export { SPECIAL_LABELS } from '../model/vocabulary.js';

/** What each special outcome means, for the report's methodology. */
export const SPECIAL_DEFINITIONS: Record<SpecialOutcome, string> = {
  unverifiable: 'The available evidence can neither confirm nor refute the claim.',
  outdated: 'The claim was accurate when made but no longer is.',
  retracted: 'The claimant withdrew the claim.',
};

export const STANCE_LABELS: Record<(typeof STANCES)[number], string> = { supports: 'Supports', refutes: 'Refutes', context: 'Adds context' };

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

/** Kinds of claim, in the analyst's words. */
export const CLAIM_KIND_LABELS: Record<(typeof CLAIM_KINDS)[number], string> = {
  quote: 'Quote',
  statistic: 'Statistic',
  comparison: 'Comparison',
  causal: 'Cause and effect',
  prediction: 'Prediction',
  attribution: 'Attribution',
  other: 'Other',
};
