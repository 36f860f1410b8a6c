/**
 * Bold text that stays bold whatever surrounds it. CommonMark opens `**` only when it is
 * left-flanking and closes it only when right-flanking (e.g. `word**"quote"**` is not bold), so
 * where the delimiters would not flank — or the text starts or ends with a blank — this writes
 * `<strong>…</strong>`, which GitHub, VS Code, Obsidian and pandoc all render.
 */

const BLANK = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;

const isBlank = (char: string): boolean => char === '' || BLANK.test(char);
const isPunctuation = (char: string): boolean => PUNCTUATION.test(char);

/** Whether a `**` run between `before` and `after` ('' for a line edge) can open (`opens`) or close emphasis. */
function flanks(before: string, after: string, opens: boolean): boolean {
  const [inside, outside] = opens ? [after, before] : [before, after];
  if (isBlank(inside)) return false;
  return !isPunctuation(inside) || isBlank(outside) || isPunctuation(outside);
}

/** The last character of a string (a whole astral character), or '' for none. */
export function lastChar(text: string): string {
  const code = text.codePointAt(text.length - 1);
  if (code === undefined) return '';
  return text.length >= 2 && code >= 0xdc00 && code <= 0xdfff ? (String.fromCodePoint(text.codePointAt(text.length - 2)!)) : String.fromCodePoint(code);
}

/** The first character of a string (a whole astral character), or '' for none. */
export function firstChar(text: string): string {
  const code = text.codePointAt(0);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/**
 * Wraps already-escaped Markdown in strong emphasis, given the Markdown characters just before
 * and just after it ('' at a line edge).
 */
export function strong(escaped: string, before: string, after: string): string {
  const opens = flanks(before, firstChar(escaped), true);
  const closes = flanks(lastChar(escaped), after, false);
  return opens && closes ? `**${escaped}**` : `<strong>${escaped}</strong>`;
}

/**
 * Whether a delimiter run of `char` between `before` and `after` ('' for a line edge) can open
 * (`opens`) or close emphasis, by CommonMark's flanking rules (`_` is stricter inside words).
 */
export function delimits(char: '*' | '_', before: string, after: string, opens: boolean): boolean {
  const left = flanks(before, after, true);
  const right = flanks(before, after, false);
  if (char === '*') return opens ? left : right;
  return opens ? left && (!right || isPunctuation(before)) : right && (!left || isPunctuation(after));
}
