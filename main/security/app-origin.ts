/**
 * Where the app's own pages live. The renderer is served from the privileged custom scheme
 * `app://factmark/` (never `file://`), and every security decision that asks "is this ours?"
 * compares against these names through {@link isAppUrl}.
 */

/** The custom scheme that serves the renderer bundle. */
export const APP_SCHEME = 'app';

/** The one host of that scheme. */
const APP_HOST = 'factmark';

/** The app's origin, as Electron reports it for its pages and frames. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The page every window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whitespace (ASCII and Unicode), C0/C1 controls, DEL, invisible format characters (soft hyphen,
 * zero-width and bidirectional controls) and backslashes: never part of a URL we accept.
 */
const UNSAFE_URL_CHARACTER = /[\s\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\\]/u;

/** True when `url` contains a character that URL parsers would silently strip or reinterpret. */
export function hasUnsafeUrlCharacter(url: string): boolean {
  return UNSAFE_URL_CHARACTER.test(url);
}

/**
 * True when `url` is a page of `appOrigin` (e.g. `app://factmark/…`), compared on the raw string
 * first and on the parsed URL second, so `app://factmark.evil/`, `app://factmark@evil/`,
 * `app://factmark:1/`, `APP://factmark/` and URLs with whitespace or controls are all refused
 * rather than normalised into something that looks like ours.
 */
export function isAppUrl(url: unknown, appOrigin: string): boolean {
  if (typeof url !== 'string' || !url.startsWith(`${appOrigin}/`) || hasUnsafeUrlCharacter(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return `${parsed.protocol}//${parsed.host}` === appOrigin && parsed.username === '' && parsed.password === '';
}
