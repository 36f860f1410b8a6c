/**
 * The export dialog's choices of what the report holds: the format (with what each is for), the
 * layout of the readable report, the documents, which claims by status and tag, full text or
 * excerpts, notes, text-damage warnings and withheld sources. Who publishes it, and where, are
 * ./PublishingFields.tsx.
 */
import type { ComponentChildren } from 'preact';
import type { StoredProject } from '../../../shared/model/project.js';
import { CLAIM_STATUSES } from '../../../shared/model/vocabulary.js';
import { tagRows } from '../../../shared/codebook/tree.js';
import { REPORT_FORMATS } from '../../../shared/report/index.js';
import { DEFAULT_REPORT_OPTIONS, type ReportLayout, type ReportOptions } from '../../../shared/report/input.js';
import { STATUS_LABELS } from '../../editor/annotations/appearance.js';
import { CheckList } from './CheckList.js';
import { toggleIn, type ReportDraft } from './report-draft.js';

/** The layouts of shared/report (REPORT_LAYOUTS), in the analyst's words. */
const LAYOUTS: readonly { id: ReportLayout; label: string }[] = [
  { id: 'verdict-first', label: 'Verdict first: each claim with its verdict, conclusion and evidence, then the text and the method (as published)' },
  { id: 'audit', label: 'Audit: the documents first, then their annotated text, then each claim' },
];

export interface ReportOptionsFormProps {
  project: StoredProject;
  draft: ReportDraft;
  onChange: (draft: ReportDraft) => void;
  /** Shown after the choices, in the same scrolling column (the publishing fields). */
  children?: ComponentChildren;
}

export function ReportOptionsForm({ project, draft, onChange, children }: ReportOptionsFormProps) {
  const options = draft.options;
  const setOptions = (patch: Partial<ReportOptions>) => onChange({ ...draft, options: { ...options, ...patch } });
  const documentOrder = project.documents.map((d) => d.id);
  const tags = tagRows(project.tags);
  const toggle = (label: string, key: 'includeNotes' | 'includeDamage' | 'anonymiseWithheld') => (
    <label class="report-check">
      <input type="checkbox" checked={options[key]} onChange={() => setOptions({ [key]: !options[key] })} />
      <span>{label}</span>
    </label>
  );
  return (
    <div class="report-options">
      <fieldset class="report-group">
        <legend>Format</legend>
        {REPORT_FORMATS.map((format) => (
          <label key={format.id} class="report-check report-format">
            <input type="radio" name="report-format" value={format.id} checked={draft.format === format.id} onChange={() => onChange({ ...draft, format: format.id })} />
            <span>
              {format.description} <span class="report-extension">(.{format.extension})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset class="report-group">
        <legend>Layout</legend>
        {LAYOUTS.map(({ id, label }) => (
          <label key={id} class="report-check">
            <input type="radio" name="report-layout" checked={(options.layout ?? DEFAULT_REPORT_OPTIONS.layout) === id} onChange={() => setOptions({ layout: id })} />
            <span>{label}</span>
          </label>
        ))}
        <small>For the Markdown, web-page and PDF reports.</small>
      </fieldset>
      <fieldset class="report-group">
        <legend>Documents</legend>
        <label class="report-check">
          <input type="radio" name="report-documents" checked={draft.allDocuments} onChange={() => onChange({ ...draft, allDocuments: true })} />
          <span>All documents ({project.documents.length})</span>
        </label>
        <label class="report-check">
          <input type="radio" name="report-documents" checked={!draft.allDocuments} onChange={() => onChange({ ...draft, allDocuments: false })} />
          <span>Chosen documents</span>
        </label>
        {!draft.allDocuments && (
          <CheckList
            legend="Documents to report on"
            items={project.documents.map((d) => ({ id: d.id, label: d.title, depth: 1 }))}
            chosen={draft.documentIds}
            onToggle={(id) => onChange({ ...draft, documentIds: toggleIn(documentOrder, draft.documentIds, id) })}
            empty="The project has no documents yet."
          />
        )}
      </fieldset>
      <CheckList
        legend="Claims with these statuses"
        hint="None ticked: every status."
        items={CLAIM_STATUSES.map((status) => ({ id: status, label: STATUS_LABELS[status] ?? status }))}
        chosen={options.statuses}
        onToggle={(status) => setOptions({ statuses: toggleIn(CLAIM_STATUSES, options.statuses, status as (typeof CLAIM_STATUSES)[number]) })}
      />
      <CheckList
        legend="Claims with these tags"
        hint="None ticked: claims with any tag or none."
        items={tags.map((row) => ({ id: row.tag.id, label: row.tag.name, depth: row.depth }))}
        chosen={options.tagIds}
        onToggle={(id) => setOptions({ tagIds: toggleIn(tags.map((row) => row.tag.id), options.tagIds, id) })}
        empty="The codebook has no tags."
      />
      <fieldset class="report-group">
        <legend>Text</legend>
        <label class="report-check">
          <input type="radio" name="report-text" checked={options.text === 'full'} onChange={() => setOptions({ text: 'full' })} />
          <span>Full annotated text</span>
        </label>
        <label class="report-check">
          <input type="radio" name="report-text" checked={options.text === 'excerpts'} onChange={() => setOptions({ text: 'excerpts' })} />
          <span>Excerpts only (each claim with its context)</span>
        </label>
      </fieldset>
      <fieldset class="report-group">
        <legend>Include</legend>
        {toggle('Notes', 'includeNotes')}
        {toggle('Text-damage warnings', 'includeDamage')}
        {toggle('Anonymise withheld sources', 'anonymiseWithheld')}
      </fieldset>
      {children}
    </div>
  );
}
