/**
 * The highlights of a search, built in time linear in the document and the matches.
 *
 * Why not `DecorationSet.create`: prosemirror-view's `buildTree` (1.42) offers every decoration to
 * every child of a node (`takeSpansForNode` scans the whole list per child), so 10,000 matches in a
 * 1 MB document of 20,000 paragraphs cost 2×10⁸ steps, about 0.8 s per keystroke in the find field.
 * This builds the same tree in one walk, using the set's (undocumented) constructor `(local,
 * children)`; tests/unit/find/match-decorations.test.ts checks the result against `create`.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { FindMatch } from './find-matches.js';

/** A highlight to place: an absolute range, its attributes and its spec. */
interface Span {
  from: number;
  to: number;
  attrs: { class: string };
  spec: object | undefined;
}

type SetConstructor = new (local: readonly Decoration[], children: readonly (number | DecorationSet)[]) => DecorationSet;
const RawSet = DecorationSet as unknown as SetConstructor;

/** The spec that tells the current match's highlight from the others. */
export const CURRENT_SPEC = Object.freeze({ findCurrent: true });

/** Whether a decoration's spec is {@link CURRENT_SPEC}'s. */
export function isCurrentSpec(spec: { findCurrent?: boolean }): boolean {
  return spec.findCurrent === true;
}

/** The second highlight on the current match. */
export function currentDecoration(match: FindMatch): Decoration {
  return Decoration.inline(match.from, match.to, { class: 'find-match-current' }, CURRENT_SPEC);
}

/**
 * The set for `spans` (sorted by `from`, then `to`) lying in the content of `node`, which starts
 * at `offset`. As in `buildTree`: a span strictly inside a non-leaf child goes to that child's set,
 * any other span stays local to `node`, with positions relative to `offset`.
 */
function build(node: ProseMirrorNode, spans: readonly Span[], offset: number): DecorationSet {
  const local: Decoration[] = [];
  const children: (number | DecorationSet)[] = [];
  const keep = (span: Span) => local.push(Decoration.inline(span.from - offset, span.to - offset, span.attrs, span.spec));
  let i = 0;
  node.forEach((child, childOffset) => {
    if (i === spans.length) return;
    const start = offset + childOffset;
    const end = start + child.nodeSize;
    while (i < spans.length && spans[i]!.from <= start) keep(spans[i++]!);
    const inside: Span[] = [];
    for (; i < spans.length && spans[i]!.from < end; i++) {
      const span = spans[i]!;
      if (span.to < end && !child.isLeaf) inside.push(span);
      else keep(span);
    }
    if (inside.length > 0) children.push(childOffset, childOffset + child.nodeSize, build(child, inside, start + 1));
  });
  while (i < spans.length) keep(spans[i++]!);
  return local.length > 0 || children.length > 0 ? new RawSet(local, children) : DecorationSet.empty;
}

/** A `find-match` highlight on every match (in document order) and a second one on `current`. */
export function matchDecorations(doc: ProseMirrorNode, matches: readonly FindMatch[], current: number): DecorationSet {
  const spans: Span[] = [];
  matches.forEach((match, index) => {
    spans.push({ from: match.from, to: match.to, attrs: { class: 'find-match' }, spec: undefined });
    if (index === current) spans.push({ from: match.from, to: match.to, attrs: { class: 'find-match-current' }, spec: CURRENT_SPEC });
  });
  return build(doc, spans, 0);
}
