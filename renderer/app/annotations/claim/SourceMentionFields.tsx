/**
 * The source-mention part of its annotation card: which library source the words name (title and
 * Admiralty reliability shown), chosen from the library or made from the mention's own words in
 * one step ("a UN representative" becomes a source of type other, reliability F, to grade later).
 */
import { useState } from 'preact/hooks';
import { RELIABILITY_LABELS } from '../../../../shared/check/admiralty.js';
import type { SourceMention } from '../../../../shared/model/annotation.js';
import type { AnnotationSession } from '../../../editor/annotations/annotation-session.js';
import { PlusIcon } from '../../icons.js';
import type { CheckContext } from './check-context.js';
import { createSource } from './create-source.js';
import { FieldProblems } from './DraftField.js';
import { sourceDraft } from './source-draft.js';
import { SourcePicker } from './SourcePicker.js';

export interface SourceMentionFieldsProps {
  session: AnnotationSession;
  mention: SourceMention;
  /** The words of the mention. */
  words: string;
  check: CheckContext;
}

export function SourceMentionFields({ session, mention, words, check }: SourceMentionFieldsProps) {
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);
  const { sources } = check.project;
  const linked = sources.find((s) => s.id === mention.sourceId);
  const link = (sourceId: string | null) => session.update({ ...mention, sourceId }, mention);
  const fromWords = async () => {
    setBusy(true);
    const outcome = await createSource(sourceDraft({ title: words.replace(/\s+/g, ' ').trim() }), check.onProjectView);
    setBusy(false);
    if ('problem' in outcome) return setProblem(outcome.problem);
    setProblem('');
    link(outcome.source.id);
  };
  return (
    <fieldset class="claim-section mention-section">
      <legend>Source</legend>
      {linked ? (
        <div class={`linked-source${linked.withhold ? ' withheld' : ''}`}>
          <abbr class="admiralty-code" title={RELIABILITY_LABELS[linked.reliability]}>
            {linked.reliability}
          </abbr>
          <span dir="auto" class="linked-title">
            {linked.withhold && <span class="withheld-badge">Withheld source</span>}
            {linked.title}
          </span>
          <span class="claim-hint linked-grade">Reliability: {RELIABILITY_LABELS[linked.reliability].toLowerCase()}</span>
        </div>
      ) : (
        <p class="claim-hint">Not linked to a source of the library yet.</p>
      )}
      <div class="mention-buttons">
        {!linked && (
          <button type="button" class="with-icon" disabled={busy || words.trim() === ''} onClick={() => void fromWords()}>
            <PlusIcon />
            New source from these words
          </button>
        )}
        {linked && (
          <button type="button" onClick={() => link(null)}>
            Unlink
          </button>
        )}
      </div>
      <SourcePicker label={linked ? 'Change the linked source' : 'Or link a source of the library'} sources={sources} value={mention.sourceId} onChange={link} onProjectView={check.onProjectView} />
      <FieldProblems messages={problem ? [problem] : []} />
    </fieldset>
  );
}
