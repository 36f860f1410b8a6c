/**
 * Anchoring: the plain-text projection of a document with its offset map, W3C selectors for a
 * range (TextQuote with context, TextPosition in code points), and re-anchoring of stored
 * selectors in a changed text. Pure TypeScript: runs in the renderer, in main and in tests alike.
 */
export { projectDocument, type DocumentProjection } from './projection.js';
export {
  codePointsAfter,
  codePointsBefore,
  indexCodePoints,
  isSurrogatePairAt,
  snapToCharBoundary,
  type CodePointIndex,
} from './code-points.js';
export {
  CONTEXT_CODE_POINTS,
  contextAround,
  describeRange,
  normalizeRange,
  positionToRange,
  rangeFromAnchor,
  rangeToPosition,
  type TextRange,
} from './describe.js';
export { anchorAll, LONG_QUOTE_POINTS, type AnchorOptions, type OrphanAnchor, type PlacedAnchor, type Placement } from './anchor.js';
export { emptyStats, type AnchorStats } from './search.js';
export { alignMatchStart, contextAgreement, editDistance, placementScore, SCORE_WEIGHTS, type ScoreParts } from './similarity.js';
export { findAllOccurrences } from './multi-search.js';
