/**
 * A compact form for a new source of the library, opened from the claim card: title, web address,
 * outlet, type and Admiralty reliability (A–F), and whether its identity stays out of published
 * reports. The address is checked as it is typed away from; main checks everything again.
 */
import { useId, useState } from 'preact/hooks';
import { RELIABILITY_LABELS } from '../../../../shared/check/admiralty.js';
import { urlProblem } from '../../../../shared/check/fields.js';
import type { ProjectView } from '../../../../shared/contract.js';
import { RELIABILITY_GRADES, SOURCE_TYPES } from '../../../../shared/model/vocabulary.js';
import type { Reliability, Source } from '../../../../shared/model/source.js';
import { Dialog } from '../../Dialog.js';
import { createSource } from './create-source.js';
import { SOURCE_TYPE_LABELS } from '../../sources/source-labels.js';
import { sourceDraft } from './source-draft.js';

export interface NewSourceDialogProps {
  onProjectView: (view: ProjectView) => void;
  onCreated: (source: Source) => void;
  onClose: () => void;
}

export function NewSourceDialog({ onProjectView, onCreated, onClose }: NewSourceDialogProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [publisher, setPublisher] = useState('');
  const [type, setType] = useState<Source['type']>('webpage');
  const [reliability, setReliability] = useState<Reliability>('F');
  const [withhold, setWithhold] = useState(false);
  const [urlMessage, setUrlMessage] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (title.trim() === '') return setError('Give the source a title.');
    const problem = urlProblem(url);
    setUrlMessage(problem);
    if (problem) return;
    setBusy(true);
    const outcome = await createSource(sourceDraft({ title: title.trim(), url: url.trim(), publisher: publisher.trim(), type, reliability, withhold }), onProjectView);
    setBusy(false);
    if ('problem' in outcome) return setError(outcome.problem);
    onCreated(outcome.source);
  };

  return (
    <Dialog title="New source" description="Added to the project's library; more details can be filled in the Sources tab." onClose={onClose}>
      <form class="form compact new-source-form" onSubmit={submit}>
        <div class="field">
          <label for={`${id}-title`}>Title</label>
          <input id={`${id}-title`} dir="auto" autoFocus value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for={`${id}-url`}>Web address</label>
          <input
            id={`${id}-url`}
            type="url"
            dir="ltr"
            placeholder="https://"
            value={url}
            aria-invalid={urlMessage ? 'true' : undefined}
            aria-describedby={urlMessage ? `${id}-url-problem` : undefined}
            onInput={(e) => setUrl(e.currentTarget.value)}
            onBlur={() => setUrlMessage(urlProblem(url))}
          />
          {urlMessage && (
            <p id={`${id}-url-problem`} class="field-problem" role="alert">
              {urlMessage}
            </p>
          )}
        </div>
        <div class="field">
          <label for={`${id}-outlet`}>Outlet or publisher</label>
          <input id={`${id}-outlet`} dir="auto" value={publisher} onInput={(e) => setPublisher(e.currentTarget.value)} />
        </div>
        <div class="claim-grid">
          <div class="field">
            <label for={`${id}-type`}>Type</label>
            <select id={`${id}-type`} value={type} onChange={(e) => setType(e.currentTarget.value as Source['type'])}>
              {SOURCE_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SOURCE_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${id}-reliability`}>Reliability</label>
            <select id={`${id}-reliability`} value={reliability} onChange={(e) => setReliability(e.currentTarget.value as Reliability)}>
              {RELIABILITY_GRADES.map((grade) => (
                <option key={grade} value={grade}>
                  {grade} — {RELIABILITY_LABELS[grade]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label class="check-choice">
          <input type="checkbox" checked={withhold} onChange={(e) => setWithhold(e.currentTarget.checked)} />
          <span>Withhold: keep its identity out of published reports</span>
        </label>
        {error && (
          <p role="alert" class="form-error">
            {error}
          </p>
        )}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy}>
            Add source
          </button>
        </div>
      </form>
    </Dialog>
  );
}
