/**
 * What the analyst has chosen in the export dialog — format, documents, options (the layout among
 * them), analyst, publishing organisation, the address the report is published at — and the request
 * for the main process it makes.
 */
import type { ReportRequest } from '../../../shared/contract.js';
import { urlProblem } from '../../../shared/check/fields.js';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report/input.js';
import { rememberedAnalyst } from '../../analyst-memory.js';
import { rememberedOrganisation } from './organisation-memory.js';

/** The export dialog's choices. */
export interface ReportDraft {
  /** An id of REPORT_FORMATS. */
  format: string;
  /** Every document of the project, or only those in `documentIds`. */
  allDocuments: boolean;
  /** The chosen documents, in the project's order. */
  documentIds: string[];
  options: ReportOptions;
  analyst: string;
  /** The fact-checking organisation publishing the report ('' for none) and its web address. */
  organisation: string;
  organisationUrl: string;
  /** Where the report is published ('' for not yet): ClaimReview's `url`, saved with the project. */
  reportUrl: string;
}

/**
 * The choices the dialog opens with: the Markdown report of everything, verdict first, by the
 * analyst and organisation last named on this machine, at the project's report address.
 */
export function initialDraft(reportUrl = ''): ReportDraft {
  const organisation = rememberedOrganisation();
  return { format: 'md', allDocuments: true, documentIds: [], options: DEFAULT_REPORT_OPTIONS, analyst: rememberedAnalyst(), organisation: organisation.name, organisationUrl: organisation.url, reportUrl };
}

/** Why the draft cannot be exported, or null when it can. */
export function draftProblem(draft: ReportDraft): string | null {
  if (!draft.allDocuments && draft.documentIds.length === 0) return 'Choose at least one document, or report on all of them.';
  if (draft.organisationUrl.trim() !== '' && draft.organisation.trim() === '') return 'Name the organisation whose web address is given.';
  const problem = urlProblem(draft.organisationUrl);
  if (problem !== null) return `Organisation's web address: ${problem}`;
  const address = urlProblem(draft.reportUrl);
  return address === null ? null : `The report's web address: ${address}`;
}

/** Whether ClaimReview, chosen without a report address, would name each review by a `urn:factmark:` id no search engine publishes. */
export function claimReviewLacksAddress(draft: ReportDraft): boolean {
  return draft.format === 'claimreview' && draft.reportUrl.trim() === '';
}

/** The request for `format` (the draft's own by default): no document listed means all of them. */
export function reportRequest(draft: ReportDraft, format = draft.format): ReportRequest {
  const options = { ...draft.options, reportUrl: draft.reportUrl.trim() };
  const request: ReportRequest = { format, documentIds: draft.allDocuments ? [] : draft.documentIds, options, analyst: draft.analyst.trim() };
  if (draft.organisation.trim() !== '') request.organisation = { name: draft.organisation.trim(), url: draft.organisationUrl.trim() };
  return request;
}

/** The items of `order` that are in `chosen` after `item` is added or removed, in `order`'s order. */
export function toggleIn<T>(order: readonly T[], chosen: readonly T[], item: T): T[] {
  const next = new Set(chosen);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return order.filter((value) => next.has(value));
}
