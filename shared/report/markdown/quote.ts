/**
 * A claim's or note's words quoted with their context, as a block quote: the context cut to whole
 * words (an ellipsis where the text goes on), the words themselves in bold, every character shown
 * exactly (escape.ts).
 */
import { CONTEXT_CODE_POINTS } from '../../anchoring/describe.js';
import { codePointLength } from '../../text.js';
import { escapeText, HARD_BREAK } from './escape.js';
import { lastChar, strong } from './strong.js';

/** The quote with its context as a block quote: `> prefix**exact**suffix`, every line prefixed. */
export function quoteBlock(prefix: string, exact: string, suffix: string): string {
  const before = escapeText(prefix, { lineBreak: HARD_BREAK, startsLine: true, endsLine: false });
  const words = escapeText(exact, { lineBreak: HARD_BREAK, startsLine: false, endsLine: false });
  const after = escapeText(suffix, { lineBreak: HARD_BREAK, startsLine: false, endsLine: true });
  const after0 = after === '' ? '' : after[0]!;
  const body = before + (exact === '' ? '' : strong(words, lastChar(before), after0)) + after;
  return body.split('\n').map((line) => `> ${line}`).join('\n');
}

const EDGE_BLANKS_START = /^[ \t]+/;
const EDGE_BLANKS_END = /[ \t]+$/;

/**
 * A quote's context cut to whole words. Stored context is a fixed number of code points, so the
 * text usually goes on beyond it, often mid-word: the cut piece is dropped, the blanks at the cut
 * too, and an ellipsis says the text continues — so the quote's line never starts or ends with a
 * blank, which Markdown would drop (or need written as `&#32;`). Context shorter than the fixed
 * length reaches the start or end of the text and is kept whole.
 */
export function wholeWordContext(prefix: string, suffix: string): { prefix: string; suffix: string } {
  let shownPrefix = prefix;
  if (codePointLength(prefix) >= CONTEXT_CODE_POINTS) {
    const from = /^\s/.test(prefix) ? 0 : prefix.search(/\s/);
    const words = from < 0 ? '' : prefix.slice(from).replace(EDGE_BLANKS_START, '');
    shownPrefix = words.startsWith('\n') ? `…${words}` : `… ${words}`;
  }
  let shownSuffix = suffix;
  if (codePointLength(suffix) >= CONTEXT_CODE_POINTS) {
    const to = /\s$/.test(suffix) ? suffix.length : suffix.search(/\s\S*$/);
    const words = to < 0 ? '' : suffix.slice(0, to).replace(EDGE_BLANKS_END, '');
    shownSuffix = words.endsWith('\n') ? `${words}…` : `${words} …`;
  }
  return { prefix: shownPrefix, suffix: shownSuffix };
}
