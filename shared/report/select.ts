/**
 * What a report carries, in the order it gives it: the one place the analyst's choices (statuses,
 * tags, notes, anonymised sources) are applied, so every export includes and hides the same things.
 */
import type { Annotation, Claim } from '../model/annotation.js';
import type { StoredDocument } from '../model/document.js';
import type { Source } from '../model/source.js';
import type { ReportInput, ReportOptions } from './input.js';

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

/** The document's annotations the report includes: chosen claims, every source mention, notes when chosen; in reading order. */
export function reportedAnnotations(document: StoredDocument, options: ReportOptions): Annotation[] {
  return inTextOrder(
    document.annotations.filter((a) => (a.kind === 'claim' ? isReportedClaim(a, options) : a.kind === 'sourceMention' || options.includeNotes)),
  );
}

/** The title a withheld source is shown under when its identity is kept out of the report. */
export const WITHHELD_TITLE = 'Withheld source';

/**
 * The source as the report may show it: unchanged, or — when it is withheld and the analyst chose
 * to anonymise — with every field that could identify it emptied. Its id, type, reliability and
 * the withhold flag stay, so a reader still sees what kind of source it was and how it was graded.
 */
export function shownSource(source: Source, options: ReportOptions): Source {
  if (!source.withhold || !options.anonymiseWithheld) return source;
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
