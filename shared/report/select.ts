/**
 * What a report carries, in the order it gives it: the one place the analyst's choices (statuses,
 * tags, notes, anonymised sources) are applied, so every export includes and hides the same things.
 */
import type { Annotation, Claim, Note } from '../model/annotation.js';
import type { StoredDocument } from '../model/document.js';
import type { Source } from '../model/source.js';
import type { ReportInput, ReportOptions } from './input.js';
import { printedUrl } from './printed-url.js';

/** Annotations in reading order: by start, then end, then id, so equal spans keep one order. */
export function inTextOrder<T extends Annotation>(annotations: readonly T[]): T[] {
  return [...annotations].sort(
    (a, b) => a.anchor.position.start - b.anchor.position.start || a.anchor.position.end - b.anchor.position.end || compareText(a.id, b.id),
  );
}

/** Orders strings by code unit, the same on every machine (no locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the claim passes the chosen statuses and tags (an empty choice lets all through). */
export function isReportedClaim(claim: Claim, options: ReportOptions): boolean {
  const statusOk = options.statuses.length === 0 || options.statuses.includes(claim.status);
  const tagOk = options.tagIds.length === 0 || claim.tagIds.some((id) => options.tagIds.includes(id));
  return statusOk && tagOk;
}

/** The document's claims the report includes, in reading order. */
export function reportedClaims(document: StoredDocument, options: ReportOptions): Claim[] {
  return inTextOrder(document.annotations.filter((a): a is Claim => a.kind === 'claim' && isReportedClaim(a, options)));
}

/**
 * Whether `note`'s words overlap the words of one of `claims` (sorted by start, with `reach[i]` the
 * largest end among the first i + 1 of them): found by binary search, so a report stays linear-ish.
 */
function overlapsAny(note: Note, claims: readonly Claim[], reach: readonly number[]): boolean {
  const { start, end } = note.anchor.position;
  let low = 0;
  let high = claims.length; // claims[0, low) start before `end`
  while (low < high) {
    const middle = (low + high) >> 1;
    if (claims[middle]!.anchor.position.start < end) low = middle + 1;
    else high = middle;
  }
  return low > 0 && reach[low - 1]! > start;
}

/** The notes of a document the report carries, and whether each overlaps one of its reported claims. */
export interface ReportedNote {
  note: Note;
  /** Its words overlap a reported claim's words: the report shows it with that claim. */
  onClaim: boolean;
}

/**
 * The document's notes the report includes, in reading order: none unless notes are chosen; then
 * every note on a reported claim's words, and every other note that carries a chosen tag (all of
 * them when no tag is chosen). Notes have no status, so the chosen statuses do not filter them.
 */
export function reportedNotes(document: StoredDocument, options: ReportOptions, claims: readonly Claim[] = reportedClaims(document, options)): ReportedNote[] {
  if (!options.includeNotes) return [];
  const reach: number[] = [];
  for (const claim of claims) reach.push(Math.max(reach[reach.length - 1] ?? -Infinity, claim.anchor.position.end));
  const notes = inTextOrder(document.annotations.filter((a): a is Note => a.kind === 'note'));
  return notes.flatMap((note) => {
    const onClaim = overlapsAny(note, claims, reach);
    const chosen = onClaim || options.tagIds.length === 0 || note.tagIds.some((id) => options.tagIds.includes(id));
    return chosen ? [{ note, onClaim }] : [];
  });
}

/** The document's annotations the report includes: chosen claims, every source mention, chosen notes (reportedNotes); in reading order. */
export function reportedAnnotations(document: StoredDocument, options: ReportOptions): Annotation[] {
  const claims = reportedClaims(document, options);
  const notes = reportedNotes(document, options, claims).map((n) => n.note);
  return inTextOrder([...claims, ...document.annotations.filter((a) => a.kind === 'sourceMention'), ...notes]);
}

/** The title a withheld source is shown under when its identity is kept out of the report. */
export const WITHHELD_TITLE = 'Withheld source';

/**
 * The source as the report may show it: its address as reports print it (./printed-url.ts), or —
 * when it is withheld and the analyst chose to anonymise — with every field that could identify it
 * emptied. Its id, type, reliability and the withhold flag stay, so a reader still sees what kind
 * of source it was and how it was graded.
 */
export function shownSource(source: Source, options: ReportOptions): Source {
  if (!source.withhold || !options.anonymiseWithheld) return { ...source, url: printedUrl(source.url) };
  return { ...source, title: WITHHELD_TITLE, authors: [], publisher: '', published: null, accessed: null, url: '', archiveUrl: '', language: '', notes: '' };
}

/**
 * The library's sources the report cites — as evidence of an included claim or through a source
 * mention — in library order, as the report may show them.
 */
export function reportedSources(input: ReportInput, options: ReportOptions): Source[] {
  const cited = new Set<string>();
  for (const document of input.documents) {
    for (const annotation of reportedAnnotations(document, options)) {
      if (annotation.kind === 'claim') annotation.evidence.forEach((item) => cited.add(item.sourceId));
      if (annotation.kind === 'sourceMention' && annotation.sourceId !== null) cited.add(annotation.sourceId);
    }
  }
  return input.project.sources.filter((source) => cited.has(source.id)).map((source) => shownSource(source, options));
}
