/**
 * The Markdown report: GitHub-flavoured, readable raw, and a pure function of the project data —
 * the same input and options always give the same bytes (no clock, no locale). Sections in order:
 * title and documents, analyst and date, summary, claims table, annotated text, one section per
 * claim, the notes outside the claims, sources, text damage, changes to the source text,
 * methodology, corrections.
 */
import type { ReportInput, ReportOptions } from '../input.js';
import { annotatedText } from './annotated-text.js';
import { claimSection } from './claim-section.js';
import { reportContext } from './context.js';
import { correctionsSection } from './corrections.js';
import { damageSection } from './damage.js';
import { escapeCell } from './escape.js';
import { headerSection } from './header.js';
import { methodologySection } from './methodology.js';
import { notesSection } from './notes.js';
import { revisionsSection } from './revisions.js';
import { sourcesSection } from './sources.js';
import { claimsTableSection, summarySection } from './summary.js';

/** Writes the report; blocks are separated by one blank line and the file ends with a newline. */
export function markdownReport(input: ReportInput, options: ReportOptions): string {
  const context = reportContext(input, options);
  const blocks: string[] = [
    ...headerSection(context),
    ...summarySection(context),
    ...claimsTableSection(context),
    `## ${options.text === 'full' ? 'Annotated text' : 'Excerpts'}`,
    ...input.documents.flatMap((document) => [`### Text: ${escapeCell(document.title)}`, ...annotatedText(document, context)]),
    ...(context.claims.length > 0 ? ['## Claim details'] : []),
    ...context.claims.flatMap((claim) => claimSection(claim, context)),
    ...notesSection(context),
    ...sourcesSection(context),
    ...damageSection(context),
    ...revisionsSection(context),
    ...methodologySection(context),
    ...correctionsSection(context),
  ];
  return `${blocks.join('\n\n')}\n`;
}
