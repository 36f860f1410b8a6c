/**
 * Re-anchoring: finding each annotation's words again in a new version of a text, or saying
 * plainly that they cannot be found (an orphan). Never placing an annotation on other words: every
 * candidate passes the same judgement (judge.ts); the order below only decides how little work it
 * takes to find the right one.
 *
 * First, near where the words were, anchor by anchor in text order:
 *  1. the quote with both contexts intact at the expected place: the old position, or the old
 *     position shifted as much as the previous anchor's words moved (an edit above shifts
 *     everything after it by the same amount, so one learned shift confirms most anchors with
 *     three string comparisons);
 *  2. the exact quote in a window around the expected place, judged by context and nearness;
 *  3. the prefix and suffix located in that window (locate.ts). When both are there, the text
 *     between them is what became of the words: placed as fuzzy if close enough to the quote,
 *     otherwise the words are gone from here;
 *  4. else fuzzy search (approx-string-match, up to min(256, quote/2) edits, as Hypothesis) right
 *     after the located prefix, right before the located suffix, or over the window.
 * Then, for the few anchors still open, over the whole text in one batched pass (multi-search.ts):
 *  5. the exact quote anywhere (a moved passage), judged by context, or a long quote found once;
 *  6. the near fuzzy result of step 4, if there was one;
 *  7. fuzzy everywhere, but only where a piece of the prefix or suffix survives (search.ts), and
 *     only when neither context was found near the old place (the words cannot have gone
 *     elsewhere while their context stayed).
 */
import type { Anchor } from '../model/selectors.js';
import { codePointLength } from '../text.js';
import { indexCodePoints } from './code-points.js';
import { newJob, pickBest, placeIfIntact, placeUnique, type Job, type PlacedAnchor } from './judge.js';
import { locateContext, type LocatedContext } from './locate.js';
import { findAllOccurrences } from './multi-search.js';
import { contextPieces, contextRegions, emptyStats, exactOccurrences, fuzzyOccurrences, type AnchorStats, type Candidate } from './search.js';
import { editDistance } from './similarity.js';

export type { PlacedAnchor } from './judge.js';

/** An anchor that could not be placed confidently. `score`: the best candidate that was refused. */
export interface OrphanAnchor {
  status: 'orphan';
  start?: undefined;
  end?: undefined;
  score?: number;
}

/** Where an anchor landed in the new text, or that it is an orphan. */
export type Placement = PlacedAnchor | OrphanAnchor;

/** Tuning of {@link anchorAll}; the defaults are what the app uses. */
export interface AnchorOptions {
  /**
   * Lowest normalised score (0…1) a placement needs. Default 0.65: with both contexts intact, words
   * changed by up to about two thirds still place (as `fuzzy`); with one context gone, a quarter.
   */
  minScore?: number;
  /** Lowest agreement (0…1) the prefix or the suffix must reach. Default 0.8. */
  minContext?: number;
  /** Half-width, in UTF-16 units, of the window searched around the expected place. Default 2048. */
  window?: number;
  /** Operation counts are added to this object (for complexity tests and benchmarks). */
  stats?: AnchorStats;
}

/** A quote this long (code points) that occurs exactly once is placed even without its context. */
export const LONG_QUOTE_POINTS = 64;
/** Quotes up to this many UTF-16 units are compared whole with the text between their contexts. */
const MAX_BRACKET = 1024;
/** Extra room, in UTF-16 units, around regions implied by a located context. */
const SLACK = 16;
/** At most this many regions next to surviving context pieces are searched per anchor. */
const MAX_REGIONS = 8;
/** Occurrences kept per pattern in the whole-text pass. */
const MAX_HITS = 1000;

/** An anchor left for the whole-text pass, with what was learnt near its old place. */
interface Open extends LocatedContext {
  index: number;
  job: Job;
  lo: number;
  hi: number;
  near: PlacedAnchor | null;
}

function orphan(job: Job): OrphanAnchor {
  return job.rejected === undefined ? { status: 'orphan' } : { status: 'orphan', score: job.rejected };
}

/** Fuzzy search right after the located prefix, right before the located suffix, or over the window. */
function fuzzyNear(job: Job, located: LocatedContext, lo: number, hi: number): PlacedAnchor | null {
  const { text, exact, maxErrors, stats } = job;
  const { prefixEnd, suffixStart } = located;
  stats.fuzzyAnchors++;
  const reach = exact.length + Math.ceil(maxErrors) + SLACK;
  const from = prefixEnd ?? (suffixStart !== null ? Math.max(lo, suffixStart - reach) : lo);
  const to = suffixStart ?? (prefixEnd !== null ? Math.min(hi, prefixEnd + reach) : hi);
  return pickBest(job, fuzzyOccurrences(text, exact, from, to, maxErrors, stats));
}

