/** Finding a quoted claim in a document's text: exact, approximate, and refusing to guess. */
import { describe, expect, it } from 'vitest';
import { findQuote } from '../../../shared/check/find-quote.js';

const TEXT = 'The minister said unemployment fell to 4% last year.\nShe added that “exports doubled since 2020”, according to a UN representative. Exports matter.';

describe('findQuote', () => {
  it('finds the one exact occurrence, ignoring spaces around the quote', () => {
    const found = findQuote(TEXT, ' unemployment fell to 4% last year ');
    expect(found).toMatchObject({ status: 'exact' });
    expect(found.status === 'exact' && TEXT.slice(found.start, found.end)).toBe('unemployment fell to 4% last year');
  });

  it('finds words with straight quotes or a typo approximately, and says which words it took', () => {
    const found = findQuote(TEXT, '"exports doubled since 2020"');
    expect(found.status).toBe('fuzzy');
    expect(found.status === 'fuzzy' && TEXT.slice(found.start, found.end)).toBe('“exports doubled since 2020”');
    const typo = findQuote(TEXT, 'unemployment fel to 4 % last year');
    expect(typo.status === 'fuzzy' && TEXT.slice(typo.start, typo.end)).toBe('unemployment fell to 4% last year');
  });

  it('refuses words that occur in several places, and words that are not there', () => {
    expect(findQuote('one two. one two.', 'one two')).toEqual({ status: 'ambiguous', count: 2 });
    expect(findQuote(TEXT, 'inflation rose to 9% this spring')).toEqual({ status: 'missing' });
    expect(findQuote(TEXT, '   ')).toEqual({ status: 'missing' });
  });
});
