/** Says where autosave stands, politely announced to screen readers, and offers the conflict choices. */
import type { SaveStatus } from '../../shared/contract.js';

function describe(status: SaveStatus): string {
  switch (status.state) {
    case 'saved':
      return status.savedAt ? `All changes saved at ${new Date(status.savedAt).toLocaleTimeString()}` : 'All changes saved';
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'error':
      return `Not saved: ${status.error?.message ?? 'unknown error'}`;
  }
}

export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <span class={`save-indicator save-${status.state}`} role="status" aria-live="polite">
      {describe(status)}
    </span>
  );
}

export function ConflictBanner({ onChoose }: { onChoose: (choice: 'overwrite' | 'reload') => void }) {
  return (
    <div class="banner banner-warning" role="alert">
      <p>
        <strong>This project was changed on disk by another program.</strong> Factmark did not save over it. Keep your version
        (the other changes are replaced; a backup is kept), or load the version on disk (your unsaved edits are dropped).
      </p>
      <div class="banner-buttons">
        <button onClick={() => onChoose('overwrite')}>Keep my version</button>
        <button onClick={() => onChoose('reload')}>Load the version on disk</button>
      </div>
    </div>
  );
}
