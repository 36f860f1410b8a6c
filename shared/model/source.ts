/**
 * Sources of the project's library. Fields follow CSL-JSON (what Zotero reads and writes) so the
 * library moves between tools; grading follows the Admiralty system (reliability A–F).
 */
import * as z from 'zod';
import { DateText, Id, Line, LongText, Timestamp, UrlText } from './common.js';
import { RELIABILITY_GRADES, SOURCE_TYPES } from './vocabulary.js';

export { RELIABILITY_GRADES, SOURCE_TYPES };


export const Reliability = z.enum(RELIABILITY_GRADES);
export type Reliability = z.infer<typeof Reliability>;

/** A person or organisation credited as author, in CSL-JSON's shape. */
export const Author = z.union([
  z.strictObject({ family: Line, given: Line.optional() }),
  z.strictObject({ literal: Line }),
]);

export const Source = z.strictObject({
  id: Id,
  type: z.enum(SOURCE_TYPES),
  title: Line,
  authors: z.array(Author).max(200).default([]),
  publisher: Line.default(''),
  published: DateText.nullable().default(null),
  accessed: DateText.nullable().default(null),
  url: UrlText.default(''),
  archiveUrl: UrlText.default(''),
  language: Line.default(''),
  notes: LongText.default(''),
  reliability: Reliability.default('F'),
  /** Keep the source's identity out of published reports (IFCN: personal security). */
  withhold: z.boolean().default(false),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Source = z.infer<typeof Source>;
