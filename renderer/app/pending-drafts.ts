/**
 * Card fields with typing not yet saved. A field saves half a second after the analyst pauses
 * (DraftField.tsx); until then its draft is registered here, so that leaving the page, switching
 * document, closing the project or Save can save it at once, and so the status bar can say that
 * something typed is not saved yet.
 */

/** Saves one field's draft now. */
type SaveDraft = () => void;

const drafts = new Set<SaveDraft>();
const listeners = new Set<(count: number) => void>();

function announce(): void {
  for (const listener of listeners) listener(drafts.size);
}

/** Registers a field's unsaved draft (again is harmless). */
export function holdDraft(save: SaveDraft): void {
  if (drafts.has(save)) return;
  drafts.add(save);
  announce();
}

/** Forgets a field's draft: it was saved, refused, or the field went away. */
export function releaseDraft(save: SaveDraft): void {
  if (drafts.delete(save)) announce();
}

/** Saves every unsaved draft now (each save releases its draft). */
export function saveDrafts(): void {
  for (const save of [...drafts]) save();
}

/** Listens to the number of unsaved drafts; returns the unsubscribe function. */
export function onDraftsChange(listener: (count: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
