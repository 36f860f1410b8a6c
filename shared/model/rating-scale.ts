/**
 * Rating scales: the verdict vocabulary a team chooses (PolitiFact-style truth scale, AFP/Meta
 * labels, or conclusion only as Full Fact works). Special outcomes exist on every scale.
 */
import * as z from 'zod';
import { Colour, Id, Line, LongText } from './common.js';
import { SPECIAL_LABELS, SPECIAL_OUTCOMES } from './vocabulary.js';

export { SPECIAL_LABELS, SPECIAL_OUTCOMES };

/** One verdict level of a scale, with an optional ordinal value for export (ClaimReview ratingValue). */
export const RatingLevel = z.strictObject({
  id: Id,
  label: Line.min(1),
  description: LongText.default(''),
  colour: Colour,
  value: z.number().finite().nullable().default(null),
});
export type RatingLevel = z.infer<typeof RatingLevel>;

/** A rating scale; `conclusionOnly` scales have no levels and rely on the written conclusion. */
export const RatingScale = z.strictObject({
  id: Id,
  name: Line.min(1),
  conclusionOnly: z.boolean().default(false),
  levels: z.array(RatingLevel).max(100),
});
export type RatingScale = z.infer<typeof RatingScale>;

export const SpecialOutcome = z.enum(SPECIAL_OUTCOMES);
export type SpecialOutcome = z.infer<typeof SpecialOutcome>;
