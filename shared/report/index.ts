/**
 * The report formats (the Markdown report and the machine-readable ones) and the table that names them, so the command line
 * (`--format`), the export dialog and the file writer share one list: id, file extension, MIME
 * type, a one-line description and the pure function that renders it.
 */
import { sourcesToCslJson } from '../check/csl.js';
import { claimReviews } from './claim-review.js';
import { claimsCsv, sourcesCsv } from './csv.js';
import { htmlReport } from './html.js';
import type { ReportInput, ReportOptions } from './input.js';
import { reportedSources } from './select.js';
import { markdownReport } from './markdown/index.js';
import { webAnnotations } from './w3c.js';

export { claimReviews } from './claim-review.js';
export { claimsCsv, sourcesCsv } from './csv.js';
export { htmlReport } from './html.js';
export { DEFAULT_REPORT_OPTIONS, type ReportInput, type ReportOptions } from './input.js';
export { markdownReport } from './markdown/index.js';
export { webAnnotations } from './w3c.js';

/** One export format: how it is chosen, saved and made. */
export interface ReportFormat {
  /** The name `factmark export --format` takes. */
  id: string;
  /** The file extension, without the dot. */
  extension: string;
  mimeType: string;
  /** What the format is for, in one line for the export dialog and `--help`. */
  description: string;
  /**
   * The file's text: the same input and options always give the same text. For a format whose file
   * is bytes (`binary`), the text the file is laid out from.
   */
  render: (input: ReportInput, options: ReportOptions) => string;
  /**
   * Set for a format whose file is bytes, made in main from `render`'s text (it needs fonts read from
   * disk): 'pdf' is the Markdown report set as a PDF by main/services/export/pdf.
   */
  binary?: 'pdf';
}

/** The CSL-JSON of the sources the report cites (anonymised as chosen), for Zotero and other reference managers. */
function citedSourcesCsl(input: ReportInput, options: ReportOptions): string {
  return sourcesToCslJson(reportedSources(input, options));
}

export const REPORT_FORMATS: readonly ReportFormat[] = [
  {
    id: 'md',
    extension: 'md',
    mimeType: 'text/markdown; charset=utf-8',
    description: 'The annotated report in Markdown: readable as text, renders on GitHub, VS Code, Obsidian and pandoc',
    render: markdownReport,
  },
  {
    id: 'html',
    extension: 'html',
    mimeType: 'text/html; charset=utf-8',
    description: 'The same report as one self-contained web page (no scripts, nothing fetched), for reading and printing',
    render: htmlReport,
  },
  {
    id: 'pdf',
    extension: 'pdf',
    mimeType: 'application/pdf',
    description: 'The same report as a PDF (A4, fonts embedded), for printing and sending',
    render: markdownReport,
    binary: 'pdf',
  },
  {
    id: 'json',
    extension: 'jsonld',
    mimeType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    description: 'W3C Web Annotations (JSON-LD): claims, evidence, source mentions and notes with their text selectors',
    render: webAnnotations,
  },
  {
    id: 'claimreview',
    extension: 'jsonld',
    mimeType: 'application/ld+json',
    description: 'schema.org ClaimReview (JSON-LD) for each claim with a verdict, as search engines read it',
    render: claimReviews,
  },
  { id: 'csv', extension: 'csv', mimeType: 'text/csv; charset=utf-8; header=present', description: 'Claims as a spreadsheet (CSV for Excel and LibreOffice)', render: claimsCsv },
  { id: 'sources-csv', extension: 'csv', mimeType: 'text/csv; charset=utf-8; header=present', description: 'Cited sources as a spreadsheet (CSV for Excel and LibreOffice)', render: sourcesCsv },
  { id: 'csl', extension: 'json', mimeType: 'application/vnd.citationstyles.csl+json', description: 'Cited sources as CSL-JSON, for Zotero and other reference managers', render: citedSourcesCsl },
];
