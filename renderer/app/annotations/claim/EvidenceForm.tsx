/**
 * Adds or edits one piece of evidence: its source (from the library, or a new one), its stance,
 * an optional excerpt, the credibility of this information (Admiralty 1–6, judged apart from the
 * source's reliability) and optionally the words of another document it rests on.
 * Not a <form>: the new-source dialog inside it has its own.
 */
import { useId, useState } from 'preact/hooks';
import { admiraltyCode, CREDIBILITY_LABELS } from '../../../../shared/check/admiralty.js';
import type { ProjectView } from '../../../../shared/contract.js';
import type { DocumentSummary } from '../../../../shared/model/document.js';
import { CREDIBILITY_GRADES, STANCES } from '../../../../shared/model/vocabulary.js';
import type { Evidence } from '../../../../shared/model/evidence.js';
import type { Source } from '../../../../shared/model/source.js';
import { FieldProblems } from './DraftField.js';
import { STANCE_LABELS } from './labels.js';
import { SourcePicker } from './SourcePicker.js';
import { SpanPicker } from './SpanPicker.js';
import { StanceIcon } from './StanceIcon.js';

export interface EvidenceFormProps {
  /** The evidence being edited, or null for new evidence. */
  initial: Evidence | null;
  sources: readonly Source[];
  /** Other documents of the project a span may come from. */
  documents: readonly DocumentSummary[];
  onProjectView: (view: ProjectView) => void;
  /** Saves the evidence into the claim; false when the claim's rules refused it. */
  onSave: (evidence: Evidence) => boolean;
  /** Reasons the last save was refused. */
  messages: readonly string[];
  onCancel: () => void;
}

export function EvidenceForm({ initial, sources, documents, onProjectView, onSave, messages, onCancel }: EvidenceFormProps) {
  const id = useId();
  const [sourceId, setSourceId] = useState<string | null>(initial?.sourceId ?? null);
  const [stance, setStance] = useState<Evidence['stance']>(initial?.stance ?? 'supports');
  const [excerpt, setExcerpt] = useState(initial?.excerpt ?? '');
  const [credibility, setCredibility] = useState<Evidence['credibility']>(initial?.credibility ?? 6);
  const [span, setSpan] = useState<Evidence['documentSpan']>(initial?.documentSpan ?? null);
  const [missing, setMissing] = useState('');
  const source = sources.find((s) => s.id === sourceId);

  const save = () => {
    if (!sourceId) return setMissing('Choose the source of this evidence, or add a new one.');
    const now = new Date().toISOString();
    onSave({ id: initial?.id ?? crypto.randomUUID(), sourceId, stance, excerpt, credibility, documentSpan: span, createdAt: initial?.createdAt ?? now, updatedAt: now });
  };

  return (
    <div class="evidence-form" role="group" aria-label={initial ? 'Edit evidence' : 'Add evidence'}>
      <SourcePicker
        label="Source"
        sources={sources}
        value={sourceId}
        onProjectView={onProjectView}
        onChange={(next) => {
          setSourceId(next);
          setMissing('');
        }}
      />
      <FieldProblems messages={missing ? [missing] : []} />
      <fieldset class="claim-subsection stance-choices">
        <legend>Stance</legend>
        {STANCES.map((s) => (
          <label key={s} class={`stance-choice stance-${s}`}>
            <input type="radio" name={`${id}-stance`} value={s} checked={stance === s} onChange={() => setStance(s)} />
            <StanceIcon stance={s} />
            <span>{STANCE_LABELS[s]}</span>
          </label>
        ))}
      </fieldset>
      <div class="field claim-field">
        <label for={`${id}-credibility`}>Credibility of this information</label>
        <select id={`${id}-credibility`} value={credibility} onChange={(e) => setCredibility(Number(e.currentTarget.value) as Evidence['credibility'])}>
          {CREDIBILITY_GRADES.map((grade) => (
            <option key={grade} value={grade}>
              {grade} — {CREDIBILITY_LABELS[grade]}
            </option>
          ))}
        </select>
        {source && (
          <small class="claim-hint">
            Grade with this source: <strong>{admiraltyCode(source.reliability, credibility)}</strong>
          </small>
        )}
      </div>
      <div class="field claim-field">
        <label for={`${id}-excerpt`}>Excerpt (optional)</label>
        <textarea id={`${id}-excerpt`} rows={2} dir="auto" value={excerpt} onInput={(e) => setExcerpt(e.currentTarget.value)} />
      </div>
      <SpanPicker documents={documents} value={span} onChange={setSpan} />
      <FieldProblems messages={messages} />
      <div class="evidence-form-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="primary" onClick={save}>
          {initial ? 'Save evidence' : 'Add this evidence'}
        </button>
      </div>
    </div>
  );
}
