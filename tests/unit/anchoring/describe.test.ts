/**
 * Describing a range as W3C selectors: quote with 32 code points of context on each side (never a
 * broken astral character), position in code points, and the way back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONTEXT_CODE_POINTS, describeRange, indexCodePoints, normalizeRange, positionToRange, rangeFromAnchor } from '../../../shared/anchoring/index.js';
import { Anchor } from '../../../shared/model/selectors.js';
import { codePointLength } from '../../../shared/text.js';
import { MIXED_WORDS, randomWords, seeded } from './support/edits.js';

const ARTICLE = 'Iran views the Americans as occupiers, while the Iraqi government officially declares their presence as advisory," Iraqi political and security analyst Ghani Ghadban said to °®Âþµº.';

describe('describeRange', () => {
  it('keeps the quote, 32 characters of context each side, and the position', () => {
    const start = ARTICLE.indexOf('Ghani Ghadban');
    const anchor = describeRange(ARTICLE, start, start + 'Ghani Ghadban'.length);
    expect(anchor.quote.exact).toBe('Ghani Ghadban');
    expect(anchor.quote.prefix).toBe(' political and security analyst ');
    expect(anchor.quote.suffix).toBe(' said to °®Âþµº.');
    expect(anchor.position).toEqual({ start, end: start + 13 });
    expect(Anchor.safeParse(anchor).success).toBe(true);
  });

  it('counts the position in code points and the context in characters around astral text', () => {
    const text = `${'👨‍👩‍👧'.repeat(20)} العِرَاق ${'𠀋'.repeat(40)}`;
    const start = text.indexOf('العِرَاق');
    const anchor = describeRange(text, start, start + 'العِرَاق'.length);
    expect(anchor.position.start).toBe(Array.from(text.slice(0, start)).length);
    expect(anchor.position.end - anchor.position.start).toBe('العِرَاق'.length);
    expect(codePointLength(anchor.quote.prefix)).toBe(CONTEXT_CODE_POINTS);
    expect(codePointLength(anchor.quote.suffix)).toBe(CONTEXT_CODE_POINTS);
    expect(anchor.quote.suffix).toBe(` ${'𠀋'.repeat(31)}`);
    expect(anchor.quote.suffix.length).toBe(63);
    expect(Anchor.safeParse(anchor).success).toBe(true);
  });

  it('widens a range that would cut an astral character in half', () => {
    const text = 'a😀b𠀋c';
    expect(normalizeRange(text, 2, 5)).toEqual({ start: 1, end: 6 });
    expect(describeRange(text, 2, 5).quote.exact).toBe('😀b𠀋');
    expect(normalizeRange(text, 9, -2)).toEqual({ start: 0, end: text.length });
  });

  it('takes shorter context at the ends of the text', () => {
    const anchor = describeRange('Iraq and Iran', 0, 4);
    expect(anchor.quote).toEqual({ exact: 'Iraq', prefix: '', suffix: ' and Iran' });
  });

  it('reads a position back, and recognises an unchanged quote', () => {
    const text = 'x 👍🏽 the 2023 security agreement 𩸽';
    const index = indexCodePoints(text);
    const start = text.indexOf('the 2023');
    const anchor = describeRange(text, start, start + 27, index);
    expect(positionToRange(anchor.position, index)).toEqual({ start, end: start + 27 });
    expect(rangeFromAnchor(text, anchor)).toEqual({ start, end: start + 27 });
    expect(rangeFromAnchor(text.replace('2023', '2024'), anchor)).toBeNull();
  });

  it('round-trips every word-aligned range of random mixed text', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.nat(), (seed, a, b) => {
        const text = randomWords(seeded(seed), 60, MIXED_WORDS);
        const index = indexCodePoints(text);
        const chars = index.codePointLength;
        const [from, to] = [a % (chars + 1), b % (chars + 1)].sort((x, y) => x - y) as [number, number];
        const anchor = describeRange(text, index.toUtf16(from), index.toUtf16(to), index);
        expect(anchor.position).toEqual({ start: from, end: to });
        expect(Array.from(text).slice(from, to).join('')).toBe(anchor.quote.exact);
        expect(anchor.quote.prefix + anchor.quote.exact + anchor.quote.suffix).toBe(Array.from(text).slice(Math.max(0, from - 32), to + 32).join(''));
        expect(rangeFromAnchor(text, anchor, index)).toEqual({ start: index.toUtf16(from), end: index.toUtf16(to) });
      }),
      { numRuns: 300 },
    );
  });
});
