/**
 * W3C Web Annotation selectors kept beside every annotation, so it can be found again when the
 * text changes outside the editor. Offsets count Unicode code points of the plain-text projection.
 */
import * as z from 'zod';

export const TextQuoteSelector = z.strictObject({
  exact: z.string().max(1_000_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>;

export const TextPositionSelector = z
  .strictObject({
    start: z.number().int().nonnegative(),
    end: z.number().int().nonnegative(),
  })
  .refine((p) => p.end >= p.start, 'a position ends at or after its start');
export type TextPositionSelector = z.infer<typeof TextPositionSelector>;

/** Both selectors together: where the annotation is, and what it said. */
export const Anchor = z.strictObject({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
});
export type Anchor = z.infer<typeof Anchor>;
