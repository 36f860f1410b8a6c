/**
 * The question asked before deleting a source. Main refuses while evidence or a source mention
 * uses it, and says where; that message is shown here as it comes, with the way out it names:
 * merging the source into another.
 */
import type { SourceUse } from '../../../shared/contract.js';
import type { Source } from '../../../shared/model/source.js';
import { Dialog } from '../Dialog.js';
import { useAction } from '../use-action.js';

export interface DeleteSourceDialogProps {
  source: Source;
  /** Where the source is used, when known. */
  uses: readonly SourceUse[] | undefined;
  /** Deletes the source; a returned string is an error to show. */
  onConfirm: () => Promise<string | void>;
  /** Offered once the delete is refused: merge the source into another instead. */
  onMerge: () => void;
  onClose: () => void;
}

export function DeleteSourceDialog({ source, uses, onConfirm, onMerge, onClose }: DeleteSourceDialogProps) {
  const { busy, error, run } = useAction();

  const confirm = () => run(onConfirm);

  return (
    <Dialog title={`Delete source “${source.title}”?`} onClose={onClose}>
      <p>{uses?.length === 0 ? 'Nothing uses this source. ' : ''}Its details leave the library; the documents are not changed.</p>
      {error && <p role="alert" class="form-error">{error}</p>}
      <div class="dialog-buttons">
        <button type="button" onClick={onClose} autoFocus>Cancel</button>
        {error ? (
          <button type="button" class="primary" onClick={onMerge}>Merge into another source…</button>
        ) : (
          <button type="button" class="primary danger" disabled={busy} onClick={() => void confirm()}>Delete source</button>
        )}
      </div>
    </Dialog>
  );
}
