/**
 * Text damage: places where a document's text cannot be trusted as received — mojibake, markup
 * left by a scraper, invisible or direction-changing characters, duplicated or spliced passages.
 * Found on import and on demand, shown on the exact span, and carried into reports.
 */
import * as z from 'zod';
import { LongText } from './common.js';

export const DAMAGE_KINDS = [
  /** UTF-8 read as Windows-1252/Latin-1 (`CafÃ©`, `â€œ`). */
  'mojibake',
  /** Bytes of another encoding (e.g. GBK) shown as Latin-1 (`°®Âþµº`): the original is likely lost. */
  'foreignEncoding',
  /** Remains of HTML: attribute or tag fragments, literal entities, `<br>`. */
  'markupResidue',
  /** U+FFFD: a character that could not be decoded. */
  'replacementCharacter',
  /** C0/C1 control characters inside text. */
  'controlCharacter',
  /** Zero-width and other invisible characters that can hide or join words. */
  'invisibleCharacter',
  /** Bidirectional overrides and isolates, a known way to disguise text. */
  'bidiControl',
  /** A paragraph or sentence that appears twice. */
  'duplicate',
  /** Two sentences spliced where something was cut out. */
  'splice',
] as const;
export type DamageKind = (typeof DAMAGE_KINDS)[number];

export const DamageWarning = z.strictObject({
  kind: z.enum(DAMAGE_KINDS),
  /** Start and end in UTF-16 units of the document's plain-text projection (shared/text.ts). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The damaged text as found. */
  excerpt: z.string().max(10_000),
  /** What is wrong, in words an analyst understands. */
  message: LongText,
  /** The replacement text when a repair is certain (mojibake, entities); null otherwise. */
  repair: z.string().max(10_000).nullable().default(null),
});
export type DamageWarning = z.infer<typeof DamageWarning>;

/** Short names of the kinds of damage, as the document panel, the annotation cards and the reports show them. */
export const DAMAGE_LABELS: Record<DamageKind, string> = {
  mojibake: 'Garbled characters',
  foreignEncoding: 'Text in another encoding',
  markupResidue: 'Leftover web markup',
  replacementCharacter: 'Undecodable character',
  controlCharacter: 'Control character',
  invisibleCharacter: 'Invisible character',
  bidiControl: 'Direction override',
  duplicate: 'Repeated passage',
  splice: 'Spliced sentences',
};
