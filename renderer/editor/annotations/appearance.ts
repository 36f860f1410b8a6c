/**
 * How an annotation looks on the page: its kind decides the underline style (solid for a claim,
 * dashed for a source mention, dotted for a note), so meaning never rests on colour alone; the
 * colour follows what the analyst chose to "colour by" (kind, tag, status or verdict), explained
 * by a legend built from the same rules. Also the short summary shown when hovering an annotation.
 */
import type { Annotation, AnnotationKind } from '../../../shared/model/annotation.js';
import type { RatingLevel } from '../../../shared/model/rating-scale.js';
import type { Source } from '../../../shared/model/source.js';
import type { Tag } from '../../../shared/model/tag.js';
import { SPECIAL_LABELS, STATUS_LABELS } from '../../../shared/report/labels.js';

export { SPECIAL_LABELS, STATUS_LABELS };

export const COLOUR_BY = ['kind', 'tag', 'status', 'verdict'] as const;
/** What the colour of annotations shows. */
export type ColourBy = (typeof COLOUR_BY)[number];

export const COLOUR_BY_LABELS: Record<ColourBy, string> = { kind: 'Kind', tag: 'Tag', status: 'Status', verdict: 'Verdict' };

export const KIND_LABELS: Record<AnnotationKind, string> = { claim: 'Claim', sourceMention: 'Source mention', note: 'Note' };

/** Colours chosen to stay distinct from each other and legible as tints on light and dark paper. */
const KIND_COLOURS: Record<AnnotationKind, string> = { claim: '#d97706', sourceMention: '#2563eb', note: '#0d9488' };
const STATUS_COLOURS: Record<string, string> = {
  new: '#64748b',
  researching: '#2563eb',
  inReview: '#9333ea',
  done: '#16a34a',
  notCheckable: '#a16207',
};
const NEUTRAL = '#8b8f96';
const SPECIAL_COLOUR = '#78716c';

/** What the appearance depends on besides the annotation itself. */
export interface AppearanceContext {
  colourBy: ColourBy;
  /** The codebook, by id. */
  tags: ReadonlyMap<string, Tag>;
  /** Levels of the project's active rating scale, by id. */
  levels: ReadonlyMap<string, RatingLevel>;
  /** The source library, by id (a source mention's summary names its source). */
  sources?: ReadonlyMap<string, Source>;
}

/** One colour of the legend and what it means. */
export interface LegendEntry {
  key: string;
  label: string;
  colour: string;
}

/** The legend entry an annotation falls under in the current colouring. */
export function legendEntryOf(annotation: Annotation, context: AppearanceContext): LegendEntry {
  switch (context.colourBy) {
    case 'kind':
      return { key: annotation.kind, label: KIND_LABELS[annotation.kind], colour: KIND_COLOURS[annotation.kind] };
    case 'tag': {
      const tag = annotation.tagIds.map((id) => context.tags.get(id)).find((t) => t !== undefined);
      return tag ? { key: tag.id, label: tag.name, colour: tag.colour } : { key: 'untagged', label: 'No tag', colour: NEUTRAL };
    }
    case 'status':
      if (annotation.kind !== 'claim') return { key: 'not-claim', label: 'Not a claim', colour: NEUTRAL };
      return { key: annotation.status, label: STATUS_LABELS[annotation.status] ?? annotation.status, colour: STATUS_COLOURS[annotation.status] ?? NEUTRAL };
    case 'verdict':
      return verdictEntry(annotation, context);
  }
}

function verdictEntry(annotation: Annotation, context: AppearanceContext): LegendEntry {
  if (annotation.kind !== 'claim') return { key: 'not-claim', label: 'Not a claim', colour: NEUTRAL };
  const { levelId, special } = annotation.verdict;
  if (special) return { key: special, label: SPECIAL_LABELS[special] ?? special, colour: SPECIAL_COLOUR };
  const level = levelId ? context.levels.get(levelId) : undefined;
  return level ? { key: level.id, label: level.label, colour: level.colour } : { key: 'no-verdict', label: 'No verdict yet', colour: NEUTRAL };
}

/** The legend for `annotations`: one entry per colour in use, in order of first appearance. */
export function legendFor(annotations: Iterable<Annotation>, context: AppearanceContext): LegendEntry[] {
  const entries = new Map<string, LegendEntry>();
  for (const annotation of annotations) {
    const entry = legendEntryOf(annotation, context);
    if (!entries.has(entry.key)) entries.set(entry.key, entry);
  }
  return [...entries.values()];
}

/** The name an analyst reads for an annotation: "Claim C3", "Source mention", "Note". */
export function annotationName(annotation: Annotation): string {
  return annotation.kind === 'claim' ? `Claim ${annotation.shortId}` : KIND_LABELS[annotation.kind];
}

/** The hover summary: name, status for a claim, a mention's source with its grade, tags, and the start of a note. */
export function summaryOf(annotation: Annotation, context: AppearanceContext): string {
  const parts = [annotationName(annotation)];
  if (annotation.kind === 'claim') parts.push(STATUS_LABELS[annotation.status] ?? annotation.status);
  const source = annotation.kind === 'sourceMention' && annotation.sourceId ? context.sources?.get(annotation.sourceId) : undefined;
  if (source) parts.push(`Source: ${clip(source.title, 60)} (${source.reliability})`);
  const tagNames = annotation.tagIds.map((id) => context.tags.get(id)?.name).filter((n): n is string => Boolean(n));
  if (tagNames.length > 0) parts.push(`Tags: ${tagNames.join(', ')}`);
  if (annotation.kind === 'note' && annotation.body) parts.push(clip(annotation.body, 80));
  if (annotation.kind === 'claim' && annotation.restatement) parts.push(clip(annotation.restatement, 80));
  return parts.join(' · ');
}

function clip(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > length ? `${line.slice(0, length - 1)}…` : line;
}
