/**
 * The spreadsheet exports: the included claims, one row each, and the sources the report cites, one
 * row each — for teams that track their checks in Excel or LibreOffice. Positions are in code points,
 * as in the W3C export; the claims CSV reads back with `factmark claims import` (evidence addresses
 * in "Evidence URLs", a cell's own leading `'` kept apart from the neutralising one); withheld
 * sources are anonymised when the analyst chose so; addresses are
 * printed without tracking parameters, and dates the CSL import kept in a source's notes are in
 * its date columns.
 */
import type { Claim } from '../model/annotation.js';
import type { StoredProject } from '../model/project.js';
import type { Source } from '../model/source.js';
import { verdictName } from '../model/queries.js';
import { hasVerdict } from '../check/claim-rules.js';
import { sourceDates } from '../check/csl.js';
import { csvText } from './csv-text.js';
import { printedUrl } from './printed-url.js';
import { verdictDate } from './verdict-date.js';
import type { ReportInput, ReportOptions } from './input.js';
import { compareText, reportedClaims, reportedSources, shownSource } from './select.js';

const CLAIM_COLUMNS = [
  'Document ID', 'Document', 'Claim', 'Status', 'Kind', 'Quote', 'Restatement', 'Claimant', 'Appearance URL', 'Appearance date',
  'Verdict', 'Conclusion', 'Evidence', 'Tags', 'Start', 'End', 'Orphaned', 'Claimant kind', 'Why it is worth checking', 'Analyst', 'Verdict date',
  'Evidence URLs',
];

/** The included claims as CSV, one row per claim in report order (documents as listed, claims in reading order). */
export function claimsCsv(input: ReportInput, options: ReportOptions): string {
  const rows = input.documents.flatMap((document) =>
    reportedClaims(document, options).map((claim) => [
      document.id,
      document.title,
      claim.shortId,
      claim.status,
      claim.claimKind,
      claim.anchor.quote.exact,
      claim.restatement,
      claim.claimant,
      printedUrl(claim.appearance.url),
      claim.appearance.date ?? '',
      verdictName(claim.verdict, input.project) ?? '',
      claim.verdict.conclusion,
      String(claim.evidence.length),
      tagNames(claim, input.project),
      String(claim.anchor.position.start),
      String(claim.anchor.position.end),
      claim.orphaned ? 'yes' : 'no',
      claim.claimantKind,
      claim.worthChecking,
      claim.analyst,
      hasVerdict(claim) ? verdictDate(claim) : '',
      evidenceUrls(claim, input, options),
    ].map(keepingApostrophe)),
  );
  return csvText(CLAIM_COLUMNS, rows);
}

/**
 * The addresses of the claim's evidence sources as the report may show them (a withheld source's
 * left out when anonymised, tracking parameters taken off), once each, separated by spaces — what
 * `factmark claims import` reads as a row's evidence, so the export re-imports with its sources.
 */
function evidenceUrls(claim: Claim, input: ReportInput, options: ReportOptions): string {
  const urls = claim.evidence.flatMap((item) => {
    const source = input.project.sources.find((s) => s.id === item.sourceId);
    return source ? [shownSource(source, options).url] : [];
  });
  return [...new Set(urls.filter((url) => url !== ''))].join(' ');
}

/**
 * A cell that starts with `'` gets one more, as a formula-like cell gets one (./csv-text.ts): so a
 * re-import takes exactly one `'` off every cell that starts with `'` before a formula start or a
 * `'`, and a claimant typed as `'=x` comes back as `'=x`, not as `=x`.
 */
function keepingApostrophe(cell: string): string {
  return cell.startsWith("'") ? `'${cell}` : cell;
}

/** The claim's tags by name, sorted, separated by "; ". */
function tagNames(claim: Claim, project: StoredProject): string {
  return project.tags
    .filter((tag) => claim.tagIds.includes(tag.id))
    .map((tag) => tag.name)
    .sort(compareText)
    .join('; ');
}

const SOURCE_COLUMNS = [
  'Source ID', 'Type', 'Title', 'Authors', 'Publisher', 'Published', 'Accessed', 'URL', 'Archive URL', 'Language', 'Reliability', 'Withheld', 'Cited by',
];

/** The sources the report cites as CSV, in library order, with the claims (short ids) that cite each. */
export function sourcesCsv(input: ReportInput, options: ReportOptions): string {
  const citing = citingClaims(input, options);
  const rows = reportedSources(input, options).map((source) => [
    source.id,
    source.type,
    source.title,
    authorNames(source),
    source.publisher,
    sourceDates(source).published ?? '',
    sourceDates(source).accessed ?? '',
    source.url,
    source.archiveUrl,
    source.language,
    source.reliability,
    source.withhold ? 'yes' : 'no',
    [...(citing.get(source.id) ?? [])].sort(compareShortIds).join('; '),
  ]);
  return csvText(SOURCE_COLUMNS, rows);
}

/** Authors as people write them in a list: "Family, Given" or the organisation's name, separated by "; ". */
function authorNames(source: Source): string {
  return source.authors.map((a) => ('literal' in a ? a.literal : a.given ? `${a.family}, ${a.given}` : a.family)).join('; ');
}

/** For each source, the short ids of the included claims whose evidence cites it. */
function citingClaims(input: ReportInput, options: ReportOptions): Map<string, Set<string>> {
  const citing = new Map<string, Set<string>>();
  for (const document of input.documents) {
    for (const claim of reportedClaims(document, options)) {
      for (const item of claim.evidence) citing.set(item.sourceId, (citing.get(item.sourceId) ?? new Set()).add(claim.shortId));
    }
  }
  return citing;
}

/** C2 before C10: by number. */
function compareShortIds(a: string, b: string): number {
  return Number(a.slice(1)) - Number(b.slice(1));
}
