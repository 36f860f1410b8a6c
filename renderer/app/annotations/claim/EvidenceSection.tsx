/**
 * The claim's evidence: what an editor should know before publishing (claimWarnings), the list,
 * and the form to add or edit one piece. Each change is saved into the claim as one undo step,
 * through the same rules as every other field.
 */
import { useState } from 'preact/hooks';
import { claimWarnings } from '../../../../shared/check/claim-rules.js';
import type { ProjectView } from '../../../../shared/contract.js';
import type { Claim } from '../../../../shared/model/annotation.js';
import type { DocumentSummary } from '../../../../shared/model/document.js';
import type { Evidence } from '../../../../shared/model/evidence.js';
import type { Source } from '../../../../shared/model/source.js';
import { PlusIcon, WarningIcon } from '../../icons.js';
import { EvidenceForm } from './EvidenceForm.js';
import { EvidenceItem } from './EvidenceItem.js';
import type { ClaimCommit } from './use-claim-commit.js';

export interface EvidenceSectionProps {
  claim: Claim;
  commit: ClaimCommit;
  sources: readonly Source[];
  /** Documents a span may come from (the open one left out). */
  documents: readonly DocumentSummary[];
  onProjectView: (view: ProjectView) => void;
}

export function EvidenceSection({ claim, commit, sources, documents, onProjectView }: EvidenceSectionProps) {
  /** The evidence being edited: its id, 'new', or null when the form is closed. */
  const [editing, setEditing] = useState<string | null>(null);
  const warnings = claimWarnings(claim, sources);
  const save = (evidence: Evidence) => {
    const exists = claim.evidence.some((e) => e.id === evidence.id);
    const list = exists ? claim.evidence.map((e) => (e.id === evidence.id ? evidence : e)) : [...claim.evidence, evidence];
    const saved = commit.attempt('evidence', { ...claim, evidence: list }, { keepsDraft: true });
    if (saved) setEditing(null);
    return saved;
  };
  const form = (initial: Evidence | null) => (
    <EvidenceForm
      key={initial?.id ?? 'new'}
      initial={initial}
      sources={sources}
      documents={documents}
      onProjectView={onProjectView}
      onSave={save}
      messages={commit.messages('evidence')}
      onCancel={() => setEditing(null)}
    />
  );
  return (
    <fieldset class="claim-section evidence-section">
      <legend>
        Evidence <span class="count">{claim.evidence.length}</span>
      </legend>
      {warnings.map((warning) => (
        <p key={warning} class="claim-warning">
          <WarningIcon />
          {warning}
        </p>
      ))}
      {claim.evidence.length === 0 && editing === null && <p class="claim-hint">No evidence yet.</p>}
      {claim.evidence.length > 0 && (
        <ul class="evidence-list" aria-label={`Evidence for ${claim.shortId}`}>
          {claim.evidence.map((evidence) =>
            editing === evidence.id ? (
              <li key={evidence.id}>{form(evidence)}</li>
            ) : (
              <EvidenceItem
                key={evidence.id}
                evidence={evidence}
                source={sources.find((s) => s.id === evidence.sourceId)}
                documents={documents}
                onEdit={() => setEditing(evidence.id)}
                onRemove={() => commit.attempt('evidence', { ...claim, evidence: claim.evidence.filter((e) => e.id !== evidence.id) })}
              />
            ),
          )}
        </ul>
      )}
      {editing === 'new' ? (
        form(null)
      ) : (
        <button type="button" class="with-icon add-evidence" onClick={() => setEditing('new')}>
          <PlusIcon />
          Add evidence
        </button>
      )}
    </fieldset>
  );
}
