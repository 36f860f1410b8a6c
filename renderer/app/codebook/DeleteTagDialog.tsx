/** The question asked before deleting a tag that annotations carry: how many, and what happens to the tags under it. */
import type { Tag } from '../../../shared/model/tag.js';
import { Dialog } from '../Dialog.js';
import { useAction } from '../use-action.js';
import { carryingSentence } from './usage-label.js';

export interface DeleteTagDialogProps {
  tags: readonly Tag[];
  tag: Tag;
  usage: number | undefined;
  /** Deletes the tag; a returned string is an error to show. */
  onConfirm: () => Promise<string | void>;
  onClose: () => void;
}

export function DeleteTagDialog({ tags, tag, usage, onConfirm, onClose }: DeleteTagDialogProps) {
  const { busy, error, run } = useAction();
  const hasChildren = tags.some((t) => t.parentId === tag.id);
  const parent = tags.find((t) => t.id === tag.parentId);

  const confirm = () => run(onConfirm);

  return (
    <Dialog title={`Delete tag “${tag.name}”?`} description={carryingSentence(usage)} onClose={onClose}>
      <p>
        The annotations keep their text and their other tags; only this tag is removed from them.
        {hasChildren && (parent ? ` The tags under it move under “${parent.name}”.` : ' The tags under it move to the top level.')}
      </p>
      {error && <p role="alert" class="form-error">{error}</p>}
      <div class="dialog-buttons">
        <button type="button" onClick={onClose} autoFocus>Cancel</button>
        <button type="button" class="primary danger" disabled={busy} onClick={() => void confirm()}>Delete tag</button>
      </div>
    </Dialog>
  );
}
