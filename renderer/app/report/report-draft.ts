/**
 * What the analyst has chosen in the export dialog — format, documents, options, analyst — and the
 * request for the main process it makes.
 */
import type { ReportRequest } from '../../../shared/contract.js';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report/input.js';
import { rememberedAnalyst } from '../annotations/claim/analyst-memory.js';

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
}

/** The choices the dialog opens with: the Markdown report of everything, by the analyst last named on this machine. */
export function initialDraft(): ReportDraft {
  return { format: 'md', allDocuments: true, documentIds: [], options: DEFAULT_REPORT_OPTIONS, analyst: rememberedAnalyst() };
}

/** Why the draft cannot be exported, or null when it can. */
export function draftProblem(draft: ReportDraft): string | null {
  return !draft.allDocuments && draft.documentIds.length === 0 ? 'Choose at least one document, or report on all of them.' : null;
}

/** The request for `format` (the draft's own by default): no document listed means all of them. */
export function reportRequest(draft: ReportDraft, format = draft.format): ReportRequest {
  return { format, documentIds: draft.allDocuments ? [] : draft.documentIds, options: draft.options, analyst: draft.analyst.trim() };
}

/** The items of `order` that are in `chosen` after `item` is added or removed, in `order`'s order. */
export function toggleIn<T>(order: readonly T[], chosen: readonly T[], item: T): T[] {
  const next = new Set(chosen);
  if (next.has(item)) next.delete(item);
  else next.add(item);
  return order.filter((value) => next.has(value));
}
