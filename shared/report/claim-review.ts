/**
 * The schema.org ClaimReview export (https://schema.org/ClaimReview), the markup search engines and
 * fact-check aggregators read: one ClaimReview per included claim that has a verdict, in a JSON-LD
 * `@graph`. The rating carries the verdict's words (`alternateName`, which Google requires) and,
 * when the scale gives values, the level's value between the scale's worst and best; its
 * explanation is the conclusion as plain text (the conclusion is Markdown; ClaimReview has none).
 *
 * `url` (and `@id`) is the published fact-check: the report's web address with the claim's anchor
 * (`https://…/report#c3`, report-address.ts). Without an address they stay `urn:factmark:…` names,
 * which Google cannot publish; the export dialog says so. `datePublished` is the day the verdict
 * was reached (the claim's `verdictAt`), never the day of the export.
 *
 * `author` is the fact-checking organisation that publishes the review, as Google's ClaimReview
 * guidelines ask (an `Organization` with its name and web address), when the report names one; the
 * analyst is then the review's `contributor` (schema.org CreativeWork). Without an organisation
 * the analyst is the `author`, as a `Person`.
 */
import type { Claim } from '../model/annotation.js';
import type { StoredDocument } from '../model/document.js';
import { verdictLevel, verdictName } from '../model/queries.js';
import { hasVerdict } from '../check/claim-rules.js';
import type { ReportInput, ReportOptions } from './input.js';
import { plainMarkdownText } from './markdown/user-markdown.js';
import { printedUrl } from './printed-url.js';
import { claimAddress, reportAddress } from './report-address.js';
import { verdictDate } from './verdict-date.js';
import { reportedClaims } from './select.js';
import { partUrn, webAddressOr } from './urns.js';
import { jsonLdText } from './json-ld-text.js';

type JsonObject = { [key: string]: string | number | JsonObject };

/** The ClaimReview JSON-LD of the report, pretty-printed with a trailing newline; claims without a verdict are left out. */
export function claimReviews(input: ReportInput, options: ReportOptions): string {
  const address = reportAddress(input, options);
  const graph = input.documents.flatMap((document) =>
    reportedClaims(document, options)
      .filter(hasVerdict)
      .map((claim) => claimReview(claim, document, input, address)),
  );
  return jsonLdText({ '@context': 'https://schema.org', '@graph': graph });
}

function claimReview(claim: Claim, document: StoredDocument, input: ReportInput, address: string): JsonObject {
  const url = address === '' ? partUrn(input.project, 'claim', claim.shortId) : claimAddress(address, claim.shortId);
  const review: JsonObject = {
    '@type': 'ClaimReview',
    '@id': url,
    url,
    claimReviewed: claim.restatement.trim() !== '' ? claim.restatement : claim.anchor.quote.exact,
    datePublished: verdictDate(claim),
  };
  const analyst = claim.analyst.trim() !== '' ? claim.analyst : input.analyst;
  const person: JsonObject | null = analyst.trim() !== '' ? { '@type': 'Person', name: analyst } : null;
  const organisation = input.organisation && input.organisation.name.trim() !== '' ? input.organisation : null;
  if (organisation) {
    const author: JsonObject = { '@type': 'Organization', name: organisation.name };
    const url = webAddressOr(organisation.url, '');
    if (url !== '') author.url = url;
    review.author = author;
    if (person) review.contributor = person;
  } else if (person) review.author = person;
  review.reviewRating = rating(claim, input);
  review.itemReviewed = claimReviewed(claim, document, input);
  return review;
}

/** The verdict as a schema.org Rating: its words, its value on the scale when the scale has values, and the conclusion as plain text. */
function rating(claim: Claim, input: ReportInput): JsonObject {
  const explanation = plainMarkdownText(claim.verdict.conclusion);
  const result: JsonObject = { '@type': 'Rating', alternateName: verdictName(claim.verdict, input.project) ?? explanation };
  const found = claim.verdict.special === null ? verdictLevel(claim.verdict, input.project) : null;
  const values = found?.scale.levels.flatMap((level) => (level.value === null ? [] : [level.value])) ?? [];
  if (found && found.level.value !== null) {
    result.ratingValue = found.level.value;
    result.bestRating = Math.max(...values);
    result.worstRating = Math.min(...values);
  }
  if (explanation.trim() !== '') result.ratingExplanation = explanation;
  return result;
}

/**
 * The claim reviewed: who made it (a Person, or an Organization when the claim says its claimant is
 * one), when, and where it appeared — the claim's own appearance, else the document's.
 */
function claimReviewed(claim: Claim, document: StoredDocument, input: ReportInput): JsonObject {
  const item: JsonObject = { '@type': 'Claim' };
  if (claim.claimant.trim() !== '') item.author = { '@type': claim.claimantKind === 'organization' ? 'Organization' : 'Person', name: claim.claimant };
  const date = claim.appearance.date ?? document.meta.published;
  if (date !== null) item.datePublished = date;
  const where = webAddressOr(printedUrl(claim.appearance.url), webAddressOr(printedUrl(document.meta.sourceUrl), ''));
  item.appearance = where !== '' ? { '@type': 'CreativeWork', url: where } : { '@type': 'CreativeWork', '@id': partUrn(input.project, 'document', document.id), name: document.title };
  return item;
}
