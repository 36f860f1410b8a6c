/**
 * Property tests of re-anchoring: random documents (English words, Arabic with diacritics, Persian
 * with ZWNJ, emoji sequences, astral CJK), random annotation sets, random edit sequences (insert,
 * delete, replace, at any character). The edits are tracked to know where each annotation's words
 * went; every placement is then judged by support/oracle.ts: on the same words, or on the same
 * quote where its context truly stands, or fuzzy on the region the words went to, or orphan, and
 * never on unrelated words. Annotations that no edit came near must be found intact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange, indexCodePoints } from '../../../shared/anchoring/index.js';
import type { Anchor } from '../../../shared/model/selectors.js';
import { applyEdit, mapTracked, MIXED_WORDS, randomWords, seeded, track, wordEnds, wordStarts, type Tracked } from './support/edits.js';
import { contextAt, misplacement } from './support/oracle.js';

/** Few words, so quotes and contexts repeat: the hard case for telling places apart. */
const SMALL_POOL = ['the', 'of', 'Iraq', 'العِرَاق', 'می‌خواهم', '👍🏽', '👨‍👩‍👧', '𠀋'];

const annotationSpec = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), words: fc.integer({ min: 1, max: 8 }) });
const editSpec = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 120 })),
  insertWords: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 20 })),
  seed: fc.nat(),
});
const scenarioSpec = fc.record({
  seed: fc.nat(),
  words: fc.integer({ min: 3, max: 400 }),
  annotations: fc.array(annotationSpec, { minLength: 1, maxLength: 12 }),
  edits: fc.array(editSpec, { minLength: 0, maxLength: 5 }),
});
type ScenarioSpec = typeof scenarioSpec extends fc.Arbitrary<infer T> ? T : never;

interface Scenario {
  text: string;
  anchors: Anchor[];
  truth: Tracked[];
}

/** Builds the document, describes the annotations on it, then applies and tracks the edits. */
function build(spec: ScenarioSpec, pool: readonly string[]): Scenario {
  const original = randomWords(seeded(spec.seed), spec.words, pool);
  const starts = wordStarts(original);
  const ends = wordEnds(original);
  const index = indexCodePoints(original);
  const anchors: Anchor[] = [];
  let truth: Tracked[] = [];
  for (const a of spec.annotations) {
    const first = Math.floor(a.at * starts.length);
    const last = Math.min(ends.length - 1, first + a.words - 1);
    anchors.push(describeRange(original, starts[first]!, ends[last]!, index));
    truth.push(track(starts[first]!, ends[last]!));
  }
  let text = original;
  for (const e of spec.edits) {
    const idx = indexCodePoints(text);
    const atPoint = Math.min(idx.codePointLength, Math.floor(e.at * (idx.codePointLength + 1)));
    const at = idx.toUtf16(atPoint);
    const edit = { at, remove: idx.toUtf16(atPoint + e.remove) - at, insert: e.insertWords > 0 ? ` ${randomWords(seeded(e.seed), e.insertWords, pool)} ` : '' };
    text = applyEdit(text, edit);
    truth = truth.map((t) => mapTracked(t, edit, 2 * 32 + 8));
  }
  return { text, anchors, truth };
}

/** Every misplacement in a scenario, described. */
function misplacements({ text, anchors, truth }: Scenario, lookalikes = false): string[] {
  const placements = anchorAll(text, anchors);
  const index = indexCodePoints(text);
  return placements.flatMap((placement, i) => {
    const anchor = anchors[i]!;
    const wrong = misplacement(text, anchor, placement, truth[i]!, lookalikes);
    const label = `annotation ${i} ${JSON.stringify(anchor.quote.exact)}`;
    if (wrong) return [`${label}: ${wrong}`];
    if (placement.status === 'exact' && placement.start !== index.toUtf16(anchor.position.start)) return [`${label}: exact, but not at its old position`];
    return [];
  });
}

describe('re-anchoring after random edits', () => {
  it('never places an annotation on unrelated words (mixed scripts)', () => {
    fc.assert(
      fc.property(scenarioSpec, (spec) => {
        expect(misplacements(build(spec, MIXED_WORDS))).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('never places an annotation on unrelated words (a tiny vocabulary: quotes and contexts repeat)', () => {
    // Random insertions from eight words rebuild near-copies of a quote with its context; a fuzzy
    // placement on such a copy is accepted where the stored context truly stands around it.
    fc.assert(
      fc.property(scenarioSpec, (spec) => {
        expect(misplacements(build(spec, SMALL_POOL), true)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every annotation that no edit came near, on its own words', () => {
    fc.assert(
      fc.property(scenarioSpec, (spec) => {
        const scenario = build(spec, MIXED_WORDS);
        const placements = anchorAll(scenario.text, scenario.anchors);
        const lost = placements.flatMap((placement, i) => {
          const truth = scenario.truth[i]!;
          if (truth.contextTouched) return [];
          const anchor = scenario.anchors[i]!;
          if (placement.status !== 'exact' && placement.status !== 'moved') return [`annotation ${i}: ${placement.status}`];
          if (placement.start === truth.start && placement.end === truth.end) return [];
          // Elsewhere is right only if the very same quote and context stand there too.
          const context = contextAt(scenario.text, placement.start, placement.end, anchor);
          const same = scenario.text.slice(placement.start, placement.end) === anchor.quote.exact && context.prefix === 1 && context.suffix === 1;
          return same ? [] : [`annotation ${i}: placed at ${placement.start}, its words are at ${truth.start}`];
        });
        expect(lost).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('places every annotation exactly when nothing changed', () => {
    fc.assert(
      fc.property(scenarioSpec, (spec) => {
        const scenario = build({ ...spec, edits: [] }, MIXED_WORDS);
        const placements = anchorAll(scenario.text, scenario.anchors);
        expect(placements.map((p) => [p.status, p.start, p.end])).toEqual(scenario.truth.map((t) => ['exact', t.start, t.end]));
      }),
      { numRuns: 100 },
    );
  });
});
