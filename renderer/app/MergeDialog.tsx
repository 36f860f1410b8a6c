/**
 * The shape every merge shares (a tag into another tag, a source into another source): pick what
 * to merge into, read what will happen before it does, confirm. The caller names the choices and
 * words the outcome; the dialog runs the merge through `useAction` and shows its error.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Dialog } from './Dialog.js';
import { useAction } from './use-action.js';

/** One thing the merge can go into. */
export interface MergeTarget {
  id: string;
  label: string;
}

export interface MergeDialogProps {
  title: string;
  description?: string;
  /** The select's id (unique on the page), for its label. */
  selectId: string;
  targets: readonly MergeTarget[];
  /** The target chosen first; the first target otherwise. */
  initialId?: string;
  /** What merging into `intoId` will do, in words; null when there is nothing to say. */
  outcome: (intoId: string) => ComponentChildren | null;
  /** Merges into the chosen target; a returned string is an error to show. */
  onSubmit: (intoId: string) => Promise<string | void>;
  onClose: () => void;
}

export function MergeDialog({ title, description, selectId, targets, initialId, outcome, onSubmit, onClose }: MergeDialogProps) {
  const [intoId, setIntoId] = useState(initialId ?? targets[0]?.id ?? '');
  const { busy, error, run } = useAction();
  const chosen = targets.some((t) => t.id === intoId);
  const words = chosen ? outcome(intoId) : null;

  const submit = (event: Event) => {
    event.preventDefault();
    void run(() => onSubmit(intoId));
  };

  return (
    <Dialog title={title} description={description} onClose={onClose}>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for={selectId}>Merge into</label>
          <select id={selectId} value={intoId} autoFocus onChange={(e) => setIntoId((e.currentTarget as HTMLSelectElement).value)}>
            {targets.map((option) => (
              <option key={option.id} value={option.id}>{option.label}</option>
            ))}
          </select>
        </div>
        {words && (
          <p class="muted merge-outcome" dir="auto">
            {words}
          </p>
        )}
        {error && <p role="alert" class="form-error">{error}</p>}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy || !chosen}>Merge</button>
        </div>
      </form>
    </Dialog>
  );
}
