/**
 * Who publishes the report and where: the analyst named in it, the fact-checking organisation
 * (ClaimReview's author) and its address, and the address the report is published at — saved with
 * the project when the field is left, since Google's fact-check markup needs it: each ClaimReview's
 * `url` is that address with the claim's anchor (`…#c3`). Without it the field says so, as a
 * warning when ClaimReview is the chosen format.
 */
import type { ReportDraft } from './report-draft.js';

export interface PublishingFieldsProps {
  draft: ReportDraft;
  onChange: (draft: ReportDraft) => void;
  /** Saves the report address with the project (when it changed and is a web address). */
  onSaveAddress: (url: string) => void;
  /** Why the project did not keep the address, or ''. */
  addressError: string;
}

export function PublishingFields({ draft, onChange, onSaveAddress, addressError }: PublishingFieldsProps) {
  const unset = draft.reportUrl.trim() === '';
  const needed = unset && draft.format === 'claimreview';
  return (
    <>
      <div class="field">
        <label for="report-address">Published at (the report's web address)</label>
        <input
          id="report-address"
          type="url"
          value={draft.reportUrl}
          placeholder="https://"
          aria-describedby="report-address-hint"
          aria-invalid={addressError !== ''}
          onInput={(e) => onChange({ ...draft, reportUrl: e.currentTarget.value })}
          onBlur={() => onSaveAddress(draft.reportUrl)}
        />
        <small id="report-address-hint" class={needed ? 'report-warning' : undefined}>
          {unset
            ? 'Not set. ClaimReview needs the address of the published fact-check: until it is given, each review is named by a urn:factmark: id, which search engines do not show.'
            : `Saved with the project. Each ClaimReview points at its claim there (${draft.reportUrl.trim().replace(/#.*$/, '')}#c1, …).`}
        </small>
        {addressError !== '' && <p role="alert" class="form-error">{addressError}</p>}
      </div>
      <div class="field">
        <label for="report-analyst">Analyst</label>
        <input id="report-analyst" type="text" dir="auto" value={draft.analyst} aria-describedby="report-analyst-hint" onInput={(e) => onChange({ ...draft, analyst: e.currentTarget.value })} />
        <small id="report-analyst-hint">Named in the report as its author; leave empty to name nobody.</small>
      </div>
      <div class="field">
        <label for="report-organisation">Publishing organisation</label>
        <input id="report-organisation" type="text" dir="auto" value={draft.organisation} aria-describedby="report-organisation-hint" onInput={(e) => onChange({ ...draft, organisation: e.currentTarget.value })} />
        <small id="report-organisation-hint">The fact-checking organisation ClaimReview names as the author of each review (the analyst is then a contributor); leave empty for none.</small>
      </div>
      <div class="field">
        <label for="report-organisation-url">Organisation's web address</label>
        <input id="report-organisation-url" type="url" value={draft.organisationUrl} placeholder="https://" onInput={(e) => onChange({ ...draft, organisationUrl: e.currentTarget.value })} />
      </div>
    </>
  );
}
