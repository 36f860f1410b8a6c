/**
 * The two JSON-LD exports read by a real JSON-LD processor (jsonld.js) with the real contexts —
 * the W3C Web Annotation context and schema.org's, bundled in tests/fixtures/jsonld/ (nothing is
 * fetched) — in safe mode, which fails on any term the contexts cannot expand instead of dropping
 * it silently: Factmark's own W3C terms must expand under its namespace, the W3C `creator` and the
 * schema.org types to their vocabularies.
 */
import { readFileSync } from 'node:fs';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { claimReviews } from '../../../shared/report/claim-review.js';
import { webAnnotations } from '../../../shared/report/w3c.js';
import { claimOf, options, reportInput } from './formats.fixture.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/jsonld/${name}`, import.meta.url), 'utf8'));

/** The contexts the exports name, as their publishers serve them. */
const CONTEXTS: Record<string, unknown> = {
  'http://www.w3.org/ns/anno.jsonld': fixture('anno.jsonld'),
  'https://schema.org': fixture('schemaorg-context.jsonld'),
};

/** A document loader that serves only the bundled contexts, and refuses every other address. */
async function documentLoader(url: string) {
  const document = CONTEXTS[url];
  if (document === undefined) throw new Error(`the test loads no ${url}`);
  return { contextUrl: undefined, documentUrl: url, document };
}

type Node = Record<string, unknown[]>;
const expand = async (text: string): Promise<Node[]> => (await jsonld.expand(JSON.parse(text) as object, { documentLoader, safe: true } as object)) as unknown as Node[];

const OA = 'http://www.w3.org/ns/oa#';
const FM = 'https://factmark.org/ns#';
const FOAF = 'http://xmlns.com/foaf/0.1/';
const SCHEMA = 'http://schema.org/';

/** The fixture with an organisation as claimant, for both exports. */
function input() {
  const made = reportInput();
  Object.assign(claimOf(made, 'a-unemployment'), { claimant: 'City council', claimantKind: 'organization' });
  return made;
}

describe('the W3C export expanded with the W3C context', () => {
  it('expands every term, Factmark\'s own under its namespace, the analyst as dcterms:creator', async () => {
    const [collection] = await expand(webAnnotations(input(), options()));
    const page = collection!['http://www.w3.org/ns/activitystreams#first']![0] as Node;
    const items = (page['http://www.w3.org/ns/activitystreams#items']![0] as { '@list': Node[] })['@list'];
    const claim = items.find((item) => item['@id'] as unknown === 'urn:factmark:project:p1:annotation:a-unemployment')!;
    expect(claim['@type']).toEqual([`${OA}Annotation`]);
    expect(claim['http://purl.org/dc/terms/creator']).toEqual([{ '@type': [`${FOAF}Person`], [`${FOAF}name`]: [{ '@value': 'Sara Ahmed' }] }]);
    expect(claim[`${FM}claimant`]).toEqual([{ '@type': [`${FOAF}Organization`], [`${FOAF}name`]: [{ '@value': 'City council' }] }]);
    expect(claim[`${FM}claimKind`]).toEqual([{ '@value': 'statistic' }]);
    expect(claim[`${FM}status`]).toEqual([{ '@value': 'done' }]);
    expect(claim[`${FM}appearance`]).toEqual([{ '@id': 'https://news.example.org/speech', [`${FM}date`]: [{ '@value': '2026-11-19' }] }]);
  });

  it('fails in safe mode on a term no context defines (the check is live)', async () => {
    const broken = JSON.parse(webAnnotations(input(), options())) as Record<string, unknown>;
    broken.claimant = 'x';
    await expect(expand(JSON.stringify(broken))).rejects.toThrow();
  });
});

describe('the ClaimReview export expanded with the schema.org context', () => {
  it('expands every term to schema.org: the review, its rating, the claim and its author as an Organization', async () => {
    const graph = await expand(claimReviews(input(), options({ reportUrl: 'https://factdesk.example.org/checks/election' })));
    const review = graph.find((node) => node['@id'] as unknown === 'https://factdesk.example.org/checks/election#c1')!;
    expect(review['@type']).toEqual([`${SCHEMA}ClaimReview`]);
    expect(review[`${SCHEMA}datePublished`]).toEqual([{ '@type': `${SCHEMA}Date`, '@value': '2026-11-21' }]);
    const claim = review[`${SCHEMA}itemReviewed`]![0] as Node;
    expect(claim['@type']).toEqual([`${SCHEMA}Claim`]);
    expect((claim[`${SCHEMA}author`]![0] as Node)['@type']).toEqual([`${SCHEMA}Organization`]);
    expect((review[`${SCHEMA}reviewRating`]![0] as Node)[`${SCHEMA}alternateName`]).toEqual([{ '@value': 'Mostly false' }]);
  });
});
