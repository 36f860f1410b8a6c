/**
 * The dialog that adds a source to the library or edits one: every field of a source, with the
 * problems that would stop it being saved shown under each field (nothing invalid is sent). A
 * library holds each source once: when another source is at the same address (or, without one,
 * has the same title and date), the dialog says so, offers to open that one, and does not send.
 */
import { useState } from 'preact/hooks';
import { RELIABILITY_LABELS } from '../../../shared/check/admiralty.js';
import { today as todayText } from '../../../shared/check/fields.js';
import { sourceProblems } from '../../../shared/check/source-rules.js';
import { duplicateOf } from '../../../shared/check/urls.js';
import type { SourceDraft } from '../../../shared/contract.js';
import { RELIABILITY_GRADES, SOURCE_TYPES } from '../../../shared/model/vocabulary.js';
import type { Source } from '../../../shared/model/source.js';
import { Dialog } from '../Dialog.js';
import { CheckedField } from './CheckedField.js';
import { sameBecause } from './duplicates.js';
import { draftOf, formValues, type SourceFormValues } from './source-form.js';
import { SOURCE_TYPE_LABELS } from './source-labels.js';

export interface SourceDialogProps {
  /** The library, to find a source already at the same address. */
  sources: readonly Source[];
  /** The source to edit; absent to add a new one. */
  source?: Source;
  /** Saves the draft; a returned string is an error to show, and the dialog stays open. */
  onSubmit: (draft: SourceDraft) => Promise<string | void>;
  /** Opens another source of the library instead (the one at the same address). */
  onOpenSource: (source: Source) => void;
  onClose: () => void;
}

export function SourceDialog({ sources, source, onSubmit, onOpenSource, onClose }: SourceDialogProps) {
  const today = todayText();
  const [values, setValues] = useState<SourceFormValues>(() => formValues(source, today));
  const [visited, setVisited] = useState<ReadonlySet<string>>(new Set());
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const draft = draftOf(values);
  const problems: Partial<Record<keyof SourceDraft, string>> = Object.fromEntries(sourceProblems(draft, today).map((p) => [p.field, p.message]));
  const twin = duplicateOf(draft, source ? sources.filter((s) => s.id !== source.id) : sources);

  const set = <K extends keyof SourceFormValues>(key: K) => (value: SourceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const visit = (key: keyof SourceDraft) => () => setVisited((v) => new Set(v).add(key));
  const shown = (key: keyof SourceDraft) => (tried || visited.has(key) ? problems[key] : undefined);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    const first = Object.keys(problems)[0] ?? (twin ? 'url' : undefined);
    if (first) {
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>(`#source-${first}`)?.focus();
      return;
    }
    setBusy(true);
    const problem = await onSubmit(draft);
    setBusy(false);
    if (problem) setError(problem);
  };

  return (
    <Dialog title={source ? `Edit source “${source.title}”` : 'Add source'} onClose={onClose}>
      <form class="form source-form" noValidate onSubmit={submit}>
        <div class="field-pair">
          <div class="field">
            <label for="source-type">Type</label>
            <select id="source-type" value={values.type} onChange={(e) => set('type')((e.currentTarget as HTMLSelectElement).value as Source['type'])}>
              {SOURCE_TYPES.map((type) => (
                <option key={type} value={type}>{SOURCE_TYPE_LABELS[type]}</option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="source-reliability">Reliability (Admiralty)</label>
            <select id="source-reliability" value={values.reliability} onChange={(e) => set('reliability')((e.currentTarget as HTMLSelectElement).value as Source['reliability'])}>
              {RELIABILITY_GRADES.map((grade) => (
                <option key={grade} value={grade}>{`${grade} — ${RELIABILITY_LABELS[grade]}`}</option>
              ))}
            </select>
          </div>
        </div>
        <CheckedField id="source-title" label="Title" autoFocus value={values.title} onInput={set('title')} onBlur={visit('title')} problem={shown('title')} />
        <CheckedField
          id="source-url"
          label="Web address (URL)"
          code
          placeholder="https://"
          value={values.url}
          onInput={set('url')}
          onBlur={visit('url')}
          problem={shown('url')}
        />
        {twin && (
          <div class="duplicate-note">
            <p role="status">
              “<span dir="auto">{twin.source.title}</span>” is already in the library, with {sameBecause(twin.reason)}. Open it instead, or change this one.
            </p>
            <button type="button" onClick={() => onOpenSource(twin.source)}>Open that source instead</button>
          </div>
        )}
        <CheckedField id="source-archiveUrl" label="Archived copy (URL)" code placeholder="https://web.archive.org/…" value={values.archiveUrl} onInput={set('archiveUrl')} onBlur={visit('archiveUrl')} problem={shown('archiveUrl')} />
        <CheckedField id="source-authors" label="Authors" rows={2} hint="One per line: “Family, Given” for a person, or an organisation’s name." value={values.authors} onInput={set('authors')} />
        <div class="field-pair">
          <CheckedField id="source-publisher" label="Outlet or publisher" value={values.publisher} onInput={set('publisher')} />
          <CheckedField id="source-language" label="Language" placeholder="en, ar, fa…" value={values.language} onInput={set('language')} />
        </div>
        <div class="field-pair">
          <CheckedField id="source-published" label="Published" code placeholder="YYYY-MM-DD" value={values.published} onInput={set('published')} onBlur={visit('published')} problem={shown('published')} />
          <CheckedField id="source-accessed" label="Accessed" code placeholder="YYYY-MM-DD" value={values.accessed} onInput={set('accessed')} onBlur={visit('accessed')} problem={shown('accessed')} />
        </div>
        <CheckedField id="source-notes" label="Notes" rows={3} value={values.notes} onInput={set('notes')} />
        <label class="check-field">
          <input type="checkbox" checked={values.withhold} aria-describedby="source-withhold-hint" onChange={(e) => set('withhold')((e.currentTarget as HTMLInputElement).checked)} />
          <span>Withhold identity in published reports</span>
        </label>
        <small id="source-withhold-hint" class="check-hint">Keeps its name and details out of published reports, for a source whose safety could be at risk (IFCN).</small>
        {error && <p role="alert" class="form-error">{error}</p>}
        <div class="dialog-buttons">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{source ? 'Save source' : 'Add source'}</button>
        </div>
      </form>
    </Dialog>
  );
}
