/**
 * Foreign encodings shown as Latin-1: bytes of Chinese, Japanese, Korean or Cyrillic text that a
 * page or scraper read as Latin-1 or Windows-1252 (`°®Âþµº`, which is GBK for 爱漫岛). Unlike
 * mojibake of UTF-8 the original encoding cannot be known for sure, so there is no repair: the
 * warning says what the characters probably were, because the original (often a name) is lost.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { decodeStrict } from '../decode/strict.js';
import { toSingleBytes } from './cp1252.js';
import { quote, warning } from './warning.js';

/** Runs shorter than this are left alone: too little to tell garbage from accented text. */
const MIN_RUN = 3;
/** European words never hold this many non-ASCII letters in a row; an all-letter run this long is suspect. */
const MIN_LETTER_RUN = 5;
/** Runs of Latin-1 supplement characters, without the no-break space French typography puts beside accented letters. */
const RUN = new RegExp(`[\\u00a1-\\u00ff]{${MIN_RUN},}`, 'g');

/** An encoding a run may be in, with the characters a real text in it decodes to. */
interface Candidate {
  encoding: string;
  name: string;
  script: RegExp;
}

/** The CJK encodings tried, most common first. */
const CJK: readonly Candidate[] = [
  { encoding: 'gbk', name: 'GBK (Chinese)', script: /^[\u4e00-\u9fff]+$/ },
  { encoding: 'big5', name: 'Big5 (traditional Chinese)', script: /^[\u4e00-\u9fff]+$/ },
  { encoding: 'euc-kr', name: 'EUC-KR (Korean)', script: /^[\uac00-\ud7a3\u4e00-\u9fff]+$/ },
  // Not half-width katakana: Shift_JIS reads most single Latin-1 bytes as those.
  { encoding: 'shift_jis', name: 'Shift_JIS (Japanese)', script: /^[\u3040-\u30ff\u4e00-\u9fff]+$/ },
];
/** Windows-1251 reads every byte from 0xC0 as a Cyrillic letter: ask for a word's shape too. */
const CYRILLIC: Candidate = { encoding: 'windows-1251', name: 'Windows-1251 (Cyrillic)', script: /^(?:[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+)$/ };

/** Latin-1 letters that are symbols in all but name (ordinal indicators, micro sign). */
const SYMBOL_LETTERS = new Set(['ª', 'º', 'µ']);

/** Warnings for runs of Latin-1 characters that are probably another encoding's bytes. */
export function findForeignEncoding(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  for (const match of text.matchAll(RUN)) {
    const run = match[0];
    const shape = shapeOf(run);
    if (shape === 'latin' || shape === 'symbols') continue;
    const bytes = toSingleBytes(run);
    if (!bytes || decodeStrict('utf-8', bytes) !== null) continue; // valid UTF-8 is mojibake's case
    // A long run of letters in one case pattern is a word: Cyrillic's case letters map onto Latin-1's.
    const found = readAs(bytes, shape === 'word' ? [CYRILLIC, ...CJK] : [...CJK, CYRILLIC]);
    if (found) warnings.push(warning('foreignEncoding', text, match.index, match.index + run.length, message(run, found.name, found.text)));
  }
  return warnings;
}

/**
 * What a run looks like: `symbols` only (°±², tables and units), a `latin` word's part (letters in
 * one case pattern, shorter than {@link MIN_LETTER_RUN}), a longer `word` (Cyrillic shown as
 * Latin-1 looks like this: `Ïðèâåò`), or `mixed` letters and symbols, as CJK bytes look (`°®Âþµº`).
 */
function shapeOf(run: string): 'symbols' | 'latin' | 'word' | 'mixed' {
  const chars = [...run];
  const symbols = chars.filter((c) => SYMBOL_LETTERS.has(c) || !/\p{L}/u.test(c)).length;
  if (symbols === chars.length) return 'symbols';
  if (symbols > 0 || !/^(?:\p{Lu}?\p{Ll}+|\p{Lu}+)$/u.test(run)) return 'mixed';
  return chars.length < MIN_LETTER_RUN ? 'latin' : 'word';
}

function readAs(bytes: Uint8Array, candidates: readonly Candidate[]): { name: string; text: string } | null {
  for (const candidate of candidates) {
    const text = decodeStrict(candidate.encoding, bytes);
    if (text !== null && candidate.script.test(text)) return { name: candidate.name, text };
  }
  return null;
}

function message(run: string, encodingName: string, decoded: string): string {
  return (
    `${quote(run)} is probably ${encodingName} text shown as Latin-1: read as ${encodingName.split(' ')[0]} it says ${quote(decoded)}. ` +
    'The original words here (often a name, such as the outlet quoted) are likely lost: check the source before relying on this passage.'
  );
}
