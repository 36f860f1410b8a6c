/**
 * Revisions: every deliberate change of a document's text (an edit in edit mode, a damage repair,
 * reading again with another encoding, restoring the original) is kept as a record with its exact
 * before and after, so the text as imported — the source of record — is never lost and every
 * change can be reported. Records have stable ids and the log is append-only.
 */
import * as z from 'zod';
import { Id, Line, Timestamp } from './common.js';

/** Why a document's text changed. */
export const REVISION_REASONS = ['edit', 'repair', 'reencode', 'restore'] as const;
export const RevisionReason = z.enum(REVISION_REASONS);
export type RevisionReason = z.infer<typeof RevisionReason>;

/** What a text-changing send says about itself: why, (a repair) the damage warning it answers, and who made it. */
export const RevisionNote = z.strictObject({
  reason: RevisionReason,
  detail: Line.optional(),
  /** The analyst's name as entered on that machine; main's own default when absent. */
  analyst: Line.optional(),
});
export type RevisionNote = z.infer<typeof RevisionNote>;

const Fingerprint = z.string().regex(/^[0-9a-f]{64}$/);

/**
 * One change of a revision: the Unicode code points `[start, end)` of the previous text's
 * plain-text projection (shared/text.ts `contentToText`, what selectors count in), which held
 * `before`, now hold `after`.
 */
export const TextChange = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  before: z.string(),
  after: z.string(),
});
export type TextChange = z.infer<typeof TextChange>;

/**
 * A stored revision. `changes` are in ascending order, never overlap, and all count over the text
 * before this revision: applied together (shared/revisions.ts `applyChanges`) to that text they
 * give the text after it, whose fingerprint is `fingerprintAfter`.
 */
export const Revision = z.strictObject({
  id: Id,
  at: Timestamp,
  /** Who made the change ('' when the app knows no name). */
  analyst: Line.default(''),
  reason: RevisionReason,
  detail: Line.default(''),
  changes: z.array(TextChange).max(100_000),
  fingerprintBefore: Fingerprint,
  fingerprintAfter: Fingerprint,
});
export type Revision = z.infer<typeof Revision>;

/** The text as imported: its fingerprint and when it was taken. Its content is kept in its own file. */
export const OriginalText = z.strictObject({
  fingerprint: Fingerprint,
  at: Timestamp,
});
export type OriginalText = z.infer<typeof OriginalText>;
