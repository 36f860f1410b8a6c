/** The dialog that merges a duplicate source into another, saying what will happen before it does. */
import { useState } from 'preact/hooks';
import type { Source } from '../../../shared/model/source.js';
import { Dialog } from '../Dialog.js';
import { useAction } from '../use-action.js';
import { useCountLabel } from './source-labels.js';

export interface MergeSourceDialogProps {
  sources: readonly Source[];
  source: Source;
  /** The source to offer first (a duplicate's twin); the first other source otherwise. */
  suggestedIntoId?: string;
  /** How many places use `source`, when known. */
  uses: number | undefined;
  /** Merges `source` into the chosen one; a returned string is an error to show. */
  onSubmit: (intoId: string) => Promise<string | void>;
  onClose: () => void;
}

export function MergeSourceDialog({ sources, source, suggestedIntoId, uses, onSubmit, onClose }: MergeSourceDialogProps) {
  const targets = sources.filter((s) => s.id !== source.id);
  const [intoId, setIntoId] = useState(suggestedIntoId ?? targets[0]?.id ?? '');
  const { busy, error, run } = useAction();
  const into = targets.find((s) => s.id === intoId);

  const submit = (event: Event) => {
    event.preventDefault();
    void run(() => onSubmit(intoId));
  };

  return (
    <Dialog title={`Merge “${source.title}” into another source`} description={uses === undefined ? undefined : `${useCountLabel(uses)}.`} onClose={onClose}>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for="merge-source-into">Merge into</label>
          <select id="merge-source-into" value={intoId} autoFocus onChange={(e) => setIntoId((e.currentTarget as HTMLSelectElement).value)}>
            {targets.map((option) => (
              <option key={option.id} value={option.id}>{option.publisher ? `${option.title} — ${option.publisher}` : option.title}</option>
            ))}
          </select>
        </div>
        {into && (
          <p class="muted merge-outcome" dir="auto">
            Evidence and source mentions that use “{source.title}” will use “{into.title}” instead, and “{source.title}” leaves the library. “{into.title}” keeps its own details and takes from “{source.title}” only those it lacks.
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
