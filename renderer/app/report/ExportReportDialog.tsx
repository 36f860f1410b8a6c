/**
 * The Export report dialog (top bar "Export…", File → Export Report…, Alt+Shift+E in a browser):
 * the choices beside a live preview of the Markdown report, and Export, which saves the chosen
 * format through the native dialog on the desktop or downloads it in a browser. The report's web
 * address is the project's: leaving its field saves it (setReportAddress), and ClaimReview chosen
 * without one says what it lacks.
 */
import { useState } from 'preact/hooks';
import type { ProjectView } from '../../../shared/contract.js';
import { urlProblem } from '../../../shared/check/fields.js';
import type { StoredProject } from '../../../shared/model/project.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { rememberAnalyst } from '../../analyst-memory.js';
import { rememberOrganisation } from './organisation-memory.js';
import { Dialog } from '../Dialog.js';
import { exportReport, type ExportOutcome } from './export-report.js';
import { claimReviewLacksAddress, draftProblem, initialDraft, reportRequest, type ReportDraft } from './report-draft.js';
import { PublishingFields } from './PublishingFields.js';
import { ReportOptionsForm } from './ReportOptionsForm.js';
import { ReportPreview } from './ReportPreview.js';
import { useReportPreview } from './use-report-preview.js';

export interface ExportReportDialogProps {
  project: StoredProject;
  /** True on the desktop, where the report is saved through the native dialog. */
  nativeDialogs: boolean;
  /** Saves the editor's pending changes, so the report includes them. */
  flushEdits: () => Promise<unknown>;
  /** Takes the project as main holds it after the report address was saved. */
  onProjectView: (view: ProjectView) => void;
  onClose: () => void;
}

export function ExportReportDialog({ project, nativeDialogs, flushEdits, onProjectView, onClose }: ExportReportDialogProps) {
  const [draft, setDraft] = useState(() => initialDraft(project.reportUrl));
  const [addressError, setAddressError] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);
  const problem = draftProblem(draft);
  const preview = useReportPreview(problem ? null : reportRequest(draft, 'md'), flushEdits);

  const change = (next: ReportDraft) => {
    setDraft(next);
    setOutcome(null);
  };

  const saveAddress = async (url: string) => {
    const address = url.trim();
    if (address === project.reportUrl || urlProblem(address) !== null) return;
    const saved = await api.setReportAddress(address);
    setAddressError(saved.ok ? '' : describeError(saved.error));
    if (saved.ok) onProjectView(saved.value);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (problem) return;
    setBusy(true);
    setOutcome(null);
    rememberAnalyst(draft.analyst);
    rememberOrganisation(draft.organisation, draft.organisationUrl);
    await flushEdits();
    await saveAddress(draft.reportUrl);
    setOutcome(await exportReport(reportRequest(draft), nativeDialogs));
    setBusy(false);
  };

  return (
    <Dialog title="Export report" description="Choose what the report holds; the preview shows the Markdown report as it will be." onClose={onClose}>
      <form class="report-dialog" onSubmit={submit}>
        <ReportOptionsForm project={project} draft={draft} onChange={change}>
          <PublishingFields draft={draft} onChange={change} onSaveAddress={(url) => void saveAddress(url)} addressError={addressError} />
        </ReportOptionsForm>
        <ReportPreview preview={preview} format={draft.format} />
        <div class="report-footer">
          {problem && <p role="alert" class="form-error">{problem}</p>}
          {!problem && claimReviewLacksAddress(draft) && (
            <p role="status" class="report-warning">ClaimReview needs the report's web address (Published at): without it each review is named by a urn:factmark: id, which search engines do not publish.</p>
          )}
          {outcome && (
            <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'report-outcome' : 'form-error'} dir="auto">
              {outcome.message}
            </p>
          )}
          <div class="dialog-buttons">
            <button type="button" onClick={onClose}>Close</button>
            <button type="submit" class="primary" disabled={busy || problem !== null}>{busy ? 'Exporting…' : nativeDialogs ? 'Export…' : 'Export'}</button>
          </div>
        </div>
      </form>
    </Dialog>
  );
}
