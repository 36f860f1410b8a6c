/**
 * Another window's edits of the same document (a second browser tab on the same host, a second
 * desktop window): when main answers this window's patch with STALE_BASE, or tells that it accepted
 * another window's edit of the document shown here, the document as main holds it is fetched and
 * merged record by record with this window's edits (renderer/editor/rebase.ts), shown again, and the
 * merge is sent. Both windows' claims are kept; where both changed one record this window's later
 * change wins, and a claim number both gave is given anew here — and the analyst is told.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { api } from '../api/client.js';
import type { StoredDocument } from '../../shared/model/document.js';
import type { ContentSync, StaleDocument } from '../editor/content-sync.js';
import { describeError } from './errors.js';

/** What the merge needs of the page. */
export interface MergeContext {
  sync: ContentSync;
  /** The highest claim number the project has issued, as this window knows it. */
  lastClaimNumber: () => number;
  /** The id of the document this window shows, if any. */
  shownDocumentId: () => string | null;
  /** Shows the merged document in place of the one shown: in the open editor (`merged`), else by opening it again. */
  show: (document: StoredDocument, merged: ProseMirrorNode) => void;
  /** Tells the analyst what happened. */
  notify: (message: string) => void;
}

/** Merges a stale document with main's and hands the merge to the sync; a failure leaves the edits unsaved, said plainly. */
export async function mergeWithMain(stale: StaleDocument, context: MergeContext): Promise<void> {
  const { sync, notify } = context;
  const { documentId } = stale;
  const opened = await api.getDocument(documentId);
  if (!opened.ok) {
    sync.rebaseFailed(documentId, `Another window changed this document, and it could not be read again to merge your changes: ${describeError(opened.error)} Your changes are kept here; Save tries again.`);
    return;
  }
  const { rebaseOnMain, mergeMessage } = await import('../editor/rebase.js');
  // Read after every await, so edits made meanwhile are in the merge.
  const rebase = rebaseOnMain(opened.value.document, stale.base, stale.read(), context.lastClaimNumber());
  const shown = context.shownDocumentId() === documentId;
  // Shown first, so that the editor holds the merge when the sync reads it to send.
  if (shown) context.show(rebase.document, rebase.merged);
  sync.rebased({ documentId, main: rebase.main, version: opened.value.version, merged: rebase.merged, localChanges: rebase.localChanges });
  if (shown) notify(mergeMessage(rebase));
}
