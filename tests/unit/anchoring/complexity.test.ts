/**
 * Complexity guards (operation counts, never wall-clock): re-anchoring 2,000 annotations after a
 * small edit must settle nearly all of them with the cheap check at their (shifted) position, run
 * the fuzzy matcher only for annotations the edit touched, and never scan the whole text with it.
 * A regression to Hypothesis-style whole-text matching per annotation fails here.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, emptyStats } from '../../../shared/anchoring/index.js';
import { annotate, editProse, newsProse } from './support/prose.js';

const original = newsProse(7, 300_000);
const { anchors, truth } = annotate(original, 2_000, 8);

describe('re-anchoring cost', () => {
  it('touches the fuzzy matcher only for annotations near the edits', () => {
    const edited = editProse(original, truth, 0.005, 9);
    const touched = edited.truth.filter((t) => t.contextTouched).length;
    const stats = emptyStats();
    const placements = anchorAll(edited.text, anchors, { stats });

    expect(stats.anchors).toBe(2_000);
    expect(touched).toBeGreaterThan(0);
    // Beyond the cheap check: the annotations an edit came near, plus the first one after each
    // edit (it learns the new shift with one search in a small window).
    expect(stats.anchors - stats.fastPath).toBeLessThanOrEqual(touched + edited.edits.length);
    expect(stats.fuzzyAnchors).toBeLessThanOrEqual(touched + 2);
    // All fuzzy searches together read less than a tenth of the text once.
    expect(stats.fuzzyUnits).toBeLessThan(edited.text.length / 10);
    // Whole-text exact search: a few scans, or one batched pass, plus one per short quote touched.
    expect(stats.textScans).toBeLessThanOrEqual(16 + touched);
    expect(stats.candidatesScored).toBeLessThanOrEqual((stats.anchors - stats.fastPath) * 64);
    expect(placements.filter((p) => p.status === 'orphan').length).toBeLessThanOrEqual(touched);
  });

  it('grows linearly: four times the annotations cost no more than four times the operations', () => {
    const edited = editProse(original, truth, 0.005, 10);
    const quarter = emptyStats();
    anchorAll(edited.text, anchors.slice(0, 500), { stats: quarter });
    const all = emptyStats();
    anchorAll(edited.text, anchors, { stats: all });
    const work = (s: typeof all) => s.windowSearches + s.textScans + s.fuzzyCalls + s.candidatesScored;
    // Sparser annotations learn each shift more often; the slack covers that, not a quadratic term.
    expect(work(all)).toBeLessThanOrEqual(4 * work(quarter) + 200);
  });

  it('bounds the work per lost annotation when words vanish with their context', () => {
    // Cut out whole stretches of 2 kB in ten places: annotations inside lose words and context,
    // and are looked for everywhere their context might have gone.
    let text = original;
    for (let i = 0; i < 10; i++) {
      const at = Math.floor(((i + 0.5) * text.length) / 10);
      text = text.slice(0, at) + text.slice(at + 2_000);
    }
    const stats = emptyStats();
    const placements = anchorAll(text, anchors, { stats });
    const orphans = placements.filter((p) => p.status === 'orphan').length;
    expect(orphans).toBeGreaterThan(50);
    // One batched pass over the text serves every open annotation (plus one scan per short quote).
    expect(stats.textScans).toBeLessThanOrEqual(1 + orphans);
    // The fuzzy matcher reads a window and a few small regions per annotation, never the whole
    // text (300 kB here) for any of them.
    expect(stats.fuzzyUnits).toBeLessThanOrEqual(stats.fuzzyAnchors * 8 * 1024);
    expect(stats.fuzzyCalls).toBeLessThanOrEqual(stats.fuzzyAnchors * (1 + 8));
  });
});
