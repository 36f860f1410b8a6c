/**
 * The Markdown report: GitHub-flavoured, readable raw, and a pure function of the project data —
 * the same input and options always give the same bytes (no clock, no locale). Two layouts of the
 * same sections (input.ts `REPORT_LAYOUTS`):
 *
 * - `verdict-first` (the default), as editors publish: title, summary, the claims at a glance, each
 *   claim's fact-check (claim, verdict, conclusion, evidence), then the annotated text, the notes outside the claims,
 *   sources, the documents' details, text damage, changes to the source text, methodology and
 *   corrections;
 * - `audit`, documents first: title and documents, summary, claims table, annotated text, each
 *   claim's section, notes, sources, text damage, changes, methodology and corrections.
 */
import type { ReportInput, ReportOptions } from '../input.js';
import { annotatedText } from './annotated-text.js';
import { claimSection } from './claim-section.js';
import { reportContext, type ReportContext } from './context.js';
import { correctionsSection } from './corrections.js';
import { damageSection } from './damage.js';
import { escapeCell } from './escape.js';
import { documentsSection, titleSection } from './header.js';
import { methodologySection } from './methodology.js';
import { notesSection } from './notes.js';
import { revisionsSection } from './revisions.js';
import { sourcesSection } from './sources.js';
import { claimsTableSection, summarySection } from './summary.js';

/** The annotated text of every document (or its excerpts), under its own heading. */
function textSection(context: ReportContext): string[] {
  const { documents } = context.input;
  return [`## ${context.options.text === 'full' ? 'Annotated text' : 'Excerpts'}`, ...documents.flatMap((document) => [`### Text: ${escapeCell(document.title)}`, ...annotatedText(document, context)])];
}

/** Each claim's section, under `heading`; nothing without claims. */
function claimsSection(context: ReportContext, heading: string): string[] {
  return context.claims.length === 0 ? [] : [heading, ...context.claims.flatMap((claim) => claimSection(claim, context))];
}

/** The sections in the layout's order. */
function sections(context: ReportContext): string[] {
  const closing = [...damageSection(context), ...revisionsSection(context), ...methodologySection(context), ...correctionsSection(context)];
  if (context.options.layout === 'audit') {
    return [
      ...titleSection(context),
      ...documentsSection(context),
      ...summarySection(context),
      ...claimsTableSection(context),
      ...textSection(context),
      ...claimsSection(context, '## Claim details'),
      ...notesSection(context),
      ...sourcesSection(context),
      ...closing,
    ];
  }
  return [
    ...titleSection(context),
    ...summarySection(context),
    ...claimsTableSection(context),
    ...claimsSection(context, '## Fact-checks'),
    ...textSection(context),
    ...notesSection(context),
    ...sourcesSection(context),
    ...documentsSection(context),
    ...closing,
  ];
}

/** Writes the report; blocks are separated by one blank line and the file ends with a newline. */
export function markdownReport(input: ReportInput, options: ReportOptions): string {
  return `${sections(reportContext(input, options)).join('\n\n')}\n`;
}
