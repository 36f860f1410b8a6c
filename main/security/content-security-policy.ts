/**
 * The Content-Security-Policy of every page of the app. The app:// protocol and the browser host
 * send it as a response header, and renderer/index.html carries the same string in its
 * `<meta http-equiv>` (a unit test checks that they agree). Scripts, styles, fonts and fetches
 * come from the bundle only; images also from `data:` (imported documents embed their images);
 * nothing may be framed, posted, based elsewhere, or evaluated from strings.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
