/**
 * Mojibake: UTF-8 text that was read as Windows-1252 or Latin-1, so that every byte of a
 * multi-byte character became a character of its own (`CafÃ©` for “Café”, `â€œ` for “, `Ã¼`
 * for ü). Found by reading characters back as the bytes they stand for and looking for valid
 * multi-byte UTF-8 sequences that decode to characters real text uses.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { decodeStrict } from '../decode/strict.js';
import { highByteOf, toSingleBytes } from './cp1252.js';
import { visibleRepair } from './repair.js';
import { quote, warning, wordAround } from './warning.js';

/** One UTF-8 sequence spelled in Windows-1252 characters: where it is and the code point it decodes to. */
interface Sequence {
  start: number;
  end: number;
  codePoint: number;
}

/**
 * Code points that mojibake decodes to in practice. A sequence that decodes elsewhere (IPA,
 * N'Ko, private use…) is more likely ordinary text, such as `ß“` in German quotes (U+07D3).
 */
const PLAUSIBLE: readonly [number, number][] = [
  [0x00a0, 0x024f], // Latin-1 supplement, Latin Extended-A and -B
  [0x0370, 0x052f], // Greek, Cyrillic
  [0x0590, 0x06ff], // Hebrew, Arabic
  [0x0e00, 0x0e7f], // Thai
  [0x1e00, 0x1eff], // Latin Extended Additional (Vietnamese)
  [0x2000, 0x2bff], // punctuation, currency, letterlike symbols, arrows, dingbats
  [0x3000, 0x9fff], // CJK punctuation, kana, CJK ideographs
  [0xac00, 0xd7a3], // Hangul
  [0xfeff, 0xfeff], // byte-order mark (`ï»¿`)
  [0xff00, 0xffef], // full-width forms
  [0x1f000, 0x1faff], // emoji
  [0x20000, 0x2fa1f], // CJK ideographs, extensions
];
/**
 * A lone sequence (one original character) is flagged only when it decodes to one of these:
 * accented Latin letters and common punctuation, what mojibake of European text looks like.
 * Two characters side by side decode to something else by chance (`é…”` to a CJK ideograph).
 */
const PLAUSIBLE_ALONE: readonly [number, number][] = [
  [0x00a0, 0x017f],
  [0x2000, 0x2bff],
  [0xfeff, 0xfeff],
  [0x1f000, 0x1faff],
];
/**
 * Closing punctuation that ends words in ordinary text. A lone 2-byte sequence made of a capital
 * at the end of a word plus one of these (`IRMÃ»`, all-caps Portuguese before a guillemet) is
 * left alone: it is as likely to be text as mojibake.
 */
const CLOSING = new Set(['»', '”', '’', '…', '–', '—']);

/** Warnings for UTF-8 read as Windows-1252/Latin-1, with the repair when it is certain. */
export function findMojibake(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  let group: Sequence[] = [];
  const flush = (): void => {
    if (group.length > 0 && acceptable(text, group)) warnings.push(mojibakeWarning(text, group[0]!.start, group[group.length - 1]!.end));
    group = [];
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xc2 || code > 0xf4) continue; // only Â…ô can stand for a lead byte
    const sequence = utf8SequenceAt(text, i);
    if (!sequence) continue;
    const last = group[group.length - 1];
    if (last && !sameWord(text, last, sequence)) flush();
    group.push(sequence);
    i = sequence.end - 1;
  }
  flush();
  return warnings;
}

/** The valid UTF-8 sequence spelled by the characters at `i`, if it decodes to a plausible code point. */
export function utf8SequenceAt(text: string, i: number): Sequence | null {
  const lead = highByteOf(text.charCodeAt(i));
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return null;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  let codePoint = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const byte = highByteOf(text.charCodeAt(i + k));
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return null;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  const overlong = (length === 3 && codePoint < 0x800) || (length === 4 && codePoint < 0x10000);
  const surrogate = codePoint >= 0xd800 && codePoint <= 0xdfff;
  if (overlong || surrogate || codePoint > 0x10ffff || !inRanges(codePoint, PLAUSIBLE)) return null;
  return { start: i, end: i + length, codePoint };
}

/** Sequences side by side, or letters of one word with ASCII letters between (`Ã©tÃ©` for “été”), are one damage. */
function sameWord(text: string, last: Sequence, next: Sequence): boolean {
  if (last.end === next.start) return true;
  const letters = LETTER.test(String.fromCodePoint(last.codePoint)) && LETTER.test(String.fromCodePoint(next.codePoint));
  return letters && /^[A-Za-z0-9]+$/.test(text.slice(last.end, next.start));
}
const LETTER = /^\p{L}$/u;

function acceptable(text: string, group: readonly Sequence[]): boolean {
  if (group.length > 1) return true;
  const only = group[0]!;
  if (!inRanges(only.codePoint, PLAUSIBLE_ALONE)) return false;
  const wordEnding = only.end - only.start === 2 && CLOSING.has(text[only.start + 1]!) && /\p{Lu}/u.test(text[only.start - 1] ?? '');
  return !wordEnding;
}

function mojibakeWarning(text: string, start: number, end: number): DamageWarning {
  const decoded = decodeRepeatedly(text.slice(start, end));
  const repair = decoded !== null && !/[\p{Cc}\p{Cn}\p{Co}]/u.test(decoded) ? decoded : null;
  // The reading quoted is what the check will offer: hidden characters (`â€®`, U+202E) left out (./repair.ts).
  const visible = repair === null ? null : visibleRepair(text, start, end, repair).repair;
  const { from, to } = wordAround(text, start, end, /[A-Za-z0-9]/); // ASCII: neighbouring mojibake is not context
  const word = text.slice(from, to);
  const read = visible === null ? '' : text.slice(from, start) + visible + text.slice(end, to);
  const reading = visible === null ? '; the original characters cannot be restored with certainty' : read === '' ? '' : `; it probably reads ${quote(read)}`;
  return warning('mojibake', text, start, end, `${quote(word)} looks like UTF-8 text read as Windows-1252${reading}.`, repair);
}

/**
 * The UTF-8 text that `damaged` spells in Windows-1252 characters, decoded again while the result
 * is itself such a spelling (text mis-read twice: `Ã¢â‚¬â„¢` → `â€™` → `’`), or null.
 */
function decodeRepeatedly(damaged: string): string | null {
  let decoded: string | null = null;
  for (let round = 0, current = damaged; round < MAX_ROUNDS; round++) {
    const bytes = toSingleBytes(current);
    const next = bytes ? decodeStrict('utf-8', bytes) : null;
    if (next === null || next === current) break;
    decoded = current = next;
  }
  return decoded;
}
/** Text mis-read more than this many times in a row is not undone further. */
const MAX_ROUNDS = 3;

function inRanges(code: number, ranges: readonly [number, number][]): boolean {
  return ranges.some(([low, high]) => code >= low && code <= high);
}
