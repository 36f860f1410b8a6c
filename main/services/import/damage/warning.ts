/** Building damage warnings: the span, its excerpt, and short quotes for messages. */
import type { DamageKind, DamageWarning } from '../../../../shared/model/index.js';

/** The longest excerpt a warning carries (the model's limit). */
const EXCERPT_MAX = 10_000;
/** Quotes in messages are cut to this many characters. */
const QUOTE_MAX = 60;

/** A warning on `text[start, end)`. */
export function warning(kind: DamageKind, text: string, start: number, end: number, message: string, repair: string | null = null): DamageWarning {
  return { kind, start, end, excerpt: cut(text.slice(start, end), EXCERPT_MAX), message, repair };
}

/** Text quoted for a message, shortened with an ellipsis when long: “…”. */
export function quote(text: string): string {
  return `“${cut(text, QUOTE_MAX, '…')}”`;
}

/** A character's code point written as U+XXXX. */
export function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Merges the positions of single characters into runs of adjacent ones: [start, end) pairs. */
export function runsOf(positions: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const position of positions) {
    const last = runs[runs.length - 1];
    if (last && last[1] === position) last[1] = position + 1;
    else runs.push([position, position + 1]);
  }
  return runs;
}

/** The word around `text[start, end)`: word characters (by default letters, marks, digits) on either side, up to 30 each. */
export function wordAround(text: string, start: number, end: number, wordChar = WORD_CHAR): { from: number; to: number } {
  let from = start;
  let to = end;
  while (from > 0 && start - from < 30 && wordChar.test(text[from - 1]!)) from--;
  while (to < text.length && to - end < 30 && wordChar.test(text[to]!)) to++;
  return { from, to };
}
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function cut(text: string, max: number, ellipsis = ''): string {
  if (text.length <= max) return text;
  let end = max;
  const unit = text.charCodeAt(end - 1);
  if (unit >= 0xd800 && unit <= 0xdbff) end--; // do not split a surrogate pair
  return text.slice(0, end) + ellipsis;
}
