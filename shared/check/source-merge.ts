/**
 * What merging a duplicate source into another does: the kept source takes the duplicate's fields
 * where its own are blank, and every piece of evidence and source mention that cited the duplicate
 * cites the kept source. One rule, shared by the store (documents on disk) and the editor (the open
 * document's own copy).
 */
import type { Annotation } from '../model/annotation.js';
import type { Source } from '../model/source.js';

/** Text fields a merge fills from the duplicate when the kept source leaves them blank. */
const TEXT_FIELDS = ['publisher', 'url', 'archiveUrl', 'language'] as const;

/**
 * `into` with blanks filled from `from`: empty texts, missing dates, no authors, an ungraded
 * reliability (F) and the type "other". Notes are kept from both. Withholding wins, so a source one
 * of them kept anonymous stays anonymous.
 */
export function mergedSource(into: Source, from: Source): Source {
  const merged: Source = { ...into };
  for (const field of TEXT_FIELDS) if (merged[field].trim() === '') merged[field] = from[field];
  merged.published ??= from.published;
  merged.accessed ??= from.accessed;
  if (merged.authors.length === 0) merged.authors = from.authors;
  if (merged.reliability === 'F') merged.reliability = from.reliability;
  if (merged.type === 'other') merged.type = from.type;
  const notes = [into.notes.trim(), from.notes.trim()].filter((note, i, all) => note !== '' && all.indexOf(note) === i);
  merged.notes = notes.join('\n\n');
  merged.withhold = into.withhold || from.withhold;
  return merged;
}

/** The source ids an annotation cites: its evidence's sources (a claim) or its linked source (a source mention). */
export function citedSourceIds(annotation: Annotation): string[] {
  if (annotation.kind === 'claim') return annotation.evidence.map((item) => item.sourceId);
  if (annotation.kind === 'sourceMention' && annotation.sourceId !== null) return [annotation.sourceId];
  return [];
}

/** `annotation` citing `intoId` wherever it cited `fromId`; the same object when it did not cite it. */
export function repointSource(annotation: Annotation, fromId: string, intoId: string): Annotation {
  if (!citedSourceIds(annotation).includes(fromId)) return annotation;
  if (annotation.kind === 'sourceMention') return { ...annotation, sourceId: intoId };
  if (annotation.kind !== 'claim') return annotation;
  return { ...annotation, evidence: annotation.evidence.map((item) => (item.sourceId === fromId ? { ...item, sourceId: intoId } : item)) };
}
