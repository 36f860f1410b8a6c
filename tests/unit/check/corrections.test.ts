/** The corrections log: which changes of a claim are corrections, and what an entry records. */
import { describe, expect, it } from 'vitest';
import { needsCorrection, withCorrection } from '../../../shared/check/corrections.js';
import { Claim } from '../../../shared/model/annotation.js';
import { claim } from './claim-fixtures.js';

const TRUE = { levelId: 'true', special: null, conclusion: 'Since 2003.' };
const FALSE = { levelId: 'false', special: null, conclusion: 'Since 2003.' };

describe('needsCorrection', () => {
  it('is true when a done claim changes its level, special outcome or conclusion', () => {
    const done = claim({ status: 'done', verdict: TRUE });
    expect(needsCorrection(done, { ...done, verdict: FALSE })).toBe(true);
    expect(needsCorrection(done, { ...done, verdict: { ...TRUE, levelId: null, special: 'outdated' } })).toBe(true);
    expect(needsCorrection(done, { ...done, verdict: { ...TRUE, conclusion: 'Since 2003, 21 years.' } })).toBe(true);
  });

  it('is false while the claim is not done yet, or when something other than the verdict changes', () => {
    const inReview = claim({ status: 'inReview', verdict: TRUE });
    expect(needsCorrection(inReview, { ...inReview, verdict: FALSE, status: 'done' })).toBe(false);
    const done = claim({ status: 'done', verdict: TRUE });
    expect(needsCorrection(done, { ...done, restatement: 'Twenty-one years of ties', status: 'inReview' })).toBe(false);
  });
});

describe('withCorrection', () => {
  it('appends the date, the verdict before and after, the trimmed reason and the analyst, keeping earlier entries', () => {
    const done = claim({ status: 'done', verdict: TRUE });
    const first = withCorrection(done, { ...done, verdict: FALSE }, '  The agreement was signed in 2003. ', '2026-11-28T09:00:00.000Z', 'R. Haddad');
    expect(first.verdict).toEqual(FALSE);
    expect(first.corrections).toEqual([{ at: '2026-11-28T09:00:00.000Z', before: TRUE, after: FALSE, reason: 'The agreement was signed in 2003.', analyst: 'R. Haddad' }]);
    // The claim's own analyst, when it has one, is who made the correction.
    const second = withCorrection(first, { ...first, verdict: TRUE, analyst: 'S. Karimi' }, 'Reverted after review.', '2026-11-29T09:00:00.000Z', 'R. Haddad');
    expect(second.corrections.map((c) => [c.reason, c.analyst])).toEqual([['The agreement was signed in 2003.', 'R. Haddad'], ['Reverted after review.', 'S. Karimi']]);
    // What it returns is a valid claim for the model (the store validates it the same way).
    expect(() => Claim.parse(second)).not.toThrow();
  });
});
