/**
 * Asks why a done claim's verdict changes (IFCN: corrections are published with their reason).
 * The reason is required; cancelling keeps the old verdict.
 */
import { useId, useState } from 'preact/hooks';
import type { Claim } from '../../../../shared/model/annotation.js';
import { verdictLabel } from '../../../../shared/model/queries.js';
import type { RatingScale } from '../../../../shared/model/rating-scale.js';
import { Dialog } from '../../Dialog.js';

export interface CorrectionDialogProps {
  before: Claim;
  after: Claim;
  scales: readonly RatingScale[];
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

export function CorrectionDialog({ before, after, scales, onConfirm, onCancel }: CorrectionDialogProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const id = useId();
  const from = verdictLabel(before.verdict, { ratingScales: scales });
  const to = verdictLabel(after.verdict, { ratingScales: scales });
  const what = from === to ? `The conclusion of ${before.shortId} changes (verdict: ${to}).` : `${before.shortId}: ${from} → ${to}.`;
  const submit = (event: Event) => {
    event.preventDefault();
    if (reason.trim() === '') return setError('Write why the verdict changes: the reason is published with the correction.');
    onConfirm(reason);
  };
  return (
    <Dialog title="Correct a done claim" description={`${what} This claim is marked done, so the change goes into its corrections log.`} onClose={onCancel}>
      <form class="form" onSubmit={submit}>
        <div class="field">
          <label for={id}>Reason for the correction</label>
          <textarea id={id} rows={3} dir="auto" autoFocus value={reason} aria-invalid={error ? 'true' : undefined} onInput={(e) => setReason(e.currentTarget.value)} />
        </div>
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" onClick={onCancel}>
            Keep the old verdict
          </button>
          <button type="submit" class="primary">
            Record the correction
          </button>
        </div>
      </form>
    </Dialog>
  );
}
