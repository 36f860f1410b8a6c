/**
 * Offering a repair: one rule for the repair of every detector (mojibake, HTML entities, any
 * detector to come). A detector proposes the text that was probably meant; the check offers it only
 * when both hold:
 *
 * 1. **It inserts nothing one cannot see.** Format characters (Unicode Cf: the bidirectional
 *    controls and marks U+200E/F, U+202A–E, U+2066–9, U+061C, zero-width characters, U+FEFF, the
 *    soft hyphen…), control characters other than tab and line breaks, line and paragraph
 *    separators, and the fillers that display as nothing (U+034F, U+115F, U+1160, U+17B4, U+17B5,
 *    U+3164, U+FFA0) are left out of the repair, and the message names what was left out. Kept: a
 *    zero-width non-joiner or joiner that shapes the letters around it (Persian `می‌خواهم`) or
 *    joins an emoji sequence, exactly where the invisible-character check accepts it — there it
 *    changes what one sees. When nothing is left (`â€®` stands for U+202E alone), the honest repair
 *    is to remove the damaged characters: the repair is the empty text and the message says so.
 *    An override or an invisible character in the text is a warning of its own; a repair that put
 *    one back would turn visible damage into hidden damage (U+202E reverses the words after it).
 * 2. **The check does not flag the repaired place again.** The detectors run over the passage
 *    around the warning ({@link PASSAGE_WORDS} words either side, within its line) with the repair
 *    applied; a warning there that touches the repaired words, of a kind not found at that place
 *    before (the warning itself aside), withdraws the offer: the repair becomes `null` and the
 *    message says why. Each repair is checked on its own, as the document panel applies it (and
 *    checks the whole text again after it). On a text misread throughout, where every word has a
 *    repair, the repairs beyond {@link ONE_AT_A_TIME_BUDGET} are checked all applied together in
 *    one pass instead, so the check stays linear.
 */
import { DAMAGE_LABELS, type DamageKind, type DamageWarning } from '../../../../shared/model/index.js';
import { snapToCharBoundary } from '../../../../shared/anchoring/code-points.js';
import { BIDI_CONTROL_NAMES } from './bidi-control.js';
import { INVISIBLE_CHARACTER_NAMES, isLegitimateInvisible } from './invisible-character.js';
import { codePointName, quote } from './warning.js';

/** Characters a repair may not insert (tab, line feed and carriage return are ordinary whitespace). */
const HIDDEN = /^[\p{Cf}\p{Zl}\p{Zp}\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0]$/u;
/** Invisible characters kept where they shape letters or join an emoji (see 1. above). */
const JOINERS = '\u200c\u200d';
/**
 * How many words either side of a repair the check runs again over (a splice is four words:
 * “a series of is”), at most {@link PASSAGE_WINDOW} UTF-16 units, within the line.
 */
const PASSAGE_WORDS = 3;
const PASSAGE_WINDOW = 120;
/** How many UTF-16 units of the text either side decide whether a joiner is legitimate. */
const JOINER_CONTEXT = 8;

/** A detector run (or all of them) over a text. */
export type DamageDetector = (text: string) => DamageWarning[];

/** A repair with the characters one cannot see left out, and the characters left out (each once). */
export interface VisibleRepair {
  repair: string;
  leftOut: string[];
}

/** `candidate`, proposed for `text[start, end)`, without the characters a repair may not insert. */
export function visibleRepair(text: string, start: number, end: number, candidate: string): VisibleRepair {
  const before = text.slice(snapToCharBoundary(text, Math.max(0, start - JOINER_CONTEXT), -1), start);
  const after = text.slice(end, snapToCharBoundary(text, Math.min(text.length, end + JOINER_CONTEXT), 1));
  const repaired = before + candidate + after;
  let repair = '';
  const leftOut = new Set<string>();
  let offset = 0;
  for (const char of candidate) {
    const kept = !HIDDEN.test(char) || (JOINERS.includes(char) && isLegitimateInvisible(repaired, before.length + offset));
    if (kept) repair += char;
    else leftOut.add(char);
    offset += char.length;
  }
  return { repair, leftOut: [...leftOut] };
}

/**
 * Passage text, in UTF-16 units, checked again one repair at a time before the remaining repairs
 * are checked all together in one pass (about half a second on a text misread throughout, where
 * every word has a repair).
 */
const ONE_AT_A_TIME_BUDGET = 200_000;

/**
 * `warnings` of `text` (as `detect` finds them, sorted by start) as the check offers them: each
 * repair without hidden characters, and only where `detect` does not flag the repaired place again.
 */
export function offerRepairs(text: string, warnings: readonly DamageWarning[], detect: DamageDetector): DamageWarning[] {
  let budget = ONE_AT_A_TIME_BUDGET;
  const proposed = new Map<DamageWarning, VisibleRepair>();
  const flagged = new Map<DamageWarning, readonly DamageKind[]>();
  const rest: Proposal[] = [];
  for (const w of warnings) {
    if (w.repair === null) continue;
    const visible = visibleRepair(text, w.start, w.end, w.repair);
    proposed.set(w, visible);
    if (budget <= 0) rest.push({ warning: w, repair: visible.repair });
    else {
      const { kinds, checked } = flaggedAgain(text, w, visible.repair, detect);
      flagged.set(w, kinds);
      budget -= checked;
    }
  }
  for (const [w, kinds] of flaggedTogether(text, warnings, rest, detect)) flagged.set(w, kinds);
  return warnings.map((w) => {
    const visible = proposed.get(w);
    if (!visible) return w;
    const message = w.message + leftOutNote(visible.repair, visible.leftOut);
    const again = flagged.get(w) ?? [];
    if (again.length === 0) return { ...w, message, repair: visible.repair };
    const kinds = again.map((kind) => DAMAGE_LABELS[kind].toLowerCase()).join(', ');
    return { ...w, message: `${message} No repair is offered: with ${quote(visible.repair)} in its place the check would flag these words again (${kinds}).`, repair: null };
  });
}

