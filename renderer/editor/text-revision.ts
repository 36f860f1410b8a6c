/**
 * A deliberate change of a document's text. Documents open read-only (./read-only.ts): a
 * transaction that changes the text is let through only in edit mode, or when it carries this
 * meta, which says why the words change (a damage repair names its warning). The reason travels
 * with the next patch to main, which keeps every text change as a revision.
 */
import type { Transaction } from 'prosemirror-state';
import type { RevisionNote } from '../../shared/model/revision.js';
import { rememberedAnalyst } from '../analyst-memory.js';

/** Why a document's text changed (an edit in edit mode, a damage repair; a repair's `detail` names its warning): shared/model/revision.ts. */
export type TextRevisionNote = RevisionNote;

/** The transaction meta key that marks a deliberate text change outside edit mode. */
export const TEXT_REVISION = 'factmark.textRevision';

/** Marks `tr` as a deliberate change of the text, for `note`'s reason. */
export function asRevision(tr: Transaction, note: TextRevisionNote): Transaction {
  return tr.setMeta(TEXT_REVISION, note);
}

/** The revision note a transaction carries, if any. */
export function revisionNoteOf(tr: Transaction): TextRevisionNote | undefined {
  return tr.getMeta(TEXT_REVISION) as TextRevisionNote | undefined;
}

/** `note` naming the analyst last entered on this machine (revisions say who changed the words). */
export function signed(note: TextRevisionNote): TextRevisionNote {
  const analyst = rememberedAnalyst();
  return analyst ? { ...note, analyst } : note;
}

/** The transaction meta key of a change that brings in main's document (another window's work): no revision, and not sent back. */
const FROM_MAIN = 'factmark.fromMain';

/** Marks `tr` as showing the document as main holds it: it passes the read-only guard and is not sent. */
export function asMainsDocument(tr: Transaction): Transaction {
  return tr.setMeta(FROM_MAIN, true).setMeta('addToHistory', false);
}

/** True when `tr` shows main's document rather than an edit made here. */
export function isMainsDocument(tr: Transaction): boolean {
  return tr.getMeta(FROM_MAIN) === true;
}
