/** The dialog that merges one tag into another, saying what will happen before it does. */
import { useState } from 'preact/hooks';
import { tagRows } from '../../../shared/codebook/tree.js';
import type { Tag } from '../../../shared/model/tag.js';
import { Dialog } from '../Dialog.js';
import { useAction } from '../use-action.js';
import { carryingSentence } from './usage-label.js';

export interface MergeTagDialogProps {
  tags: readonly Tag[];
  tag: Tag;
  /** How many annotations carry `tag`, when known. */
  usage: number | undefined;
  /** Merges `tag` into the chosen tag; a returned string is an error to show. */
  onSubmit: (intoId: string) => Promise<string | void>;
  onClose: () => void;
}

export function MergeTagDialog({ tags, tag, usage, onSubmit, onClose }: MergeTagDialogProps) {
  const targets = tagRows(tags).filter((row) => row.tag.id !== tag.id);
  const [intoId, setIntoId] = useState(targets[0]?.tag.id ?? '');
  const { busy, error, run } = useAction();
  const into = tags.find((t) => t.id === intoId);
  const hasChildren = tags.some((t) => t.parentId === tag.id);

  const submit = (event: Event) => {
    event.preventDefault();
    void run(() => onSubmit(intoId));
  };

  return (
    <Dialog title={`Merge “${tag.name}” into another tag`} description={carryingSentence(usage, `“${tag.name}”`)} onClose={onClose}>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for="merge-into">Merge into</label>
          <select id="merge-into" value={intoId} autoFocus onChange={(e) => setIntoId((e.currentTarget as HTMLSelectElement).value)}>
            {targets.map(({ tag: option, depth }) => (
              <option key={option.id} value={option.id}>{`${'\u2003'.repeat(depth)}${option.name}`}</option>
            ))}
          </select>
        </div>
        {into && (
          <p class="muted merge-outcome" dir="auto">
            Annotations tagged “{tag.name}” will carry “{into.name}” instead (once, where they already carry both)
            {hasChildren ? `, the tags under “${tag.name}” move under “${into.name}”,` : ''} and “{tag.name}” is deleted.
          </p>
        )}
        {error && <p role="alert" class="form-error">{error}</p>}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy || !into}>Merge</button>
        </div>
      </form>
    </Dialog>
  );
}
