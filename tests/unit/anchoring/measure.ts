/**
 * Quick measurement (not a test, no assertions): re-anchoring 2,000 annotations after a 0.5 % edit
 * of a 1 MB text, against a Hypothesis-style baseline (its `matchQuote`: every occurrence of the
 * exact quote, else approx-string-match over the whole text with min(256, quote/2) errors, scored
 * 50/20/20/2), plus how many land on the right words at 0.5 % and 2 % edits, and the same after
 * ten 2 kB sections are cut out (annotations lost with their context: the worst case for cost).
 *
 *   node --import tsx tests/unit/anchoring/measure.ts [sizeBytes] [annotations] [runs]
 *
 * The bench suite (issue 7, `npm run bench`, case re-anchor) owns the reported figures and the
 * baseline's code (tests/bench/suite/node/anchoring-peers.ts); this is the developer's check.
 */
import { anchorAll, emptyStats, type Placement } from '../../../shared/anchoring/index.js';
import type { Anchor } from '../../../shared/model/selectors.js';
import { hypothesisAll } from '../../bench/suite/node/anchoring-peers.js';
import { misplacement } from './support/oracle.js';
import { annotate, editProse, newsProse } from './support/prose.js';
import type { Tracked } from './support/edits.js';

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => unknown, runs: number): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Right words: intact words found where they went, or changed words found fuzzily where they went. */
function judge(text: string, anchors: Anchor[], truth: Tracked[], placements: Placement[]) {
  let right = 0;
  let wrong = 0;
  let orphan = 0;
  let orphanIntact = 0;
  placements.forEach((p, i) => {
    const t = truth[i]!;
    if (p.status === 'orphan') {
      orphan++;
      if (!t.wordsTouched) orphanIntact++;
    } else if (misplacement(text, anchors[i]!, p, t)) wrong++;
    else right++;
  });
  return { right, wrong, orphan, orphanIntact, touched: truth.filter((t) => t.wordsTouched).length, gone: truth.filter((t) => t.wordsGone).length };
}

const size = Number(process.argv[2] ?? 1_000_000);
const count = Number(process.argv[3] ?? 2_000);
const runs = Number(process.argv[4] ?? 5);
const original = newsProse(1, size);
const { anchors, truth } = annotate(original, count, 2);
console.log(`text ${original.length} units, ${anchors.length} annotations, node ${process.version}`);

for (const fraction of [0.005, 0.02]) {
  const edited = editProse(original, truth, fraction, 3);
  const stats = emptyStats();
  const ours = anchorAll(edited.text, anchors, { stats });
  const theirs = hypothesisAll(edited.text, anchors);
  console.log(`\nedit ${(fraction * 100).toFixed(1)} %: ${edited.edits.length} edits`);
  console.log('  ours      ', judge(edited.text, anchors, edited.truth, ours));
  console.log('  hypothesis', judge(edited.text, anchors, edited.truth, theirs));
  console.log('  operations', stats);
  const oursMs = time(() => anchorAll(edited.text, anchors), runs);
  const theirsMs = time(() => hypothesisAll(edited.text, anchors), Math.max(1, Math.min(runs, 3)));
  console.log(`  time: ours ${oursMs.toFixed(1)} ms, hypothesis-style ${theirsMs.toFixed(0)} ms, ratio ${(theirsMs / oursMs).toFixed(1)}×`);
}

// Whole sections cut out: annotations inside lose words and context and are searched for everywhere.
let cut = original;
for (let i = 0; i < 10; i++) {
  const at = Math.floor(((i + 0.5) * cut.length) / 10);
  cut = cut.slice(0, at) + cut.slice(at + 2_000);
}
const cutStats = emptyStats();
const cutPlacements = anchorAll(cut, anchors, { stats: cutStats });
console.log(`\nten 2 kB sections cut out: ${cutPlacements.filter((p) => p.status === 'orphan').length} orphans (of ${anchors.length})`);
console.log('  operations', cutStats);
const cutOurs = time(() => anchorAll(cut, anchors), runs);
const cutTheirs = time(() => hypothesisAll(cut, anchors), 1);
console.log(`  time: ours ${cutOurs.toFixed(1)} ms, hypothesis-style ${cutTheirs.toFixed(0)} ms, ratio ${(cutTheirs / cutOurs).toFixed(1)}×`);
