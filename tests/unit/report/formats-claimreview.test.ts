/**
 * The ClaimReview export against Google's required fields, and what it leaves out; the published
 * fact-check's address as `url`, the claimant as a Person or an Organization, and the verdict's date.
 */
import { describe, expect, it } from 'vitest';
import { withVerdictDate } from '../../../shared/check/corrections.js';
import { claimReviews } from '../../../shared/report/claim-review.js';
import { htmlReport } from '../../../shared/report/html.js';
import type { Organisation, ReportInput } from '../../../shared/report/input.js';
import { claimOf, options, reportInput } from './formats.fixture.js';

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
  expect(review.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
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

const reviewsOf = (input: ReportInput, patch = {}) => (JSON.parse(claimReviews(input, options(patch))) as Json)['@graph'] as Json[];

describe('ClaimReview: the published fact-check', () => {
  const REPORT = 'https://factdesk.example.org/checks/election-2026';

  it("points url and @id at each claim's section of the report's address, given as an option", () => {
    const reviews = reviewsOf(reportInput(), { reportUrl: `${REPORT}#top` });
    expect(reviews.map((review) => [review['@id'], review.url])).toEqual(['c1', 'c2', 'c4'].map((anchor) => [`${REPORT}#${anchor}`, `${REPORT}#${anchor}`]));
  });

  it("points at anchors the published HTML report has: each claim's section heading id", () => {
    const html = htmlReport(reportInput(), options());
    for (const review of reviewsOf(reportInput(), { reportUrl: REPORT })) expect(html).toContain(`id="${String(review.url).split('#')[1]}"`);
  });

  it("takes the project's report address when the export gives none, and keeps urn names (no web address) without one", () => {
    const input = reportInput();
    input.project.reportUrl = REPORT;
    expect(reviewsOf(input)[0]!.url).toBe(`${REPORT}#c1`);
    expect(reviewsOf(reportInput(), { reportUrl: 'javascript:alert(1)' })[0]!.url).toBe('urn:factmark:project:p1:claim:C1');
  });

  it('names an organisation that made the claim as an Organization, a person as a Person', () => {
    const input = reportInput();
    Object.assign(claimOf(input, 'a-unemployment'), { claimant: 'City council', claimantKind: 'organization' });
    const [c1, c2] = reviewsOf(input);
    expect(c1!.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'City council' });
    expect(c2!.itemReviewed.author).toEqual({ '@type': 'Person', name: 'The minister' });
  });

  it('is dated the day the verdict was reached, not the day of the export', () => {
    const input = { ...reportInput(), generatedAt: '2026-12-31T23:00:00.000Z' };
    claimOf(input, 'a-exports').corrections = [{ at: '2026-11-25T08:00:00.000Z', before: { levelId: 'truth-false', special: null, conclusion: '' }, after: { levelId: 'truth-true', special: null, conclusion: '' }, reason: 'New figures.', analyst: '' }];
    expect(reviewsOf(input).map((review) => review.datePublished)).toEqual(['2026-11-21', '2026-11-25', '2026-11-24']);
  });
});

describe('the verdict date a claim records', () => {
  const claim = () => claimOf(reportInput(), 'a-unemployment');
  const AT = '2026-11-28T10:00:00.000Z';

  it('is set when the verdict or its conclusion changes, kept otherwise, and cleared with the verdict', () => {
    const before = claim();
    expect(withVerdictDate(before, { ...before, verdict: { ...before.verdict, levelId: 'truth-false' } }, AT).verdictAt).toBe(AT);
    expect(withVerdictDate(before, { ...before, verdict: { ...before.verdict, conclusion: 'It fell by 14%.' } }, AT).verdictAt).toBe(AT);
    expect(withVerdictDate(before, { ...before, restatement: 'Other words.' }, AT).verdictAt).toBe('2026-11-21T09:30:00.000Z');
    expect(withVerdictDate(before, { ...before, verdict: { levelId: null, special: null, conclusion: '' } }, AT).verdictAt).toBeNull();
  });

  it('is not invented for a verdict reached before dates were kept', () => {
    const old = { ...claim(), verdictAt: null };
    expect(withVerdictDate(old, { ...old, status: 'done' as const }, AT).verdictAt).toBeNull();
    expect(withVerdictDate(null, old, AT).verdictAt).toBe(AT);
  });
});