/** A warning with the repair the check would offer for it. */
interface Proposal {
  warning: DamageWarning;
  repair: string;
}

/** The sentence that says which hidden characters the repair leaves out; '' when none. */
function leftOutNote(repair: string, leftOut: readonly string[]): string {
  if (leftOut.length === 0) return '';
  const names = leftOut.map((char) => `the ${BIDI_CONTROL_NAMES[char] ?? INVISIBLE_CHARACTER_NAMES[char] ?? 'invisible character'} (${codePointName(char)})`).join(', ');
  const effect = 'which cannot be seen and would change how the text is displayed, searched or quoted';
  if (repair === '') return ` The repair removes these characters and puts nothing in their place: they stand for ${names}, ${effect}.`;
  return ` The repair leaves out ${names} that these characters also stand for, ${effect}.`;
}

/** A span touches a place when they share a character or meet (an empty repair is a place too). */
function touches(span: { start: number; end: number }, start: number, end: number): boolean {
  return span.start <= end && span.end >= start;
}

/**
 * The kinds `detect` flags at the place of `w` with `repair` applied that it did not flag there
 * before (other than `w` itself), over the passage around `w`: a few words either side, so a
 * word, a run of misread bytes, an entity or a splice at the place is seen whole. `checked` is
 * the length of the passage.
 */
function flaggedAgain(text: string, w: DamageWarning, repair: string, detect: DamageDetector): { kinds: DamageKind[]; checked: number } {
  const from = passageStart(text, w.start);
  const to = passageEnd(text, w.end);
  const start = w.start - from;
  const end = w.end - from;
  const before = new Set(detect(text.slice(from, to)).filter((b) => touches(b, start, end) && !(b.kind === w.kind && b.start === start && b.end === end)).map((b) => b.kind));
  const after = new Set(detect(text.slice(from, w.start) + repair + text.slice(w.end, to)).filter((a) => touches(a, start, start + repair.length)).map((a) => a.kind));
  return { kinds: [...after].filter((kind) => !before.has(kind)), checked: 2 * (to - from) };
}

/**
 * The same question for many repairs at once, in one pass: all of `proposals` applied together,
 * each place compared with the warnings of `text` there. A repair overlapping an earlier one
 * cannot be applied beside it and is answered with the kind of the warning it overlaps.
 */
function flaggedTogether(text: string, warnings: readonly DamageWarning[], proposals: readonly Proposal[], detect: DamageDetector): Map<DamageWarning, DamageKind[]> {
  const flagged = new Map<DamageWarning, DamageKind[]>();
  if (proposals.length === 0) return flagged;
  const applied: Proposal[] = [];
  const places: { start: number; end: number }[] = [];
  let repaired = '';
  let at = 0;
  for (const proposal of proposals) {
    const { warning: w, repair } = proposal;
    const previous = applied[applied.length - 1];
    if (previous && w.start < previous.warning.end) {
      flagged.set(w, [previous.warning.kind]);
      continue;
    }
    repaired += text.slice(at, w.start);
    places.push({ start: repaired.length, end: repaired.length + repair.length });
    repaired += repair;
    at = w.end;
    applied.push(proposal);
  }
  repaired += text.slice(at);
  const before = warningsAt(warnings, applied.map((p) => p.warning));
  const after = warningsAt(detect(repaired), places);
  applied.forEach(({ warning: w }, i) => {
    const had = new Set(before[i]!.filter((b) => b !== w).map((b) => b.kind));
    const kinds = [...new Set(after[i]!.map((a) => a.kind))].filter((kind) => !had.has(kind));
    if (kinds.length > 0) flagged.set(w, kinds);
  });
  return flagged;
}

/** For each of `places` (sorted and disjoint), the warnings touching it; a binary search finds the first place a warning may touch. */
function warningsAt(warnings: readonly DamageWarning[], places: readonly { start: number; end: number }[]): DamageWarning[][] {
  const found = places.map((): DamageWarning[] => []);
  for (const w of warnings) {
    let low = 0;
    let high = places.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (places[middle]!.end < w.start) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < places.length && places[i]!.start <= w.end; i++) if (touches(w, places[i]!.start, places[i]!.end)) found[i]!.push(w);
  }
  return found;
}

/** Where the passage before `start` begins: {@link PASSAGE_WORDS} words back, within the line and {@link PASSAGE_WINDOW} units. */
function passageStart(text: string, start: number): number {
  const limit = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - PASSAGE_WINDOW);
  let at = start;
  for (let words = 0; words <= PASSAGE_WORDS && at > limit; words++) {
    while (at > limit && WHITESPACE.test(text[at - 1]!)) at--;
    while (at > limit && !WHITESPACE.test(text[at - 1]!)) at--;
  }
  return snapToCharBoundary(text, at, 1);
}

/** Where the passage after `end` ends: {@link PASSAGE_WORDS} words on, within the line and {@link PASSAGE_WINDOW} units. */
function passageEnd(text: string, end: number): number {
  const newline = text.indexOf('\n', end);
  const limit = Math.min(newline < 0 ? text.length : newline, end + PASSAGE_WINDOW);
  let at = end;
  for (let words = 0; words <= PASSAGE_WORDS && at < limit; words++) {
    while (at < limit && WHITESPACE.test(text[at]!)) at++;
    while (at < limit && !WHITESPACE.test(text[at]!)) at++;
  }
  return snapToCharBoundary(text, at, -1);
}
const WHITESPACE = /\s/;
