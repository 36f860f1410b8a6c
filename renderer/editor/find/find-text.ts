/**
 * What a find query means as a pattern over plain text. Case-insensitive matching is a RegExp with
 * the `i` and `u` flags (Unicode simple case folding, one character for one character) instead of
 * lowercasing the text, because lowercasing can change its length ("İ" becomes two UTF-16 units)
 * and every offset after such a character would be off.
 */

/** How a query matches. */
export interface FindOptions {
  /** Upper and lower case must agree (off: "iraq" finds "Iraq" and "IRAQ"). */
  matchCase: boolean;
  /** Only occurrences that are not part of a longer word (letters, combining marks, digits, `_`). */
  wholeWord: boolean;
}

/** The options a new search starts with. */
export const DEFAULT_FIND_OPTIONS: Readonly<FindOptions> = Object.freeze({ matchCase: false, wholeWord: false });

/** Characters with a meaning in a `u`-mode pattern; any other escape is a syntax error there. */
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** A letter, combining mark (Arabic harakat), digit or connector in any script. */
const WORD = '[\\p{L}\\p{M}\\p{N}\\p{Pc}]';

/**
 * The global pattern that finds `query` literally (no character in it is special). Matches are read
 * from the text itself (`index` and the matched length), so their offsets are exact whatever case
 * folding matched.
 */
export function queryPattern(query: string, options: FindOptions): RegExp {
  let source = query.replace(SYNTAX, '\\$&');
  if (options.wholeWord) source = `(?<!${WORD})${source}(?!${WORD})`;
  return new RegExp(source, options.matchCase ? 'gu' : 'giu');
}

/** Whether two sets of options search alike. */
export function sameOptions(a: FindOptions, b: FindOptions): boolean {
  return a.matchCase === b.matchCase && a.wholeWord === b.wholeWord;
}
