/**
 * The corrections log (IFCN: corrections, with dates): every change of a verdict after it was
 * reached, oldest first, one list item each — when, which claim, the verdict before and after, who
 * and why, and, when the conclusion changed, the conclusion before and after as quoted Markdown
 * blocks inside the item (never `<br>` in a table cell, which pandoc's plain and Word outputs drop).
 */
import type { Verdict } from '../../model/annotation.js';
import { verdictLabel } from '../../model/queries.js';
import { claimLink } from './claim-link.js';
import type { ReportContext } from './context.js';
import { formatDate } from './dates.js';
import { escapeInItem, escapeText } from './escape.js';
import { userMarkdownBlocks } from './user-markdown.js';

/** Continuation lines of a list item: indented under its `- ` marker (blank lines left empty). */
function inItem(text: string): string {
  return text.split('\n').map((line) => (line === '' ? '' : `  ${line}`)).join('\n');
}

/** `The conclusion before: none.`, or the words then the conclusion's Markdown blocks as a block quote. */
function quotedConclusion(when: string, verdict: Verdict): string {
  const blocks = userMarkdownBlocks(verdict.conclusion);
  if (blocks.length === 0) return `The conclusion ${when}: none.`;
  return `The conclusion ${when}:\n\n${blocks.join('\n\n').split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')}`;
}

/** The "Corrections" section. */
export function correctionsSection(context: ReportContext): string[] {
  const entries = context.claims.flatMap(({ claim }, order) => claim.corrections.map((correction) => ({ claim, correction, order })));
  if (entries.length === 0) return ['## Corrections', 'No corrections.'];
  entries.sort((a, b) => (a.correction.at < b.correction.at ? -1 : a.correction.at > b.correction.at ? 1 : a.order - b.order));
  const { project } = context.input;
  const label = (verdict: Verdict) => escapeText(verdictLabel(verdict, project), { lineBreak: ' ', startsLine: false, endsLine: false });
  const items = entries.map(({ claim, correction }) => {
    const by = correction.analyst === '' ? '' : `, by ${escapeText(correction.analyst, { lineBreak: ' ', startsLine: false, endsLine: false })}`;
    const parts = [`- **${formatDate(correction.at)}, ${claimLink(claim.shortId)}:** from ${label(correction.before)} to ${label(correction.after)}${by}.`, inItem(`Reason: ${escapeInItem(correction.reason, 0)}`)];
    if (correction.before.conclusion !== correction.after.conclusion) {
      parts.push(inItem(quotedConclusion('before', correction.before)), inItem(quotedConclusion('after', correction.after)));
    }
    return parts.join('\n\n');
  });
  return ['## Corrections', items.join('\n\n')];
}
