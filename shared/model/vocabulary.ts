/**
 * The fixed vocabularies of the domain model — annotation kinds, claim statuses and kinds, evidence
 * stances and credibility grades, special verdict outcomes, source types and reliability grades —
 * as plain constants with no validation library, so the renderer can list them in menus and filters
 * without loading zod at startup. The schemas in this folder are built from these same lists.
 */

export const ANNOTATION_KINDS = ['claim', 'sourceMention', 'note'] as const;

/** Who a claimant is: a person, or an organisation (a council, a ministry, a company) — schema.org's Person or Organization. */
export const CLAIMANT_KINDS = ['person', 'organization'] as const;

/** Workflow status of a claim. */
export const CLAIM_STATUSES = ['new', 'researching', 'inReview', 'done', 'notCheckable'] as const;

/** What kind of statement a claim is. */
export const CLAIM_KINDS = ['quote', 'statistic', 'comparison', 'causal', 'prediction', 'attribution', 'other'] as const;

/** How a piece of evidence bears on its claim. */
export const STANCES = ['supports', 'refutes', 'context'] as const;

/** Admiralty information credibility: 1 confirmed … 5 improbable, 6 cannot be judged. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;

/** Outcomes available on every scale, whatever its levels. */
export const SPECIAL_OUTCOMES = ['unverifiable', 'outdated', 'retracted'] as const;

/** The special outcomes in the words a reader sees, on the screen and in every report. */
export const SPECIAL_LABELS: Record<(typeof SPECIAL_OUTCOMES)[number], string> = { unverifiable: 'Unverifiable', outdated: 'Outdated', retracted: 'Retracted' };

/** What kind of thing a source is (CSL types where one fits). */
export const SOURCE_TYPES = [
  'article-newspaper',
  'webpage',
  'post',
  'official-statement',
  'report',
  'dataset',
  'interview',
  'document',
  'other',
] as const;

/** Admiralty source reliability: A completely reliable … E unreliable, F cannot be judged. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
