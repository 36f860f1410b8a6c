/** Small schemas every model file uses: identifiers, timestamps, bounded strings. */
import * as z from 'zod';

/** An opaque identifier made by the main process (a UUID or a short stable id). */
export const Id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, 'an id uses letters, digits, "-" and "_" only');
export type Id = z.infer<typeof Id>;

/** An ISO-8601 timestamp such as `2026-11-27T17:29:22.000Z`. */
export const Timestamp = z.iso.datetime({ offset: true });

/** A calendar date `YYYY-MM-DD`, or a full timestamp, as analysts record publication dates. */
export const DateText = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A one-line text such as a title or a name: bounded so a hostile file cannot balloon memory. */
export const Line = z.string().max(2_000);

/** A free text such as a conclusion or a note (Markdown allowed). */
export const LongText = z.string().max(200_000);

/** A CSS colour as `#rrggbb`. */
export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is written #rrggbb');

/** A web address kept as data (never fetched); checked for scheme only where it is opened. */
export const UrlText = z.string().max(4_000);
