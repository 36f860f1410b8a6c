/**
 * Where the report is published, and so where each claim's fact-check lives: the address the
 * analyst gives for this export, else the project's own. Google's fact-check markup needs it —
 * a ClaimReview's `url` is the page that carries the review — so each claim's review is that
 * page at the claim's section (`https://…/report#c3`, the anchor every reader gives `### C3`).
 */
import { urlProblem } from '../check/fields.js';
import type { ReportInput, ReportOptions } from './input.js';
import { claimAnchor } from './markdown/claim-link.js';

/** The report's web address: the option's, else the project's; '' when neither is a valid http(s) address. */
export function reportAddress(input: ReportInput, options: ReportOptions): string {
  const given = (options.reportUrl ?? '').trim() || input.project.reportUrl.trim();
  return given !== '' && urlProblem(given) === null ? given : '';
}

/** The address of one claim's section of the report at `address` (its own fragment replaced). */
export function claimAddress(address: string, shortId: string): string {
  const hash = address.indexOf('#');
  return `${hash < 0 ? address : address.slice(0, hash)}#${claimAnchor(shortId)}`;
}
