/**
 * One section per claim, headed by its short id so `[C1](#c1)` finds it, in the order an editor
 * publishes a fact-check: the claim (what is checked, the exact words in a block quote with their
 * context, who said it, where and when, what kind of claim it is and why it is worth checking, with
 * any warning that the words may not be what was published), then the verdict and its conclusion
 * (the analyst's Markdown, as Markdown: user-markdown.ts), the evidence, and who checked it, its
 * status and tags, and the notes on its words.
 */
import { damageOnAnchor } from '../../annotations/damage-overlap.js';
import type { Claim } from '../../model/annotation.js';
import { DAMAGE_LABELS } from '../../model/damage.js';
import { verdictLabel } from '../../model/queries.js';
import { spanInOriginal } from '../../revision-text.js';
import { CLAIM_KIND_LABELS, STATUS_LABELS } from '../labels.js';
import { printedUrl } from '../printed-url.js';
import type { ReportContext, ReportedClaim } from './context.js';
import { escapeCell, escapeInItem, escapeParagraph, escapeText } from './escape.js';
import { evidenceTable } from './evidence.js';
import { field } from './header.js';
import { importedWords } from './imported-text.js';
import { quoteBlock, wholeWordContext } from './quote.js';
import { quoteInItem, revisionName } from './revisions.js';
import { userMarkdownBlocks } from './user-markdown.js';

/** Notes whose words overlap the claim's words. */
function notesOn({ claim, document }: ReportedClaim, context: ReportContext): string[] {
  const { start, end } = claim.anchor.position;
  const notes = context.notes.get(document.id) ?? [];
  return notes
    .filter(({ note, onClaim }) => onClaim && note.anchor.position.start < end && note.anchor.position.end > start)
    .map(({ note }) => escapeParagraph(note.body));
}

/**
 * One line per damage warning on the claim's words (shared/annotations/damage-overlap.ts, the rule
 * the card uses): the words may not be what was published. None for an orphan, whose words are gone.
 */
function damageOn({ claim, document }: ReportedClaim): string[] {
  if (claim.orphaned) return [];
  return damageOnAnchor(document, claim.anchor.position).map((w) => field('Damage warning on these words', `${DAMAGE_LABELS[w.kind]}: ${w.message}`));
}

/**
 * A line when revisions changed words of the claim (shared/revision-text.ts `spanInOriginal`): which
 * revisions, and the words as imported, so the reader sees what was published, not only what the
 * text says now. None when no revision touched them, and none for an orphan, whose words are gone.
 */
function changedAfterImport({ claim, document }: ReportedClaim, context: ReportContext): string[] {
  if (claim.orphaned || document.revisions.length === 0) return [];
  const { start, end } = claim.anchor.position;
  const back = spanInOriginal(start, end, document.revisions);
  if (back.changedBy.length === 0) return [];
  const which = back.changedBy.map((revision) => revisionName(revision, document.revisions.indexOf(revision) + 1)).join('; ');
  const imported = context.originals.get(document.id);
  const words = imported ? `as imported they read ${quoteInItem(importedWords(imported, back.start, back.end), 2)}` : 'the words as imported cannot be recovered: the record of changes does not fit the text';
  return [`- **Words changed after import** (${escapeText(which, { lineBreak: '<br>', startsLine: false, endsLine: false })}): ${words}.`];
}

/** Who made the claim, said to be an organisation when it is one. */
function claimant(claim: Claim): string {
  if (claim.claimant === '') return field('Claimant', '');
  return `${field('Claimant', claim.claimant)}${claim.claimantKind === 'organization' ? ' (an organisation)' : ''}`;
}

/** When and where the claim appeared: its date and its address, as far as they are recorded. */
function appeared(claim: Claim): string {
  const { date, url } = claim.appearance;
  const where = printedUrl(url);
  return field('Appeared', [date ?? '', where].filter((part) => part !== '').join(', '));
}

/** The claim itself: the neutral restatement, the quote, and who said it where, when, of what kind and why it matters. */
function theClaim(reported: ReportedClaim, context: ReportContext): string[] {
  const { claim, document } = reported;
  const { quote } = claim.anchor;
  const around = wholeWordContext(quote.prefix, quote.suffix);
  const lines = [
    claimant(claim),
    appeared(claim),
    field('Kind of claim', CLAIM_KIND_LABELS[claim.claimKind]),
    ...(claim.worthChecking.trim() === '' ? [] : [field('Why it is worth checking', claim.worthChecking)]),
    field('Document', document.title),
    ...(claim.orphaned ? ['- **Orphaned:** its words are no longer in the text; the quote is the last known wording.'] : []),
    ...damageOn(reported),
    ...changedAfterImport(reported, context),
  ];
  return [...(claim.restatement.trim() === '' ? [] : [`**Claim:** ${escapeInItem(claim.restatement, 0)}`]), quoteBlock(around.prefix, quote.exact, around.suffix), lines.join('\n')];
}

/** The section of one claim. */
export function claimSection(reported: ReportedClaim, context: ReportContext): string[] {
  const { claim } = reported;
  const tags = claim.tagIds.map((id) => context.tags.get(id)?.name).filter((name): name is string => name !== undefined);
  const notes = context.options.includeNotes ? notesOn(reported, context) : [];
  return [
    `### ${claim.shortId}`,
    ...theClaim(reported, context),
    `**Verdict:** ${escapeCell(verdictLabel(claim.verdict, context.input.project))}`,
    ...userMarkdownBlocks(claim.verdict.conclusion),
    '#### Evidence',
    evidenceTable(claim, context),
    [field('Checked by', claim.analyst), field('Status', STATUS_LABELS[claim.status]), field('Tags', tags.join(', '))].join('\n'),
    ...(notes.length > 0 ? ['#### Notes', ...notes] : []),
  ];
}
