/**
 * The editor of one rating scale: its name, whether it is conclusion only, and its levels in
 * order (label, description, colour, optional numeric value for ClaimReview), with buttons to
 * move, add and remove levels. Problems show under their fields; a scale with any is not sent.
 */
import { useState } from 'preact/hooks';
import type { RatingScale } from '../../../shared/model/rating-scale.js';
import { CheckedField } from '../sources/CheckedField.js';
import { scaleDraft, scaleOf, scaleProblems, withLevelMoved, withNewLevel, type LevelDraft, type ScaleDraft } from './scale-draft.js';

export interface ScaleEditorProps {
  /** The scale to edit; absent for a new one. */
  scale?: RatingScale;
  /** Saves the scale; a returned string is an error to show. */
  onSave: (scale: RatingScale) => Promise<string | void>;
  onCancel: () => void;
}

export function ScaleEditor({ scale, onSave, onCancel }: ScaleEditorProps) {
  const [draft, setDraft] = useState<ScaleDraft>(() => (scale ? scaleDraft(scale) : withNewLevel(scaleDraft())));
  const [tried, setTried] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const problems = scaleProblems(draft);
  const shown = (key: string) => (tried ? problems[key] : undefined);

  const setLevel = (index: number, patch: Partial<LevelDraft>) => setDraft((d) => ({ ...d, levels: d.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  const removeLevel = (index: number) => setDraft((d) => ({ ...d, levels: d.levels.filter((_, i) => i !== index) }));

  const submit = async (event: Event) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(problems).length > 0) {
      (event.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    const problem = await onSave(scaleOf(draft));
    setBusy(false);
    if (problem) setError(problem);
  };

  const label = (level: LevelDraft, index: number) => level.label.trim() || `level ${index + 1}`;

  return (
    <form class="form scale-editor" noValidate onSubmit={submit}>
      <CheckedField id="scale-name" label="Name of the scale" autoFocus value={draft.name} onInput={(name) => setDraft((d) => ({ ...d, name }))} problem={shown('name')} />
      <label class="check-field">
        <input type="checkbox" checked={draft.conclusionOnly} onChange={(e) => setDraft((d) => ({ ...d, conclusionOnly: (e.currentTarget as HTMLInputElement).checked }))} />
        <span>Conclusion only: no levels, the written conclusion is the verdict (as Full Fact works)</span>
      </label>
      {!draft.conclusionOnly && (
        <>
          <ol class="level-editors" aria-label="Levels, in order">
            {draft.levels.map((level, index) => (
              <li key={level.id}>
                <fieldset class="level-editor">
                  <legend>Level {index + 1}</legend>
                  <div class="level-fields">
                    <CheckedField id={`level-${level.id}-label`} label="Label" value={level.label} onInput={(text) => setLevel(index, { label: text })} problem={shown(`${level.id}:label`)} />
                    <CheckedField id={`level-${level.id}-description`} label="Description" placeholder="When this verdict applies" value={level.description} onInput={(text) => setLevel(index, { description: text })} />
                    <div class="field level-colour">
                      <label for={`level-${level.id}-colour`}>Colour</label>
                      <input id={`level-${level.id}-colour`} type="color" value={level.colour} onInput={(e) => setLevel(index, { colour: (e.currentTarget as HTMLInputElement).value.toLowerCase() })} />
                    </div>
                    <CheckedField id={`level-${level.id}-value`} class="level-value" label="Value" code placeholder="optional" value={level.value} onInput={(text) => setLevel(index, { value: text })} problem={shown(`${level.id}:value`)} />
                  </div>
                  <div class="level-tools">
                    <button type="button" aria-label={`Move ${label(level, index)} up`} disabled={index === 0} onClick={() => setDraft((d) => withLevelMoved(d, index, -1))}>↑ Up</button>
                    <button type="button" aria-label={`Move ${label(level, index)} down`} disabled={index === draft.levels.length - 1} onClick={() => setDraft((d) => withLevelMoved(d, index, 1))}>↓ Down</button>
                    <button type="button" class="danger" aria-label={`Remove ${label(level, index)}`} onClick={() => removeLevel(index)}>Remove</button>
                  </div>
                </fieldset>
              </li>
            ))}
          </ol>
          {shown('levels') && <p class="field-problem">{shown('levels')}</p>}
          <button type="button" class="add-level" onClick={() => setDraft(withNewLevel)}>Add level</button>
          <p class="muted small">The value is optional; exports give it as ClaimReview’s ratingValue. Unverifiable, Outdated and Retracted are always offered besides the levels.</p>
        </>
      )}
      {error && <p role="alert" class="form-error">{error}</p>}
      <div class="dialog-buttons">
        <button type="button" onClick={onCancel}>Back to the scales</button>
        <button type="submit" class="primary" disabled={busy}>Save scale</button>
      </div>
    </form>
  );
}
