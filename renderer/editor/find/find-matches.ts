/**
 * Finds a query in a document: the search runs over the plain-text projection (so a match may run
 * across emphasis, links and annotation marks) and each hit becomes a document range through the
 * projection's position map. A match never crosses from one block into the next.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { projectDocument, type DocumentProjection } from '../../../shared/anchoring/index.js';
import { BLOCK_SEPARATOR } from '../../../shared/text.js';
import { queryPattern, type FindOptions } from './find-text.js';

/** A match as a document range. */
export interface FindMatch {
  from: number;
  to: number;
}

/** The matches of one search, in document order. */
export interface FoundMatches {
  matches: FindMatch[];
  /** More matches exist than {@link MATCH_LIMIT}; only the first ones are listed. */
  truncated: boolean;
}

/** The most matches one search lists: enough to step through, few enough to highlight at once. */
export const MATCH_LIMIT = 10_000;

/**
 * Counts of the work find does, for tests that guard against accidentally quadratic behaviour by
 * counting rather than timing.
 */
export interface FindStats {
  /** Whole-document searches run. */
  searches: number;
  /** Projections of a document built (a document is projected once however often it is searched). */
  projections: number;
  /** Pattern hits read from the text. */
  hits: number;
  /** Decorations created. */
  decorations: number;
}

/** Stats with every count at zero. */
export function emptyFindStats(): FindStats {
  return { searches: 0, projections: 0, hits: 0, decorations: 0 };
}

/** Documents are immutable, so the projection of one can be reused while the query changes. */
const projections = new WeakMap<ProseMirrorNode, DocumentProjection>();

function projectionOf(doc: ProseMirrorNode, stats: FindStats | undefined): DocumentProjection {
  let projection = projections.get(doc);
  if (!projection) {
    projection = projectDocument(doc);
    projections.set(doc, projection);
    if (stats) stats.projections++;
  }
  return projection;
}

/**
 * Whether the text between `start` and `end` runs over a block boundary. A newline there is either
 * a hard break (one document position wide) or the separator between two blocks (at least two:
 * the end of one block and the start of the next).
 */
function crossesBlock(projection: DocumentProjection, start: number, end: number): boolean {
  const { text } = projection;
  for (let i = start; i < end; i++) {
    if (text[i] === BLOCK_SEPARATOR && projection.toDocPos(i + 1, -1) - projection.toDocPos(i, 1) !== 1) return true;
  }
  return false;
}

/** Every match of `query` in `doc`, up to {@link MATCH_LIMIT}, in one pass over the text. */
export function findInDocument(doc: ProseMirrorNode, query: string, options: FindOptions, stats?: FindStats): FoundMatches {
  const matches: FindMatch[] = [];
  if (query === '') return { matches, truncated: false };
  if (stats) stats.searches++;
  const projection = projectionOf(doc, stats);
  const multiline = query.includes(BLOCK_SEPARATOR);
  const pattern = queryPattern(query, options);
  for (let hit = pattern.exec(projection.text); hit; hit = pattern.exec(projection.text)) {
    if (stats) stats.hits++;
    const start = hit.index;
    const end = start + hit[0].length;
    if (multiline && crossesBlock(projection, start, end)) continue;
    if (matches.length === MATCH_LIMIT) return { matches, truncated: true };
    matches.push({ from: projection.toDocPos(start, 1), to: projection.toDocPos(end, -1) });
  }
  return { matches, truncated: false };
}

/** Index of the first match that starts at or after `pos`, wrapping to the first match; -1 when none. */
export function matchAtOrAfter(matches: readonly FindMatch[], pos: number): number {
  if (matches.length === 0) return -1;
  let lo = 0;
  let hi = matches.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (matches[mid]!.from < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo === matches.length ? 0 : lo;
}
