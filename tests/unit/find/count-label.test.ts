/** The find bar's count in words. */
import { describe, expect, it } from 'vitest';
import { countLabel } from '../../../renderer/editor/find/count-label.js';

const range = { from: 1, to: 4 };

describe('countLabel', () => {
  it('says nothing without a query and "No matches" when nothing matches', () => {
    expect(countLabel('', null)).toBe('');
    expect(countLabel('claim', null)).toBe('No matches');
  });

  it('counts from one, with thousands separated and "+" past the cap', () => {
    expect(countLabel('claim', { index: 2, count: 17, truncated: false, range })).toBe('3 of 17');
    expect(countLabel('a', { index: 0, count: 10_000, truncated: true, range })).toBe('1 of 10,000+');
  });
});
