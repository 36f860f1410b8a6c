/**
 * Evidence: a link from a claim to a source, with a stance and an Admiralty information-credibility
 * grade (1 confirmed … 5 improbable, 6 cannot be judged), judged apart from the source's reliability.
 */
import * as z from 'zod';
import { Id, LongText, Timestamp } from './common.js';
import { Anchor } from './selectors.js';
import { CREDIBILITY_GRADES, STANCES } from './vocabulary.js';

export { CREDIBILITY_GRADES, STANCES };

export const Stance = z.enum(STANCES);

export const Credibility = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)]);

export const Evidence = z.strictObject({
  id: Id,
  sourceId: Id,
  stance: Stance,
  excerpt: LongText.default(''),
  credibility: Credibility.default(6),
  /** Optionally a span of another document of the project (the original statement, a transcript). */
  documentSpan: z.strictObject({ documentId: Id, anchor: Anchor }).nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Evidence = z.infer<typeof Evidence>;
