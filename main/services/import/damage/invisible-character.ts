/**
 * Invisible characters that can hide inside words: zero-width space, non-joiner and joiner, word
 * joiner, invisible operators, the Mongolian vowel separator, U+FEFF anywhere in the text (the
 * decoder already removed a leading byte-order mark), and soft hyphens. They split words so that a
 * search or a quote no longer matches, or join what looks separate.
 *
 * Decisions — legitimate uses are not flagged:
 * - a zero-width non-joiner or joiner between two letters of a script that shapes with them
 *   (Persian `می‌خواهم`, Arabic, the Indic scripts);
 * - a zero-width joiner inside an emoji sequence (👩‍💻: pictograph, optional modifier or VS16, ZWJ, pictograph);
 * - a soft hyphen between two letters: it is a hyphenation hint (common in German and Dutch pages)
 *   and shows only at a line end. A soft hyphen elsewhere is flagged.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { codePointName, runsOf, warning } from './warning.js';

/** The characters this detector looks at, with the name a message uses. */
export const INVISIBLE_CHARACTER_NAMES: Record<string, string> = {
  '\u00ad': 'soft hyphen',
  '\u180e': 'Mongolian vowel separator',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\u2061': 'invisible function application',
  '\u2062': 'invisible times',
  '\u2063': 'invisible separator',
  '\u2064': 'invisible plus',
  '\ufeff': 'zero-width no-break space (byte-order mark)',
};
const INVISIBLE = /[\u00ad\u180e\u200b-\u200d\u2060-\u2064\ufeff]/g;

/** Letters and marks of scripts that use ZWNJ and ZWJ to control joining and conjuncts. */
const JOINING_SCRIPT =
  /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]$/u;
const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
/** What may stand between a pictograph and a ZWJ: a skin-tone modifier or the emoji variation selector. */
const EMOJI_TRAILER = /^[\p{Emoji_Modifier}\uFE0F]$/u;

/** One warning per run of invisible characters that are not used legitimately. */
export function findInvisibleCharacters(text: string): DamageWarning[] {
  const positions: number[] = [];
  for (const match of text.matchAll(INVISIBLE)) if (!isLegitimateInvisible(text, match.index)) positions.push(match.index);
  return runsOf(positions).map(([start, end]) => {
    const names = [...new Set(text.slice(start, end))].map((c) => `${INVISIBLE_CHARACTER_NAMES[c]} (${codePointName(c)})`).join(', ');
    const what = end - start === 1 ? `An invisible ${names} is` : `${end - start} invisible characters (${names}) are`;
    return warning('invisibleCharacter', text, start, end, `${what} hidden here: it can split or join words, so that searches and quotes no longer match the visible text.`);
  });
}

/** Whether the invisible character at UTF-16 offset `i` is used legitimately there (the decisions above), so it is not flagged. */
export function isLegitimateInvisible(text: string, i: number): boolean {
  const char = text[i]!;
  const before = codePointBefore(text, i);
  const after = String.fromCodePoint(text.codePointAt(i + 1) ?? 0);
  const joiner = char === '\u200c' || char === '\u200d';
  if (joiner && JOINING_SCRIPT.test(before) && JOINING_SCRIPT.test(after) && LETTER_OR_MARK.test(before) && LETTER_OR_MARK.test(after)) return true;
  if (char === '\u200d' && PICTOGRAPH.test(after) && (PICTOGRAPH.test(before) || (EMOJI_TRAILER.test(before) && PICTOGRAPH.test(codePointBefore(text, i - before.length))))) return true;
  return char === '\u00ad' && /^\p{L}$/u.test(before) && /^\p{L}$/u.test(after);
}

/** The code point that ends just before UTF-16 offset `i` ('' at the start). */
function codePointBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  const high = text.charCodeAt(i - 2);
  const pair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  const start = pair ? i - 2 : i - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? 0);
}
