/**
 * The source of record: per document, every change made to its text after import (an edit, a damage
 * repair, a reading with another encoding, a restore), oldest first — when, by whom, why, and each
 * change's exact characters before and after, with the fingerprints either side — or, with none,
 * that the text is as imported. A reader can then tell the words quoted in the report from the
 * words published, and check the text they hold against the fingerprints.
 */
import type { StoredDocument } from '../../model/document.js';
import type { Revision, TextChange } from '../../model/revision.js';
import { revisionReason } from '../revision-labels.js';
import type { ReportContext } from './context.js';
import { formatDate } from './dates.js';
import { escapeCell, escapeText, HARD_BREAK } from './escape.js';
import { field } from './header.js';

/** A revision as a claim section names it: `revision 2 of 2026-12-07 10:00 UTC, Damage repair: …` (not escaped). */
export function revisionName(revision: Revision, number: number): string {
  return `revision ${number} of ${formatDate(revision.at)}, ${revisionReason(revision)}`;
}

/**
 * `text` in curly quotes, exactly, inside a list item whose content is indented by `indent` spaces:
 * Markdown punctuation escaped, and each newline a hard break followed by that indent, so blanks,
 * line breaks and every other character read back as themselves.
 */
export function quoteInItem(text: string, indent: number): string {
  return `“${escapeText(text, { lineBreak: HARD_BREAK + ' '.repeat(indent), startsLine: false, endsLine: false })}”`;
}

/** A fingerprint line: `- **label (SHA-256):** `hex``. */
function fingerprintField(label: string, fingerprint: string): string {
  return `- **${label} (SHA-256):** \`${fingerprint}\``;
}

/** One change as an item of an ordered list (`marker` is its `1. `): where it starts, and what was inserted, removed or replaced. */
function changeItem(change: TextChange, marker: string): string {
  const indent = marker.length;
  const at = `At code point ${change.start}:`;
  if (change.before === '') return `${marker}${at} inserted ${quoteInItem(change.after, indent)}`;
  if (change.after === '') return `${marker}${at} removed ${quoteInItem(change.before, indent)}`;
  // Words between the two quotes, not an arrow: two right-to-left quotes stay in reading order.
  return `${marker}${at} ${quoteInItem(change.before, indent)} replaced by ${quoteInItem(change.after, indent)}`;
}

/** One revision: its heading, when, who, why, the fingerprints, and its changes in order. */
function revisionBlocks(revision: Revision, number: number): string[] {
  const changes = revision.changes.map((change, i) => changeItem(change, `${i + 1}. `));
  return [
    `#### Revision ${number}`,
    [
      field('When', formatDate(revision.at)),
      field('By', revision.analyst),
      field('Why', revisionReason(revision)),
      fingerprintField('Fingerprint before', revision.fingerprintBefore),
      fingerprintField('Fingerprint after', revision.fingerprintAfter),
    ].join('\n'),
    changes.length === 0 ? 'No characters changed.' : changes.join('\n'),
  ];
}

/**
 * Whether the revisions' fingerprints chain: each starts from the text the one before it (or the
 * import) left, and the last leaves the current text. A gap means the record is incomplete.
 */
function fingerprintsChain(document: StoredDocument): boolean {
  let previous = document.original?.fingerprint ?? document.revisions[0]?.fingerprintBefore;
  for (const revision of document.revisions) {
    if (revision.fingerprintBefore !== previous) return false;
    previous = revision.fingerprintAfter;
  }
  return previous === document.fingerprint;
}

/** What one document's record says before its revisions: as imported and unchanged, or changed how often since. */
function documentIntro(document: StoredDocument): string[] {
  const { original, revisions } = document;
  if (revisions.length === 0) {
    if (original === null) return [`No changes to the text are recorded. SHA-256 of the text: \`${document.fingerprint}\`.`];
    if (original.fingerprint !== document.fingerprint) {
      return [`The text is not the text as imported on ${formatDate(original.at)} (SHA-256 \`${original.fingerprint}\`), yet no change is recorded: the record of changes is incomplete. SHA-256 of the text now: \`${document.fingerprint}\`.`];
    }
    return [`The text is as imported on ${formatDate(original.at)}, unchanged since. SHA-256 of the text as imported: \`${original.fingerprint}\`.`];
  }
  const count = revisions.length === 1 ? '1 revision' : `${revisions.length} revisions`;
  const since =
    original === null
      ? `No record of the text as imported is kept; ${count} changed it, oldest first.`
      : `The text as imported on ${formatDate(original.at)} (SHA-256 \`${original.fingerprint}\`) was changed in ${count} since, oldest first.`;
  const gap = fingerprintsChain(document) ? [] : ['The fingerprints below do not follow on from each other: the record of changes is incomplete.'];
  return [`${since} SHA-256 of the text now: \`${document.fingerprint}\`.`, ...gap];
}

const INTRO =
  'Every change made to a text after import, oldest first, with the exact characters before and after. ' +
  'Each change says where it starts, counted in Unicode code points of the plain text before that revision, from 0.';

/** The "Changes to the source text" section: one subsection per document, always present (the source of record is never optional). */
export function revisionsSection(context: ReportContext): string[] {
  const { documents } = context.input;
  if (documents.length === 0) return [];
  const changed = documents.some((document) => document.revisions.length > 0);
  return [
    '## Changes to the source text',
    ...(changed ? [INTRO] : []),
    ...documents.flatMap((document) => [
      `### Changes to: ${escapeCell(document.title)}`,
      ...documentIntro(document),
      ...document.revisions.flatMap((revision, i) => revisionBlocks(revision, i + 1)),
    ]),
  ];
}
