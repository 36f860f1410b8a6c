/** A quote's context in the report is cut to whole words, unless it already reaches the text's start or end. */
import { describe, expect, it } from 'vitest';
import { wholeWordContext } from '../../../shared/report/markdown/claim-section.js';

describe('wholeWordContext', () => {
  it('drops the words cut in two at either end and marks the cut', () => {
    const prefix = 'rime Minister Mohammed Shia Al-S'; // 32 code points, cut mid-word at both ends
    const suffix = ' said on Wednesday that the gover';
    expect(wholeWordContext(prefix, suffix)).toEqual({ prefix: '… Minister Mohammed Shia Al-S', suffix: ' said on Wednesday that the …' });
  });

  it('keeps context that reaches the start or end of the text, or starts and ends on a space', () => {
    expect(wholeWordContext('In a ', ' meeting.')).toEqual({ prefix: 'In a ', suffix: ' meeting.' });
    const spaced = ' the ministry said that exports ';
    expect(wholeWordContext(spaced, spaced)).toEqual({ prefix: spaced, suffix: spaced });
  });

  it('counts code points, so emoji do not make short context look cut', () => {
    const emoji = '😀'.repeat(20);
    expect(wholeWordContext(emoji, emoji)).toEqual({ prefix: emoji, suffix: emoji });
  });
});
