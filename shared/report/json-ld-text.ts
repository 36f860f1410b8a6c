/**
 * JSON-LD as published: ClaimReview and W3C annotations end up inside a web page's
 * `<script type="application/ld+json">` block, where a quoted `</script>` would end the block and
 * run what follows, and U+2028/U+2029 end a line for older script parsers. Every `<`, `>`, `&`,
 * U+2028 and U+2029 is therefore written as its `\uXXXX` escape — the same JSON value for every
 * JSON and JSON-LD reader, inert in a page. Outside strings JSON has none of these characters.
 */

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

/** `value` as pretty-printed JSON with a trailing newline, safe to paste into a script block. */
export function jsonLdText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(UNSAFE_IN_SCRIPT, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}
