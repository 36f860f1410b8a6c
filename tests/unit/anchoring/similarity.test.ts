/**
 * The measures behind placement decisions (edit distance, context agreement, score, re-aligned
 * match starts) and the batched multi-pattern search, each against a plain reference.
 */
import approxSearch from 'approx-string-match';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignMatchStart, contextAgreement, editDistance, findAllOccurrences, placementScore } from '../../../shared/anchoring/index.js';
import { levenshtein } from './support/oracle.js';

const units = fc.array(fc.constantFrom('a', 'b', 'c', ' ', 'ع', 'ِ', '\u200c', '😀'), { maxLength: 24 }).map((xs) => xs.join(''));

describe('editDistance', () => {
  it('agrees with the textbook Levenshtein distance', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('the past 21 years', 'the past two decades')).toBe(levenshtein('the past 21 years', 'the past two decades'));
    fc.assert(fc.property(units, units, (a, b) => editDistance(a, b) === levenshtein(a, b)), { numRuns: 500 });
  });
});

describe('contextAgreement', () => {
  it('is 1 for the same context, lower as it changes, and 0 between empty and non-empty', () => {
    expect(contextAgreement('ate the system established over ', 'ate the system established over ')).toBe(1);
    expect(contextAgreement('ate the system established over ', 'ate the system established for ')).toBeCloseTo(1 - 3 / 32);
    expect(contextAgreement('', '')).toBe(1);
    expect(contextAgreement('', 'anything')).toBe(0);
  });
});

describe('placementScore', () => {
  it('weighs quote 50, prefix 20, suffix 20, position 2, normalised', () => {
    expect(placementScore({ quote: 1, prefix: 1, suffix: 1, position: 1 })).toBe(1);
    expect(placementScore({ quote: 1, prefix: 0, suffix: 0, position: 0 })).toBeCloseTo(50 / 92);
    expect(placementScore({ quote: 0.5, prefix: 1, suffix: 0, position: 1 })).toBeCloseTo(47 / 92);
  });
});

describe('alignMatchStart', () => {
  it('finds the start that gives a match ending at `end` its least edit distance', () => {
    expect(alignMatchStart('xxhello world', 'hello', 7, 2)).toEqual({ start: 2, errors: 0 });
    expect(alignMatchStart('xxhelo world', 'hello', 6, 2)).toEqual({ start: 2, errors: 1 });
    expect(alignMatchStart('xxabc', 'hello', 5, 2)).toBeNull();
  });

  it('repairs the starts approx-string-match reports, so errors are the true distance', () => {
    const text = ' می‌خواهم the ی‌خواهم';
    const pattern = 'of. Iraq می‌خواهم';
    const reported = approxSearch(text, pattern, 8.5).find((m) => m.end === 21)!;
    expect(levenshtein(text.slice(reported.start, reported.end), pattern)).toBeGreaterThan(reported.errors);
    const aligned = alignMatchStart(text, pattern, 21, reported.errors)!;
    expect(levenshtein(text.slice(aligned.start, 21), pattern)).toBe(aligned.errors);
  });

  it('gives the least distance over every start (random strings)', () => {
    fc.assert(
      fc.property(units, units.filter((p) => p.length > 0), fc.nat(), (text, pattern, k) => {
        const maxErrors = k % (pattern.length + 1);
        for (let end = 0; end <= text.length; end++) {
          let best = Infinity;
          for (let start = 0; start <= end; start++) best = Math.min(best, levenshtein(text.slice(start, end), pattern));
          const aligned = alignMatchStart(text, pattern, end, maxErrors);
          if (best > maxErrors) expect(aligned).toBeNull();
          else {
            expect(aligned?.errors).toBe(best);
            expect(levenshtein(text.slice(aligned!.start, end), pattern)).toBe(best);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('findAllOccurrences', () => {
  it('finds every pattern; a few are scanned for one by one', () => {
    const text = 'the 2023 security agreement and the 2024 security agreement; the end';
    let passes = 0;
    const hits = findAllOccurrences(text, ['security agreement', 'the 2024 ', 'the', 'missing pattern', ''], 100, (n) => (passes += n));
    expect(hits.get('security agreement')).toEqual([9, 41]);
    expect(hits.get('the 2024 ')).toEqual([32]);
    expect(hits.get('the')).toEqual([0, 32, 61]);
    expect(hits.get('missing pattern')).toEqual([]);
    expect(hits.has('')).toBe(false);
    expect(passes).toBe(4);
  });

  it('makes one pass for many long patterns', () => {
    const text = Array.from({ length: 200 }, (_, i) => `paragraph ${i} of the report`).join('\n');
    const patterns = Array.from({ length: 40 }, (_, i) => `paragraph ${i * 5} of`);
    let passes = 0;
    const hits = findAllOccurrences(text, patterns, 100, (n) => (passes += n));
    expect(passes).toBe(1);
    for (const p of patterns) expect(hits.get(p)).toEqual([text.indexOf(p)]);
  });

  it('agrees with indexOf for random texts and patterns (batched or not), astral and Arabic included, up to the cap', () => {
    const text = fc.array(fc.constantFrom('ab', 'ba', ' ', '😀', 'عِ', 'abab'), { minLength: 20, maxLength: 120 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 16 })), { maxLength: 6 }).chain((few) => fc.oneof(fc.constant(few), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 8, max: 16 })), { minLength: 17, maxLength: 40 }).map((many) => [...few, ...many]))), fc.integer({ min: 1, max: 5 }), (t, cuts, cap) => {
        const patterns = cuts.map(([at, length]) => t.slice(at % (t.length + 1), (at % (t.length + 1)) + length)).filter((p) => p.length > 0);
        const hits = findAllOccurrences(t, patterns, cap, () => undefined);
        for (const p of patterns) {
          const expected: number[] = [];
          for (let at = t.indexOf(p); at !== -1 && expected.length < cap; at = t.indexOf(p, at + 1)) expected.push(at);
          expect(hits.get(p)).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
