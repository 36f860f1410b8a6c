/**
 * Why a document's text changed, in the reader's words — one wording for the document panel's list
 * of revisions and for every report's "Changes to the source text", so the screen and the export
 * never disagree.
 */
import type { Revision, RevisionReason } from '../model/revision.js';

export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  edit: 'Edit in edit mode',
  repair: 'Damage repair',
  reencode: 'Read again with another encoding',
  restore: 'Original restored',
};

/** The reason in words, followed by the revision's detail (a repair's detail names the warning it answers). */
export function revisionReason(revision: Revision): string {
  const label = REVISION_REASON_LABELS[revision.reason];
  return revision.detail === '' ? label : `${label}: ${revision.detail}`;
}
