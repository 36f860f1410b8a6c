/**
 * The state of find in document, kept in the editor state: the query and its options, the matches
 * of the last search, which one is current, and their decorations. Edits map the decorations and
 * the current match at once (cheap on a long document) and mark the matches stale; the next find
 * command or a refresh shortly after searches again.
 *
 * Only the matches near the current one are highlighted ({@link HIGHLIGHT_RADIUS} on each side):
 * prosemirror-view looks up the decorations of each top-level block by a linear scan of the blocks
 * that have any (`DecorationSet.forChild`), on every update of the view, so 10,000 highlights in a
 * document of 20,000 paragraphs would cost 10⁸ steps per keystroke. The count covers all matches.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { PluginKey, type Transaction } from 'prosemirror-state';
import { DecorationSet } from 'prosemirror-view';
import { findInDocument, matchAtOrAfter, type FindMatch, type FindStats } from './find-matches.js';
import { DEFAULT_FIND_OPTIONS, sameOptions, type FindOptions } from './find-text.js';
import { currentDecoration, isCurrentSpec, matchDecorations } from './match-decorations.js';

/** Find's part of the editor state. */
export interface FindState {
  /** The text looked for; empty when find is closed (then there are no matches and no work). */
  readonly query: string;
  readonly options: Readonly<FindOptions>;
  /** The matches of the last search, in document order (positions of the document searched). */
  readonly matches: readonly FindMatch[];
  /** More matches exist than are listed. */
  readonly truncated: boolean;
  /** Index of the current match in `matches`, or -1 when there is none. */
  readonly index: number;
  /** Where the current match is in the current document (mapped through edits since the search). */
  readonly current: FindMatch | null;
  /** The document changed since the last search: `matches` and `index` are out of date. */
  readonly stale: boolean;
  /** Indexes `[start, end)` of the highlighted matches (around the current one). */
  readonly shown: readonly [number, number];
  /** A highlight on each shown match (mapped through edits) and a second one on the current match. */
  readonly decorations: DecorationSet;
}

/** What a transaction may ask of find, as its meta under {@link findKey}. */
export type FindAction =
  | { kind: 'search'; query: string; options: FindOptions }
  | { kind: 'refresh' }
  | { kind: 'step'; direction: 1 | -1 }
  | { kind: 'close' };

export const findKey = new PluginKey<FindState>('find');

/** How many matches before and after the current one are highlighted. */
export const HIGHLIGHT_RADIUS = 200;

/** Find with nothing to look for. */
export const CLOSED: FindState = Object.freeze<FindState>({
  query: '',
  options: DEFAULT_FIND_OPTIONS,
  matches: [],
  truncated: false,
  index: -1,
  current: null,
  stale: false,
  shown: [0, 0],
  decorations: DecorationSet.empty,
});

/** Highlights for the matches around match `index`. */
function highlight(doc: ProseMirrorNode, matches: readonly FindMatch[], index: number, stats: FindStats | undefined): Pick<FindState, 'shown' | 'decorations'> {
  const start = Math.max(0, index - HIGHLIGHT_RADIUS);
  const end = Math.min(matches.length, index + HIGHLIGHT_RADIUS + 1);
  if (stats) stats.decorations += end - start + (index < 0 ? 0 : 1);
  return { shown: [start, end], decorations: matchDecorations(doc, matches.slice(start, end), index - start) };
}

/** A fresh search of `doc`; the current match is the first at or after `anchor`. */
function search(doc: ProseMirrorNode, query: string, options: FindOptions, anchor: number, stats: FindStats | undefined): FindState {
  const { matches, truncated } = findInDocument(doc, query, options, stats);
  const index = matchAtOrAfter(matches, anchor);
  const current = index < 0 ? null : matches[index]!;
  return { query, options, matches, truncated, index, current, stale: false, ...highlight(doc, matches, index, stats) };
}

/** The same search again over `doc`, keeping the current match where it was. */
function research(state: FindState, doc: ProseMirrorNode, selectionFrom: number, stats: FindStats | undefined): FindState {
  return search(doc, state.query, state.options, state.current?.from ?? selectionFrom, stats);
}

/**
 * `state` with match `index` current: moves only the current highlight, unless the match is near
 * the edge of the highlighted ones (then they are built again around it).
 */
function withCurrent(state: FindState, doc: ProseMirrorNode, index: number, stats: FindStats | undefined): FindState {
  const match = state.matches[index]!;
  const [start, end] = state.shown;
  const margin = HIGHLIGHT_RADIUS / 2;
  const central = (start === 0 || index >= start + margin) && (end === state.matches.length || index < end - margin);
  if (!central) return { ...state, index, current: match, ...highlight(doc, state.matches, index, stats) };
  let decorations = state.decorations;
  if (state.current) decorations = decorations.remove(decorations.find(state.current.from, state.current.to, isCurrentSpec));
  decorations = decorations.add(doc, [currentDecoration(match)]);
  if (stats) stats.decorations++;
  return { ...state, index, current: match, decorations };
}

/** Follows an edit: maps the highlights and the current match; searches again only if that match is gone. */
function mapThrough(state: FindState, tr: Transaction, stats: FindStats | undefined): FindState {
  const decorations = state.decorations.map(tr.mapping, tr.doc);
  if (!state.current) return { ...state, decorations, stale: true };
  const from = tr.mapping.map(state.current.from, 1);
  const to = tr.mapping.map(state.current.to, -1);
  if (to <= from) return search(tr.doc, state.query, state.options, from, stats);
  return { ...state, decorations, current: { from, to }, stale: true };
}

/** Steps to the next (1) or previous (-1) match, wrapping around; searches first when stale. */
function step(state: FindState, tr: Transaction, direction: 1 | -1, stats: FindStats | undefined): FindState {
  let base = state;
  let onCurrent = true;
  if (state.stale) {
    base = research(state, tr.doc, tr.selection.from, stats);
    // The words of the old current match may no longer match: then the search already stands on
    // the match after them, which is the next one.
    onCurrent = base.current?.from === state.current?.from && base.current?.to === state.current?.to;
  }
  const count = base.matches.length;
  if (count === 0 || (!onCurrent && direction === 1)) return base;
  return withCurrent(base, tr.doc, (base.index + direction + count) % count, stats);
}

/** The plugin's `apply`: find's state after `tr`. */
export function applyFind(tr: Transaction, state: FindState, stats: FindStats | undefined): FindState {
  const action = tr.getMeta(findKey) as FindAction | undefined;
  const next = tr.docChanged && state.query !== '' ? mapThrough(state, tr, stats) : state;
  if (!action) return next;
  switch (action.kind) {
    case 'close':
      return CLOSED;
    case 'search':
      if (action.query === '') return CLOSED;
      if (action.query === next.query && sameOptions(action.options, next.options) && !next.stale) return next;
      return search(tr.doc, action.query, action.options, next.current?.from ?? tr.selection.from, stats);
    case 'refresh':
      return next.stale ? research(next, tr.doc, tr.selection.from, stats) : next;
    case 'step':
      return next.query === '' ? next : step(next, tr, action.direction, stats);
  }
}
