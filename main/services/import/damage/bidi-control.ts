/**
 * Bidirectional controls: characters that change the order in which text is displayed, a known
 * way to disguise text (a file name `invoice‮fdp.exe` shown as `invoiceexe.pdf`). Decisions:
 * - an override (LRO U+202D, RLO U+202E) is always flagged: it makes the text display differently
 *   from how it reads;
 * - embeddings (U+202A, U+202B) and isolates (U+2066–U+2068) are how mixed Arabic/Hebrew and Latin
 *   text is written correctly: flagged only when not closed within the paragraph (their effect
 *   leaks into the rest of the line), and a closer (PDF U+202C, PDI U+2069) with nothing to close.
 *   What closes what is the Unicode Bidirectional Algorithm's (rules X6a, X7, X8): a PDI closes the
 *   innermost open isolate and every embedding opened inside it; a PDF closes the innermost
 *   embedding or override only when no isolate was opened after it (inside an isolate it closes
 *   nothing); and a paragraph ends at every paragraph separator the algorithm knows (line feed,
 *   carriage return, U+001C–U+001E, NEL U+0085, U+2029), closing everything still open;
 * - the marks LRM U+200E, RLM U+200F and ALM U+061C are normal in mixed-direction text: flagged
 *   only inside a word or a number (between two letters of one script, or two digits), where they
 *   change nothing visible but split the word for search and matching.
 */
import type { DamageWarning } from '../../../../shared/model/index.js';
import { codePointName, quote, warning, wordAround } from './warning.js';

/** The name of each bidirectional control, as messages use it. */
export const BIDI_CONTROL_NAMES: Record<string, string> = {
  '\u202a': 'left-to-right embedding',
  '\u202b': 'right-to-left embedding',
  '\u202c': 'pop directional formatting',
  '\u202d': 'left-to-right override',
  '\u202e': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first-strong isolate',
  '\u2069': 'pop directional isolate',
  '\u200e': 'left-to-right mark',
  '\u200f': 'right-to-left mark',
  '\u061c': 'Arabic letter mark',
};
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\n\r\u001c-\u001e\u0085\u2029]/g;
/** Paragraph separators (bidirectional class B): each ends a paragraph, and what was open in it. */
const PARAGRAPH_END = '\n\r\u001c\u001d\u001e\u0085\u2029';
const OVERRIDES = '\u202d\u202e';
/** Openers closed by PDF (U+202C) and by PDI (U+2069). */
const CLOSED_BY_PDF = '\u202a\u202b\u202d\u202e';
const ISOLATES = '\u2066\u2067\u2068';
/** Letters of one script, or digits, on both sides of a mark: the mark sits inside a word or number. */
const SAME_KIND = [/^\p{Script=Latin}$/u, /^\p{Script=Arabic}$/u, /^\p{Script=Hebrew}$/u, /^\p{Script=Cyrillic}$/u, /^\p{Script=Greek}$/u, /^\p{Nd}$/u];

/** Warnings for overrides, unbalanced embeddings and isolates, and direction marks inside words. */
export function findBidiControls(text: string): DamageWarning[] {
  const warnings: DamageWarning[] = [];
  const flag = (i: number, message: string): void => {
    const char = text[i]!;
    warnings.push(warning('bidiControl', text, i, i + 1, `A hidden ${BIDI_CONTROL_NAMES[char]} (${codePointName(char)}) ${message}`));
  };
  /** Offsets of the openers still open, innermost last, and how many of them are isolates. */
  let open: number[] = [];
  let openIsolates = 0;
  const closeParagraph = (): void => {
    for (const i of open) if (!OVERRIDES.includes(text[i]!)) flag(i, 'is not closed in this paragraph, so it can change how the rest of the line is displayed.');
    open = [];
    openIsolates = 0;
  };
  const closesNothing = (i: number): void => flag(i, 'closes nothing: it is a leftover that can change how the text around it is displayed.');
  for (const match of text.matchAll(BIDI)) {
    const i = match.index;
    const char = match[0];
    if (PARAGRAPH_END.includes(char)) closeParagraph();
    else if (OVERRIDES.includes(char)) {
      flag(i, 'makes the text after it display differently from how it reads (and is searched and quoted): a known way to disguise text.');
      open.push(i);
    } else if (CLOSED_BY_PDF.includes(char)) open.push(i);
    else if (ISOLATES.includes(char)) {
      open.push(i);
      openIsolates++;
    } else if (char === '\u202c') {
      const innermost = open[open.length - 1];
      if (innermost === undefined || ISOLATES.includes(text[innermost]!)) closesNothing(i);
      else open.pop();
    } else if (char === '\u2069') {
      if (openIsolates === 0) closesNothing(i);
      else {
        // Each opener is pushed once and popped at most once: linear over the text.
        while (!ISOLATES.includes(text[open.pop()!]!));
        openIsolates--;
      }
    } else if (insideWord(text, i)) flag(i, `sits inside ${quote(word(text, i))}: it changes nothing visible there but splits the word for search and matching.`);
  }
  closeParagraph();
  return warnings.sort((a, b) => a.start - b.start);
}

function insideWord(text: string, i: number): boolean {
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  return SAME_KIND.some((kind) => kind.test(before) && kind.test(after));
}

function word(text: string, i: number): string {
  const { from, to } = wordAround(text, i, i + 1);
  return text.slice(from, to);
}
