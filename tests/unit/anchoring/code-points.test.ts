/**
 * UTF-16 ↔ code-point offsets: astral characters (emoji, rare CJK) count once in code points and
 * twice in UTF-16; Arabic diacritics and the Persian ZWNJ are ordinary BMP characters (one each in
 * both units) and must not be merged or dropped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePointsAfter, codePointsBefore, indexCodePoints, snapToCharBoundary } from '../../../shared/anchoring/index.js';
import { codePointLength } from '../../../shared/text.js';

/** The reference: Array.from splits a string into code points. */
function referenceToCodePoint(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}

const SAMPLES: Record<string, string> = {
  ascii: 'The 2023 security agreement',
  thumbsSkinTone: 'ok 👍🏽 done', // U+1F44D U+1F3FD: two astral code points
  familyZwj: 'a👨‍👩‍👧b', // man ZWJ woman ZWJ girl: 5 code points, 8 UTF-16 units
  rareCjk: '𠀋𩸽 and 𠮷野家', // astral ideographs beside BMP ones
  arabicDiacritics: 'العِرَاق وَإِيرَان', // harakat are separate BMP code points
  persianZwnj: 'می‌خواهم نمی‌دانم', // U+200C zero-width non-joiner inside words
  mixed: 'Iraq 🇮🇶 العراق 𠀋 می‌خواهم 👨‍👩‍👧 end',
};

describe('code-point index', () => {
  it.each(Object.entries(SAMPLES))('agrees with Array.from at every offset: %s', (_name, text) => {
    const index = indexCodePoints(text);
    expect(index.utf16Length).toBe(text.length);
    expect(index.codePointLength).toBe(Array.from(text).length);
    expect(index.codePointLength).toBe(codePointLength(text));
    for (let u = 0; u <= text.length; u++) {
      const inPair = u > 0 && u < text.length && snapToCharBoundary(text, u, -1) !== u;
      expect(index.toCodePoint(u)).toBe(referenceToCodePoint(text, inPair ? u - 1 : u));
    }
    const chars = Array.from(text);
    let u = 0;
    for (let c = 0; c <= chars.length; c++) {
      expect(index.toUtf16(c)).toBe(u);
      u += chars[c]?.length ?? 0;
    }
  });

  it('counts emoji sequences by code point, not by grapheme', () => {
    expect(indexCodePoints('👍🏽').codePointLength).toBe(2);
    expect(indexCodePoints('👨‍👩‍👧').codePointLength).toBe(5);
    expect(indexCodePoints('👨‍👩‍👧').utf16Length).toBe(8);
    expect(indexCodePoints('🇮🇶').codePointLength).toBe(2);
  });

  it('keeps Arabic diacritics and the ZWNJ as one code point each', () => {
    const arabic = 'العِرَاق';
    expect(indexCodePoints(arabic).codePointLength).toBe(arabic.length);
    const persian = 'می‌خواهم';
    expect(persian).toContain('\u200c');
    expect(indexCodePoints(persian).toUtf16(3)).toBe(3);
  });

  it('rounds an offset inside a surrogate pair down, and clamps out-of-range offsets', () => {
    const index = indexCodePoints('a𠀋b');
    expect(index.toCodePoint(2)).toBe(1);
    expect(index.toCodePoint(3)).toBe(2);
    expect(index.toCodePoint(-5)).toBe(0);
    expect(index.toCodePoint(99)).toBe(3);
    expect(index.toUtf16(99)).toBe(4);
    expect(index.toUtf16(-1)).toBe(0);
  });

  it('treats a lone surrogate as one code point, like codePointLength', () => {
    const broken = 'a\ud800b\udc00c';
    const index = indexCodePoints(broken);
    expect(index.codePointLength).toBe(5);
    expect(index.codePointLength).toBe(codePointLength(broken));
    expect(index.toUtf16(4)).toBe(4);
  });

  it('round-trips on random strings mixing BMP, astral and broken surrogates', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', ' ', '\n', 'ع', 'ِ', '\u200c', '中'),
      fc.constantFrom('👍', '🏽', '𠀋', '𩸽', '\u200d'),
      fc.constantFrom('\ud800', '\udc00'),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 60 }), (pieces) => {
        const text = pieces.join('');
        const index = indexCodePoints(text);
        for (let c = 0; c <= index.codePointLength; c++) expect(index.toCodePoint(index.toUtf16(c))).toBe(c);
        for (let u = 0; u <= text.length; u++) expect(index.toCodePoint(u)).toBe(referenceToCodePoint(text, snapToCharBoundary(text, u, -1)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('stepping by code points', () => {
  it('never stops inside an astral character', () => {
    const text = '𠀋👍🏽x';
    expect(codePointsAfter(text, 0, 1)).toBe(2);
    expect(codePointsAfter(text, 0, 3)).toBe(6);
    expect(codePointsAfter(text, 0, 99)).toBe(text.length);
    expect(codePointsBefore(text, text.length, 2)).toBe(4);
    expect(codePointsBefore(text, text.length, 4)).toBe(0);
    expect(codePointsBefore(text, 3, 99)).toBe(0);
  });

  it('snaps to the nearer side of a pair as asked', () => {
    expect(snapToCharBoundary('a😀b', 2, -1)).toBe(1);
    expect(snapToCharBoundary('a😀b', 2, 1)).toBe(3);
    expect(snapToCharBoundary('a😀b', 1, 1)).toBe(1);
    expect(snapToCharBoundary('a😀b', 0, -1)).toBe(0);
  });
});
