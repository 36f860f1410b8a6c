/**
 * The re-anchoring peers the bench runs beside `anchorAll`, given the same selectors and the same
 * new text, each returning a Placement per anchor so the same oracle judges them all:
 *
 * - Hypothesis-style: Hypothesis' `matchQuote` (src/annotator/anchoring/match-quote.ts) as
 *   published: every exact occurrence of the quote, else approx-string-match over the whole text
 *   with min(256, quote/2) errors; candidates scored 50 quote / 20 prefix / 20 suffix / 2 position.
 * - diff-match-patch: its diff of the old and new text, positions mapped through it (below). Its
 *   `match_main` with the settings Hypothesis once used (dom-anchor-text-quote: bitap over the whole
 *   text in 32-character slices) was tried and left out: about 16 ms per anchor on 1 MB, over 30 s
 *   a run, too slow to run side by side several times.
 */
import approxSearch from 'approx-string-match';
import DiffMatchPatch from 'diff-match-patch';
import { indexCodePoints, type Placement } from '../../../../shared/anchoring/index.js';
import type { Anchor } from '../../../../shared/model/selectors.js';

type Match = { start: number; end: number; errors: number };

/** Hypothesis' `search`: every exact occurrence, else the best approximate matches. */
function hypothesisSearch(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) exact.push({ start: at, end: at + pattern.length, errors: 0 });
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

function hypothesisTextMatchScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) return 0;
  const matches = hypothesisSearch(text, pattern, pattern.length);
  return 1 - matches[0]!.errors / pattern.length;
}

/** Hypothesis' `matchQuote` for one anchor, `hint` being the old start in UTF-16 units. */
export function hypothesisMatchQuote(text: string, anchor: Anchor, hint: number): Placement {
  const { exact, prefix, suffix } = anchor.quote;
  if (exact.length === 0) return { status: 'orphan' };
  const matches = hypothesisSearch(text, exact, Math.min(256, exact.length / 2));
  let best: (Match & { score: number }) | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / exact.length;
    const prefixScore = prefix ? hypothesisTextMatchScore(text.slice(Math.max(0, m.start - prefix.length), m.start), prefix) : 1;
    const suffixScore = suffix ? hypothesisTextMatchScore(text.slice(m.end, m.end + suffix.length), suffix) : 1;
    const posScore = 1 - Math.abs(m.start - hint) / text.length;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
    if (!best || score > best.score) best = { ...m, score };
  }
  if (!best) return { status: 'orphan' };
  return { status: best.errors === 0 ? 'moved' : 'fuzzy', start: best.start, end: best.end, score: best.score };
}

/** Every anchor through {@link hypothesisMatchQuote}, the hint being its stored position. */
export function hypothesisAll(text: string, anchors: readonly Anchor[]): Placement[] {
  const index = indexCodePoints(text);
  return anchors.map((a) => hypothesisMatchQuote(text, a, index.toUtf16(a.position.start)));
}

/**
 * diff-match-patch's diff of the old and the new text (exact: no time limit), each annotation's
 * start and end mapped through it with `diff_xIndex`. It needs the old text, which Factmark does not
 * keep (it stores selectors): the peer shows what knowing the edit would cost, not an alternative
 * given the same inputs. A mapped range whose text is the quote is 'moved', any other 'fuzzy', an
 * empty one an orphan.
 */
export function dmpDiffAll(oldText: string, text: string, spans: readonly { start: number; end: number }[], anchors: readonly Anchor[]): Placement[] {
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0;
  const diffs = dmp.diff_main(oldText, text);
  return spans.map((span, i): Placement => {
    const start = dmp.diff_xIndex(diffs, span.start);
    const end = dmp.diff_xIndex(diffs, span.end);
    if (end <= start) return { status: 'orphan' };
    return text.slice(start, end) === anchors[i]!.quote.exact ? { status: 'moved', start, end, score: 1 } : { status: 'fuzzy', start, end, score: 0.5 };
  });
}
