/**
 * Where the app may go: its windows stay on the app's own pages, and links leave only for the
 * user's browser, only with a harmless scheme. Both decisions parse with `new URL` and refuse
 * (rather than repair) anything with whitespace, control characters or backslashes, because
 * parsers strip those silently (`java\tscript:` parses as `javascript:`).
 */
import { hasUnsafeUrlCharacter, isAppUrl } from './app-origin.js';

/** Schemes a link may open in the user's browser or mail program. */
const EXTERNAL_SCHEMES: ReadonlySet<string> = new Set(['https:', 'http:', 'mailto:']);

/** The longest link we hand to the operating system (the contract allows the same). */
const MAX_EXTERNAL_URL_LENGTH = 4_096;

/** True when a window may navigate to `url`: only pages of the app's own origin. */
export function isAllowedNavigation(url: unknown, appOrigin: string): boolean {
  return isAppUrl(url, appOrigin);
}

/**
 * The normalised href to open in the user's browser, or null when `url` must not be opened.
 * Allows `https:`, `http:` and `mailto:` only; refuses credentials in http(s) URLs (`user:pass@`
 * hides the real host from the reader), URLs without a host, and any URL that is not already
 * clean text. Internationalised host names come back in their punycode (`xn--`) form, which is
 * what the browser will show.
 */
export function isSafeExternalUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  if (hasUnsafeUrlCharacter(url)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.protocol === 'mailto:') return parsed.pathname.length > 0 ? parsed.href : null;
  if (parsed.username !== '' || parsed.password !== '' || parsed.hostname === '') return null;
  return parsed.href;
}
