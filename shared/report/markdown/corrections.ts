/** The corrections log (IFCN: corrections, with dates): every change of a verdict after it was reached, oldest first. */
import { claimLink } from './claim-link.js';
import type { ReportContext } from './context.js';
import { formatDate } from './dates.js';
import { escapeCell } from './escape.js';
import { table } from './summary.js';
import { verdictText } from './verdict.js';

/** The "Corrections" section. */
export function correctionsSection(context: ReportContext): string[] {
  const entries = context.claims.flatMap(({ claim }, order) => claim.corrections.map((correction) => ({ claim, correction, order })));
  if (entries.length === 0) return ['## Corrections', 'No corrections.'];
  entries.sort((a, b) => (a.correction.at < b.correction.at ? -1 : a.correction.at > b.correction.at ? 1 : a.order - b.order));
  const rows = entries.map(({ claim, correction }) => [
    formatDate(correction.at),
    claimLink(claim.shortId),
    escapeCell(verdictText(correction.before, context.input.project)),
    escapeCell(verdictText(correction.after, context.input.project)),
    escapeCell(correction.reason),
  ]);
  return ['## Corrections', table(['Date', 'Claim', 'Before', 'After', 'Reason'], rows)];
}
