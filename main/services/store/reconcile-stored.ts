/**
 * Reconciling a stored document (shared/annotations/reconcile.ts) with what only the store knows:
 * whether its text is the one its annotations were saved with (the stored fingerprint), and the
 * words an analyst is told about it.
 */
import { reconcileDocument } from '../../../shared/annotations/reconcile.js';
import type { Annotation, ContentNode, StoredDocument } from '../../../shared/model/index.js';
import { reconcileNotices, REASONS } from './annotation-notices.js';
import { textFingerprint } from './document-content.js';

/** The document's new text, annotations and fingerprint, whether any of it changed, and the notices. */
export interface StoredReconciliation {
  change: Pick<StoredDocument, 'content' | 'annotations' | 'fingerprint'>;
  changed: boolean;
  notices: string[];
}

/**
 * Reconciles `content` with `annotations` last saved with a text of fingerprint `savedFingerprint`.
 * `readAgain`: the text was just replaced by reading its file again (otherwise it was loaded, and
 * a different fingerprint means it changed outside Factmark).
 */
export function reconcileStored(content: ContentNode, annotations: Annotation[], savedFingerprint: string, readAgain = false): StoredReconciliation {
  const fingerprint = textFingerprint(content);
  const textChanged = fingerprint !== savedFingerprint;
  const result = reconcileDocument(content, annotations, { textChanged: textChanged || readAgain });
  const why = readAgain ? REASONS.readAgain : textChanged ? REASONS.changedOutside : REASONS.lostHighlight;
  return {
    change: { content: result.content, annotations: result.annotations, fingerprint },
    changed: textChanged || result.content !== content || result.annotations !== annotations,
    notices: reconcileNotices(result.report, why),
  };
}
