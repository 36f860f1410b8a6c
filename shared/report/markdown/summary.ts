/** The summary (how many claims reached each verdict) and the table of all reported claims. */
import { verdictLabel } from '../../model/queries.js';
import { claimLink } from './claim-link.js';
import type { ReportContext } from './context.js';
import { escapeCell } from './escape.js';

/** A GFM table from a header row and body rows of already-escaped cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Counts by verdict, in order of first appearance among the claims (the claims' own order). */
export function summarySection(context: ReportContext): string[] {
  const counts = new Map<string, number>();
  for (const { claim } of context.claims) {
    const label = verdictLabel(claim.verdict, context.input.project);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const total = context.claims.length;
  const intro = `${total} ${total === 1 ? 'claim' : 'claims'} in ${context.input.documents.length} ${context.input.documents.length === 1 ? 'document' : 'documents'}.`;
  if (total === 0) return ['## Summary', intro];
  return ['## Summary', intro, table(['Verdict', 'Claims'], [...counts].map(([label, count]) => [escapeCell(label), String(count)]))];
}

/** One row per claim: ID (linked to its section), the words, claimant, verdict, number of pieces of evidence. */
export function claimsTableSection(context: ReportContext): string[] {
  if (context.claims.length === 0) return [];
  const rows = context.claims.map(({ claim }) => [
    claimLink(claim.shortId),
    escapeCell(claim.anchor.quote.exact),
    escapeCell(claim.claimant),
    escapeCell(verdictLabel(claim.verdict, context.input.project)),
    String(claim.evidence.length),
  ]);
  return ['## Claims', table(['ID', 'Claim', 'Claimant', 'Verdict', 'Evidence'], rows)];
}
