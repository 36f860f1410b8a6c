/**
 * The plain text of another document as the evidence form shows it (its lines, each with where it
 * starts), and the anchor of a choice of words in it, counted exactly as the store counts anchors.
 */
import { describeRange } from '../../../../shared/anchoring/index.js';
import { findQuote } from '../../../../shared/check/find-quote.js';
import type { Anchor } from '../../../../shared/model/selectors.js';

/** One line of the plain-text projection and its start, in UTF-16 units of the whole text. */
export interface SpanLine {
  start: number;
  text: string;
}

/** The lines of a plain text (blocks and hard breaks alike), each with its offset. */
export function linesOf(text: string): SpanLine[] {
  const lines: SpanLine[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    lines.push({ start, text: line });
    start += line.length + 1;
  }
  return lines;
}

/** The anchor of `[start, end)` of `text`, or null when nothing (or only blanks) is chosen. */
export function spanAnchor(text: string, start: number, end: number): Anchor | null {
  const anchor = describeRange(text, start, end);
  return anchor.quote.exact.trim() === '' ? null : anchor;
}

/**
 * The anchor of typed `words` in `text` (exactly, else approximately: shared/check/find-quote), or
 * why there is none: not there, or in several places (then the analyst selects the right one).
 */
export function findSpan(text: string, words: string): { anchor: Anchor } | { problem: string } {
  const match = findQuote(text, words);
  if (match.status === 'ambiguous') return { problem: `These words occur ${match.count} times: select the right place in the text above.` };
  const anchor = match.status === 'missing' ? null : spanAnchor(text, match.start, match.end);
  return anchor ? { anchor } : { problem: 'These words are not in the text: copy them exactly, or select them above.' };
}
