/**
 * One section per claim, headed by its short id so `[C1](#c1)` finds it: the exact words in a block
 * quote with their context (the words in bold), any damage warning on those words, the words as
 * imported when a revision changed them, then
 * restatement, claimant, status, verdict and conclusion, the evidence with stance, source, excerpt and Admiralty code, tags, and notes.
 */
import { damageOnAnchor } from '../../annotations/damage-overlap.js';
import { CONTEXT_CODE_POINTS } from '../../anchoring/describe.js';
import { admiraltyCode } from '../../check/admiralty.js';
import { codePointLength } from '../../text.js';
import type { Claim } from '../../model/annotation.js';
import { DAMAGE_LABELS } from '../../model/damage.js';
import { spanInOriginal } from '../../revision-text.js';
import { CLAIM_KIND_LABELS, STANCE_LABELS, STATUS_LABELS } from '../labels.js';
import type { ReportContext, ReportedClaim } from './context.js';
import { escapeCell, escapeParagraph, escapeText, HARD_BREAK } from './escape.js';
import { field } from './header.js';
import { importedWords } from './imported-text.js';
import { quoteInItem, revisionName } from './revisions.js';
import { lastChar, strong } from './strong.js';
import { table } from './summary.js';
import { verdictText } from './verdict.js';

/** The quote with its context as a block quote: `> prefix**exact**suffix`, every line prefixed. */
export function quoteBlock(prefix: string, exact: string, suffix: string): string {
  const before = escapeText(prefix, { lineBreak: HARD_BREAK, startsLine: true, endsLine: false });
  const words = escapeText(exact, { lineBreak: HARD_BREAK, startsLine: false, endsLine: false });
  const after = escapeText(suffix, { lineBreak: HARD_BREAK, startsLine: false, endsLine: true });
  const after0 = after === '' ? '' : after[0]!;
  const body = before + (exact === '' ? '' : strong(words, lastChar(before), after0)) + after;
  return body.split('\n').map((line) => `> ${line}`).join('\n');
}

/**
 * A quote's context cut to whole words. Stored context is a fixed number of code points, so it
 * usually starts and ends mid-word; the cut piece is dropped and an ellipsis says text continues.
 * Context shorter than the fixed length reaches the start or end of the text and is kept whole.
 */
export function wholeWordContext(prefix: string, suffix: string): { prefix: string; suffix: string } {
  const cutPrefix = codePointLength(prefix) >= CONTEXT_CODE_POINTS && !/^\s/.test(prefix);
  const cutSuffix = codePointLength(suffix) >= CONTEXT_CODE_POINTS && !/\s$/.test(suffix);
  const firstSpace = prefix.search(/\s/);
  const lastSpace = suffix.search(/\s\S*$/);
  return {
    prefix: cutPrefix ? `…${firstSpace >= 0 ? prefix.slice(firstSpace) : ' '}` : prefix,
    suffix: cutSuffix ? `${lastSpace >= 0 ? suffix.slice(0, lastSpace) : ''} …` : suffix,
  };
}

function evidenceTable(claim: Claim, context: ReportContext): string {
  if (claim.evidence.length === 0) return 'No evidence recorded.';
  const rows = claim.evidence.map((item) => {
    const source = context.sources.get(item.sourceId);
    const number = context.sourceNumbers.get(item.sourceId) ?? '';
    const withheld = source?.withhold === true && context.options.anonymiseWithheld;
    const name = !source ? 'missing from the library' : withheld ? 'withheld' : escapeCell(source.title);
    return [STANCE_LABELS[item.stance], `[${number}](#${number.toLowerCase()}) ${name}`, source ? admiraltyCode(source.reliability, item.credibility) : String(item.credibility), escapeCell(item.excerpt)];
  });
  return table(['Stance', 'Source', 'Admiralty', 'Excerpt'], rows);
}

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

/** The section of one claim. */
export function claimSection(reported: ReportedClaim, context: ReportContext): string[] {
  const { claim, document } = reported;
  const { quote } = claim.anchor;
  const tags = claim.tagIds.map((id) => context.tags.get(id)?.name).filter((name): name is string => name !== undefined);
  const notes = context.options.includeNotes ? notesOn(reported, context) : [];
  const around = wholeWordContext(quote.prefix, quote.suffix);
  return [
    `### ${claim.shortId}`,
    quoteBlock(around.prefix, quote.exact, around.suffix),
    [
      field('Document', document.title),
      ...(claim.orphaned ? ['- **Orphaned:** its words are no longer in the text; the quote is the last known wording.'] : []),
      ...damageOn(reported),
      ...changedAfterImport(reported, context),
      field('Restatement', claim.restatement),
      field('Claimant', claim.claimant),
      field('Kind of claim', CLAIM_KIND_LABELS[claim.claimKind]),
      ...(claim.appearance.url !== '' ? [field('Appeared at', claim.appearance.url)] : []),
      field('Status', STATUS_LABELS[claim.status]),
      field('Verdict', verdictText(claim.verdict, context.input.project)),
      field('Tags', tags.join(', ')),
    ].join('\n'),
    '#### Evidence',
    evidenceTable(claim, context),
    ...(notes.length > 0 ? ['#### Notes', ...notes] : []),
  ];
}
