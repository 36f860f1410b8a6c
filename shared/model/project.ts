/**
 * The project: one investigation — its documents (listed here, stored apart), codebook, rating
 * scales, source library and counters. Stored as `project.json` in a `<name>.factmark` folder.
 */
import * as z from 'zod';
import { Id, Line, Timestamp, UrlText } from './common.js';
import { DocumentSummary } from './document.js';
import { RatingScale } from './rating-scale.js';
import { Source } from './source.js';
import { Tag } from './tag.js';
import { PROJECT_FORMAT, SCHEMA_VERSION } from './versions.js';

export const StoredProject = z.strictObject({
  format: z.literal(PROJECT_FORMAT),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  name: Line.min(1),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  documents: z.array(DocumentSummary).max(10_000).default([]),
  tags: z.array(Tag).max(10_000).default([]),
  ratingScales: z.array(RatingScale).max(100).default([]),
  activeRatingScaleId: Id.nullable().default(null),
  sources: z.array(Source).max(100_000).default([]),
  /** Where the report is published ('' until named): ClaimReview's `url` is this address with each claim's anchor (`#c3`). */
  reportUrl: UrlText.default(''),
  /** The highest claim number ever issued, so short ids (C1, C2, …) are never reused. */
  lastClaimNumber: z.number().int().nonnegative().default(0),
});
export type StoredProject = z.infer<typeof StoredProject>;
