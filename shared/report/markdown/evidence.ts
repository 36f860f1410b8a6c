/**
 * A claim's evidence as a table: stance, source (its number in the report, linked to its entry),
 * the Admiralty code of the information, and what it says — the excerpt quoted from the source and,
 * for evidence that points at words of another document of the project, those words and which
 * document holds them.
 */
import { admiraltyCode } from '../../check/admiralty.js';
import type { Claim } from '../../model/annotation.js';
import type { Evidence } from '../../model/evidence.js';
import { STANCE_LABELS } from '../labels.js';
import type { ReportContext } from './context.js';
import { escapeCell } from './escape.js';
import { table } from './summary.js';

/** The title a span's document is named by when it is no longer in the project. */
export const GONE_DOCUMENT = 'a document no longer in the project';

/** What the evidence says: its excerpt, then the words of another document it points at (`in “Title”: “words”`). */
function saying(item: Evidence, context: ReportContext): string {
  const parts = item.excerpt === '' ? [] : [escapeCell(item.excerpt)];
  if (item.documentSpan !== null) {
    const title = context.documentTitles.get(item.documentSpan.documentId);
    const where = title === undefined ? GONE_DOCUMENT : `“${escapeCell(title)}”`;
    parts.push(`in ${where}: “${escapeCell(item.documentSpan.anchor.quote.exact)}”`);
  }
  return parts.join(' — ');
}

/** The "Evidence" table of a claim, or a line saying it has none. */
export function evidenceTable(claim: Claim, context: ReportContext): string {
  if (claim.evidence.length === 0) return 'No evidence recorded.';
  const rows = claim.evidence.map((item) => {
    const source = context.sources.get(item.sourceId);
    const number = context.sourceNumbers.get(item.sourceId) ?? '';
    const withheld = source?.withhold === true && context.options.anonymiseWithheld;
    const name = !source ? 'missing from the library' : withheld ? 'withheld' : escapeCell(source.title);
    return [STANCE_LABELS[item.stance], `[${number}](#${number.toLowerCase()}) ${name}`, source ? admiraltyCode(source.reliability, item.credibility) : String(item.credibility), saying(item, context)];
  });
  return table(['Stance', 'Source', 'Admiralty', 'Excerpt'], rows);
}
