/** A quote's context in the report is cut to whole words, unless it already reaches the text's start or end. */
import { describe, expect, it } from 'vitest';
import { wholeWordContext } from '../../../shared/report/markdown/quote.js';

describe('wholeWordContext', () => {
  it('drops the words cut in two at either end and marks the cut', () => {
    const prefix = 'rime Minister Mohammed Shia Al-S'; // 32 code points, cut mid-word at both ends
    const suffix = ' said on Wednesday that the gover';
    expect(wholeWordContext(prefix, suffix)).toEqual({ prefix: '… Minister Mohammed Shia Al-S', suffix: ' said on Wednesday that the …' });
  });

  it('keeps context that reaches the start or end of the text', () => {
    expect(wholeWordContext('In a ', ' meeting.')).toEqual({ prefix: 'In a ', suffix: ' meeting.' });
  });

  it('marks a cut that falls on a space too, leaving no blank at the edge of the quote (which Markdown would need as &#32;)', () => {
    const spaced = ' the ministry said that exports '; // 32 code points, a word boundary at each cut
    expect(wholeWordContext(spaced, spaced)).toEqual({ prefix: '… the ministry said that exports ', suffix: ' the ministry said that exports …' });
    expect(wholeWordContext('x'.repeat(32), 'y'.repeat(32))).toEqual({ prefix: '… ', suffix: ' …' });
  });

  it('counts code points, so emoji do not make short context look cut', () => {
    const emoji = '😀'.repeat(20);
    expect(wholeWordContext(emoji, emoji)).toEqual({ prefix: emoji, suffix: emoji });
  });
});
