/**
 * What every export is a pure function of: the project, its documents (with their annotations)
 * and the moment of export, plus the analyst's choices. Nothing else — no clock, no locale, no
 * file system — so the same project and options always give the same bytes.
 */
import type { CLAIM_STATUSES } from '../model/annotation.js';
import type { StoredDocument } from '../model/document.js';
import type { StoredProject } from '../model/project.js';

/** The fact-checking organisation that publishes the report (ClaimReview's `author`). */
export interface Organisation {
  name: string;
  /** Its web address ('' for none). */
  url: string;
}

/** The data a report is made from. */
export interface ReportInput {
  project: StoredProject;
  /** The documents to report on, in the order the report lists them. */
  documents: readonly StoredDocument[];
  /** When the report was made (ISO timestamp), written into it. */
  generatedAt: string;
  /** Who made it, written into it ('' for nobody named). */
  analyst: string;
  /** Who publishes it, when named. */
  organisation?: Organisation;
}

/**
 * How the report is laid out: `verdict-first` as editors publish a fact-check — each claim with its
 * verdict, conclusion and evidence first, then the annotated text and the method — or `audit`, the
 * record in the order a reviewer checks it: the documents first, then their annotated text, then
 * each claim.
 */
export const REPORT_LAYOUTS = ['verdict-first', 'audit'] as const;
export type ReportLayout = (typeof REPORT_LAYOUTS)[number];

/** What the analyst chose to include. */
export interface ReportOptions {
  /** Claims of these statuses only; empty for all. */
  statuses: readonly (typeof CLAIM_STATUSES)[number][];
  /** Claims carrying at least one of these tags only; empty for all. */
  tagIds: readonly string[];
  /** The whole annotated text, or only the claims' excerpts with their context. */
  text: 'full' | 'excerpts';
  includeNotes: boolean;
  /** The text-damage warnings of each document. */
  includeDamage: boolean;
  /** Sources flagged "withhold" appear as withheld, without their identity. */
  anonymiseWithheld: boolean;
  /** The layout of the Markdown, HTML and PDF report; verdict-first when not given. */
  layout?: ReportLayout;
  /**
   * The web address the report is published at, for ClaimReview's `url` (with each claim's anchor);
   * when not given or empty, the project's own (`reportUrl`, saved from the export dialog).
   */
  reportUrl?: string;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  statuses: [],
  tagIds: [],
  text: 'full',
  includeNotes: true,
  includeDamage: true,
  anonymiseWithheld: true,
  layout: 'verdict-first',
  reportUrl: '',
};
