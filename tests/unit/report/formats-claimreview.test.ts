/** The ClaimReview export against Google's required fields, and what it leaves out. */
import { describe, expect, it } from 'vitest';
import { claimReviews } from '../../../shared/report/claim-review.js';
import type { Organisation } from '../../../shared/report/input.js';
import { options, reportInput } from './formats.fixture.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const graph = (patch = {}, organisation?: Organisation) => (JSON.parse(claimReviews({ ...reportInput(), ...(organisation ? { organisation } : {}) }, options(patch))) as Json)['@graph'] as Json[];
const FACT_DESK: Organisation = { name: 'Fact Desk', url: 'https://factdesk.example.org/' };

/** Google's required ClaimReview fields, with `author` of the type given. */
function expectRequiredFields(review: Json, authorType: 'Person' | 'Organization'): void {
  expect(review['@type']).toBe('ClaimReview');
  expect(typeof review.claimReviewed === 'string' && review.claimReviewed !== '').toBe(true);
  expect(review.reviewRating['@type']).toBe('Rating');
  expect(typeof review.reviewRating.alternateName === 'string' && review.reviewRating.alternateName !== '').toBe(true);
  expect(review.url).toMatch(/^urn:factmark:project:p1:claim:C\d+$/);
  expect(review.author).toMatchObject({ '@type': authorType, name: expect.any(String) });
  expect(review.author.name).not.toBe('');
  expect(review.itemReviewed['@type']).toBe('Claim');
  expect(review.datePublished).toBe('2026-11-27');
}

describe('ClaimReview export', () => {
  it('has every field Google requires on every review: claimReviewed, reviewRating with alternateName, url, author, itemReviewed', () => {
    const reviews = graph();
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) expectRequiredFields(review, 'Person');
  });

  it('names the publishing organisation as the author (Organization with name and url) and the analyst as contributor', () => {
    const reviews = graph({}, FACT_DESK);
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expectRequiredFields(review, 'Organization');
      expect(review.author).toEqual({ '@type': 'Organization', name: 'Fact Desk', url: 'https://factdesk.example.org/' });
      expect(review.contributor).toEqual({ '@type': 'Person', name: 'Sara Ahmed' });
    }
    expect(graph()[0]!.contributor).toBeUndefined();
  });

  it('leaves out an organisation address that is not a web address, and an organisation without a name', () => {
    expect(graph({}, { name: 'Fact Desk', url: 'javascript:alert(1)' })[0]!.author).toEqual({ '@type': 'Organization', name: 'Fact Desk' });
    expect(graph({}, { name: 'Fact Desk', url: '' })[0]!.author).toEqual({ '@type': 'Organization', name: 'Fact Desk' });
    expect(graph({}, { name: '  ', url: 'https://factdesk.example.org/' })[0]!.author).toEqual({ '@type': 'Person', name: 'Sara Ahmed' });
  });

  it('leaves out claims without a verdict', () => {
    expect(graph().map((review) => review.url)).toEqual(['urn:factmark:project:p1:claim:C1', 'urn:factmark:project:p1:claim:C2', 'urn:factmark:project:p1:claim:C4']);
  });

  it("rates on the scale's values: the level's value between the lowest and highest of the scale", () => {
    const [c1, c2, c4] = graph();
    expect(c1!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Mostly false', ratingValue: 3, bestRating: 6, worstRating: 1, ratingExplanation: 'It fell by 14%, not 40%.' });
    expect(c2!.reviewRating).toMatchObject({ alternateName: 'True', ratingValue: 6 });
    expect(c4!.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable', ratingExplanation: 'No figures were published.' });
  });

  it('names the claim, its claimant, date and appearance', () => {
    const [c1, , c4] = graph();
    expect(c1!.claimReviewed).toBe('Unemployment fell by 40% since 2020.');
    expect(c1!.itemReviewed).toEqual({ '@type': 'Claim', author: { '@type': 'Person', name: 'The minister' }, datePublished: '2026-11-19', appearance: { '@type': 'CreativeWork', url: 'https://news.example.org/speech' } });
    expect(c4!.claimReviewed).toBe('بنسبة أربعين في المئة');
    expect(c4!.itemReviewed.appearance).toEqual({ '@type': 'CreativeWork', '@id': 'urn:factmark:project:p1:document:reply', name: 'الرد' });
  });

  it('follows the chosen statuses, and gives the same bytes each time', () => {
    expect(graph({ statuses: ['inReview'] }).map((review) => review.url)).toEqual(['urn:factmark:project:p1:claim:C2']);
    expect(claimReviews(reportInput(), options())).toBe(claimReviews(reportInput(), options()));
  });
});
