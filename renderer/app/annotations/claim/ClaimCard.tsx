/**
 * The claim's part of its annotation card: status and type, what is checked and by whom, where it appeared,
 * the verdict on the project's scale with the conclusion, the evidence, the corrections log, and
 * who checked it when. Every change goes through useClaimCommit (rules, corrections, one undo step).
 */
import { CLAIM_KINDS, CLAIM_STATUSES } from '../../../../shared/model/vocabulary.js';
import type { Claim } from '../../../../shared/model/annotation.js';
import type { AnnotationSession } from '../../../editor/annotations/annotation-session.js';
import { STATUS_LABELS } from '../../../editor/annotations/appearance.js';
import { rememberedAnalyst } from '../../../analyst-memory.js';
import { activeScale, type CheckContext } from './check-context.js';
import { ClaimDetails } from './ClaimDetails.js';
import { CorrectionDialog } from './CorrectionDialog.js';
import { CorrectionsLog } from './CorrectionsLog.js';
import { DraftField, FieldProblems } from './DraftField.js';
import { EvidenceSection } from './EvidenceSection.js';
import { formatTime } from './format-time.js';
import { CLAIM_KIND_LABELS } from './labels.js';
import { useClaimCommit } from './use-claim-commit.js';
import { useClaimants } from './use-claimants.js';
import { VerdictSection } from './VerdictSection.js';

export interface ClaimCardProps {
  session: AnnotationSession;
  claim: Claim;
  check: CheckContext;
  /** The first field, which takes the keyboard when a claim is made. */
  firstField: { current: HTMLTextAreaElement | HTMLInputElement | null };
}

export function ClaimCard({ session, claim, check, firstField }: ClaimCardProps) {
  const { project } = check;
  const scale = activeScale(project);
  const commit = useClaimCommit(session, claim, scale);
  const claimants = useClaimants(check.documentClaims);
  const otherDocuments = project.documents.filter((d) => d.id !== check.documentId);
  const remembered = claim.analyst === '' ? rememberedAnalyst() : '';
  return (
    <>
      <div class="claim-grid">
        <div class="field claim-field status-field">
          <label for={`status-${claim.id}`}>Status</label>
          <select id={`status-${claim.id}`} class={`status-${claim.status}`} value={claim.status} onChange={(e) => commit.attempt('status', { ...claim, status: e.currentTarget.value as Claim['status'] })}>
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="field claim-field">
          <label for={`claim-kind-${claim.id}`}>Type of claim</label>
          <select id={`claim-kind-${claim.id}`} value={claim.claimKind} onChange={(e) => commit.attempt('claimKind', { ...claim, claimKind: e.currentTarget.value as Claim['claimKind'] })}>
            {CLAIM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {CLAIM_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <FieldProblems messages={[...commit.messages('status'), ...commit.messages('claimKind')]} />
      <ClaimDetails claim={claim} commit={commit} claimants={claimants} firstField={firstField} />
      <VerdictSection claim={claim} scale={scale} commit={commit} />
      <EvidenceSection claim={claim} commit={commit} sources={project.sources} documents={otherDocuments} onProjectView={check.onProjectView} />
      <CorrectionsLog claim={claim} scales={project.ratingScales} />
      <fieldset class="claim-section">
        <legend>Checked by</legend>
        <DraftField
          key={`${claim.id}-analyst-${commit.revision}`}
          label="Analyst"
          value={claim.analyst || remembered}
          hint={remembered ? 'Your name from the last claim on this machine; saved with this claim’s first change.' : undefined}
          messages={commit.messages('analyst')}
          onCommit={(analyst) => commit.attempt('analyst', { ...claim, analyst: analyst.trim() }, { keepsDraft: true })}
        />
        <p class="claim-times">
          Created <time dateTime={claim.createdAt}>{formatTime(claim.createdAt)}</time>
          <br />
          Updated <time dateTime={claim.updatedAt}>{formatTime(claim.updatedAt)}</time>
        </p>
      </fieldset>
      {commit.pendingCorrection && <CorrectionDialog before={claim} after={commit.pendingCorrection} scales={project.ratingScales} onConfirm={commit.confirmCorrection} onCancel={commit.cancelCorrection} />}
    </>
  );
}
