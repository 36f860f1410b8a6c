/**
 * Annotations: the marks an analyst makes on a document's text. Three kinds share an anchor and
 * tags: a claim (a checkable statement, the unit of a fact-check), a source mention (words that name
 * a source) and a note. The details live here, keyed by id; the editor keeps only the id on the text.
 */
import * as z from 'zod';
import { DateText, Id, Line, LongText, Timestamp, UrlText } from './common.js';
import { Evidence } from './evidence.js';
import { SpecialOutcome } from './rating-scale.js';
import { Anchor } from './selectors.js';
import { ANNOTATION_KINDS, CLAIM_KINDS, CLAIM_STATUSES, CLAIMANT_KINDS } from './vocabulary.js';

export { ANNOTATION_KINDS, CLAIM_KINDS, CLAIM_STATUSES, CLAIMANT_KINDS };

export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ClaimStatus = z.enum(CLAIM_STATUSES);


/** A verdict: a level of the project's scale, or a special outcome, and always a written conclusion. */
export const Verdict = z.strictObject({
  levelId: Id.nullable().default(null),
  special: SpecialOutcome.nullable().default(null),
  conclusion: LongText.default(''),
});
export type Verdict = z.infer<typeof Verdict>;

/** One entry of a claim's corrections log (IFCN: corrections with dates). */
export const Correction = z.strictObject({
  at: Timestamp,
  before: Verdict,
  after: Verdict,
  reason: LongText.min(1),
  /** Who recorded it (empty in logs written before analysts were recorded). */
  analyst: Line.default(''),
});

const annotationBase = {
  id: Id,
  anchor: Anchor,
  tagIds: z.array(Id).max(1_000).default([]),
  /** True when the words it covered are gone; the last known text stays in `anchor.quote`. */
  orphaned: z.boolean().default(false),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const Claim = z.strictObject({
  ...annotationBase,
  kind: z.literal('claim'),
  /** Stable short id (C1, C2, …), never changed or reused within a project. */
  shortId: z.string().regex(/^C[1-9][0-9]*$/),
  restatement: LongText.default(''),
  claimant: Line.default(''),
  /** Whether the claimant is a person or an organisation (ClaimReview's author of the claim is one or the other). */
  claimantKind: z.enum(CLAIMANT_KINDS).default('person'),
  appearance: z.strictObject({ url: UrlText.default(''), date: DateText.nullable().default(null) }).default({ url: '', date: null }),
  claimKind: z.enum(CLAIM_KINDS).default('other'),
  worthChecking: LongText.default(''),
  status: ClaimStatus.default('new'),
  verdict: Verdict.default({ levelId: null, special: null, conclusion: '' }),
  /** When the verdict was reached (set each time it changes; null without a verdict, and for verdicts older than this field). */
  verdictAt: Timestamp.nullable().default(null),
  analyst: Line.default(''),
  evidence: z.array(Evidence).max(10_000).default([]),
  corrections: z.array(Correction).max(10_000).default([]),
});
export type Claim = z.infer<typeof Claim>;

export const SourceMention = z.strictObject({
  ...annotationBase,
  kind: z.literal('sourceMention'),
  sourceId: Id.nullable().default(null),
});
export type SourceMention = z.infer<typeof SourceMention>;

export const Note = z.strictObject({
  ...annotationBase,
  kind: z.literal('note'),
  body: LongText.default(''),
});
export type Note = z.infer<typeof Note>;

export const Annotation = z.discriminatedUnion('kind', [Claim, SourceMention, Note]);
export type Annotation = z.infer<typeof Annotation>;
