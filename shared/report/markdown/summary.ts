/** The summary (how many claims reached each verdict) and the table of all reported claims. */
import type { Verdict } from '../../model/annotation.js';
import { verdictLabel, verdictLevel } from '../../model/queries.js';
import { SPECIAL_OUTCOMES } from '../../model/vocabulary.js';
import { claimLink } from './claim-link.js';
import type { ReportContext } from './context.js';
import { escapeCell } from './escape.js';

/** A GFM table from a header row and body rows of already-escaped cells. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/**
 * Where a verdict sits in the summary, as a key compared part by part: the active scale's levels in
 * the scale's order (true to false, as the scale lists them), then levels of other scales, the
 * special outcomes, a level no scale has, conclusions only, and claims without a verdict last.
 */
function rank(verdict: Verdict, context: ReportContext): [number, number, number] {
  const { project } = context.input;
  if (verdict.special !== null) return [2, 0, SPECIAL_OUTCOMES.indexOf(verdict.special)];
  const found = verdictLevel(verdict, project);
  if (found) {
    const level = found.scale.levels.indexOf(found.level);
    return found.scale === context.scale ? [0, 0, level] : [1, project.ratingScales.indexOf(found.scale), level];
  }
  if (verdict.levelId !== null) return [3, 0, 0];
  return verdict.conclusion.trim() === '' ? [5, 0, 0] : [4, 0, 0];
}

const byRank = (a: readonly number[], b: readonly number[]): number => a[0]! - b[0]! || a[1]! - b[1]! || a[2]! - b[2]!;

/** Counts by verdict, in the order of the rating scale (see {@link rank}). */
export function summarySection(context: ReportContext): string[] {
  const counts = new Map<string, { count: number; rank: [number, number, number] }>();
  for (const { claim } of context.claims) {
    const label = verdictLabel(claim.verdict, context.input.project);
    const seen = counts.get(label);
    const own = rank(claim.verdict, context);
    counts.set(label, { count: (seen?.count ?? 0) + 1, rank: seen && byRank(seen.rank, own) <= 0 ? seen.rank : own });
  }
  const total = context.claims.length;
  const intro = `${total} ${total === 1 ? 'claim' : 'claims'} in ${context.input.documents.length} ${context.input.documents.length === 1 ? 'document' : 'documents'}.`;
  if (total === 0) return ['## Summary', intro];
  const rows = [...counts].sort(([, a], [, b]) => byRank(a.rank, b.rank)).map(([label, { count }]) => [escapeCell(label), String(count)]);
  return ['## Summary', intro, table(['Verdict', 'Claims'], rows)];
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