/** Steps 1–4: a placement, or what the whole-text pass needs to go on. */
function anchorNear(job: Job, index: number, window: number): PlacedAnchor | Open {
  const { text, exact, stats } = job;
  for (const at of job.expected === job.hint ? [job.hint] : [job.expected, job.hint]) {
    const intact = placeIfIntact(job, at);
    if (intact) {
      stats.fastPath++;
      return intact;
    }
  }
  const lo = Math.max(0, job.expected - window);
  const hi = Math.min(text.length, job.expected + exact.length + window);
  stats.windowSearches++;
  const near = pickBest(job, exactOccurrences(text, exact, lo, hi).map((start) => ({ start, end: start + exact.length, errors: 0 })));
  if (near) return near;

  const located = locateContext(job, lo, hi);
  const { prefixEnd, suffixStart } = located;
  if (prefixEnd !== null && suffixStart !== null && exact.length <= MAX_BRACKET && suffixStart - prefixEnd <= 2 * exact.length + SLACK) {
    // Between the two contexts lies what became of the words: that whole stretch is the one
    // candidate (a part of it might score higher, but would cut the changed words in two).
    stats.fuzzyAnchors++;
    const between = suffixStart > prefixEnd ? pickBest(job, [{ start: prefixEnd, end: suffixStart, errors: editDistance(exact, text.slice(prefixEnd, suffixStart)) }]) : null;
    return between ?? { index, job, lo, hi, ...located, near: null };
  }
  return { index, job, lo, hi, ...located, near: fuzzyNear(job, located, lo, hi) };
}

/** Steps 5–7, with the occurrences found by the whole-text pass. */
function anchorFar(open: Open, hits: ReadonlyMap<string, number[]>): Placement {
  const { job, lo, hi } = open;
  const { text, exact } = job;
  const all = hits.get(exact) ?? [];
  const toCandidate = (start: number): Candidate => ({ start, end: start + exact.length, errors: 0 });
  const far = pickBest(job, all.filter((s) => s < lo || s + exact.length > hi).map(toCandidate));
  if (far) return far;
  if (all.length === 1 && codePointLength(exact) >= LONG_QUOTE_POINTS) return placeUnique(job, all[0]!);
  if (open.near) return open.near;
  if (open.prefixEnd !== null || open.suffixStart !== null) return orphan(job);
  const reach = exact.length + Math.ceil(job.maxErrors);
  const regions = contextRegions(text, job.prefix.length, contextPieces(job.prefix, job.suffix), hits, reach, SLACK, job.expected, MAX_REGIONS);
  return pickBest(job, regions.flatMap(([a, b]) => fuzzyOccurrences(text, exact, a, b, job.maxErrors, job.stats))) ?? orphan(job);
}

/**
 * Finds each anchor's words in `text` (the new plain-text projection). Returns one placement per
 * anchor, in the order given. Offsets out are UTF-16 units of `text`; `Anchor.position` is read as
 * code points (W3C) and only serves as a hint. Cost: O(n) to index the text, a few string
 * comparisons for each anchor whose words and context are intact, a window search for the first
 * anchor after each edit, and one batched pass over the text for all anchors the edits touched.
 */
export function anchorAll(text: string, anchors: readonly Anchor[], options: AnchorOptions = {}): Placement[] {
  const stats = options.stats ?? emptyStats();
  const window = options.window ?? 2048;
  const minScore = options.minScore ?? 0.65;
  const minContext = options.minContext ?? 0.8;
  const index = indexCodePoints(text);
  const order = anchors.map((_, i) => i).sort((a, b) => anchors[a]!.position.start - anchors[b]!.position.start || a - b);
  const placements = new Array<Placement>(anchors.length);
  const open: Open[] = [];
  let shift = 0;
  for (const i of order) {
    const anchor = anchors[i]!;
    const hint = index.toUtf16(anchor.position.start);
    const job = newJob(text, anchor, hint, shift, minScore, minContext, stats);
    stats.anchors++;
    if (job.exact.length === 0) {
      placements[i] = orphan(job);
      continue;
    }
    const result = anchorNear(job, i, window);
    if ('status' in result) {
      placements[i] = result;
      shift = result.start - hint;
    } else open.push(result);
  }
  if (open.length > 0) {
    const patterns = open.flatMap((o) => [o.job.exact, ...(o.prefixEnd === null && o.suffixStart === null ? contextPieces(o.job.prefix, o.job.suffix).map((p) => p.piece) : [])]);
    const hits = findAllOccurrences(text, patterns, MAX_HITS, (passes) => (stats.textScans += passes));
    for (const o of open) placements[o.index] = anchorFar(o, hits);
  }
  return placements;
}
