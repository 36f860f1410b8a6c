/**
 * The linear-time highlight builder must build exactly the tree `DecorationSet.create` builds (it
 * uses the set's undocumented constructor, so a change inside prosemirror-view shows up here), and
 * the view must read it alike: same decorations found, same after mapping, adding and removing.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { findInDocument } from '../../../renderer/editor/find/find-matches.js';
import { currentDecoration, CURRENT_SPEC, isCurrentSpec, matchDecorations } from '../../../renderer/editor/find/match-decorations.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import { br, doc, marked, p, stateOf } from './support/build.js';

const s = editorSchema;

/** A set's tree as plain data: local ranges with classes, and children by range. */
function shape(set: DecorationSet): unknown {
  const raw = set as unknown as { local: readonly Decoration[]; children: readonly (number | DecorationSet)[] };
  const children = [];
  for (let i = 0; i < raw.children.length; i += 3) children.push([raw.children[i], raw.children[i + 1], shape(raw.children[i + 2] as DecorationSet)]);
  const local = raw.local.map((d) => [d.from, d.to, (d as unknown as { type: { attrs: { class: string } } }).type.attrs.class, isCurrentSpec(d.spec as object)]);
  return { local, children };
}

/** The same highlights through `DecorationSet.create`. */
function reference(document: ProseMirrorNode, query: string, current: number): DecorationSet {
  const { matches } = findInDocument(document, query, { matchCase: false, wholeWord: false });
  const decorations = matches.flatMap((m, i) => [
    Decoration.inline(m.from, m.to, { class: 'find-match' }),
    ...(i === current ? [Decoration.inline(m.from, m.to, { class: 'find-match-current' }, CURRENT_SPEC)] : []),
  ]);
  return DecorationSet.create(document, decorations);
}

const NESTED = doc(
  p('The claim, ', marked('a claim', 'em'), ' and ', marked('claim', 'link', 'annotation')),
  s.nodes.blockquote.create(null, [p('Quoted claim'), s.nodes.blockquote.create(null, [p('deeper claim', br(), 'claim')])]),
  s.nodes.bullet_list.create(null, [
    s.nodes.list_item.create(null, [p('first claim'), s.nodes.ordered_list.create(null, [s.nodes.list_item.create(null, [p('claim claim')])])]),
    s.nodes.list_item.create(null, [p('no match here')]),
  ]),
  s.nodes.heading.create({ level: 2 }, [s.text('Claims')]),
  p(),
  p('claim'),
);

describe('matchDecorations', () => {
  it('builds the tree DecorationSet.create builds, for nested blocks, marks and breaks', () => {
    const { matches } = findInDocument(NESTED, 'claim', { matchCase: false, wholeWord: false });
    expect(matches.length).toBe(11);
    for (const current of [-1, 0, 4, 10]) {
      expect(shape(matchDecorations(NESTED, matches, current))).toEqual(shape(reference(NESTED, 'claim', current)));
    }
    expect(matchDecorations(NESTED, [], -1)).toBe(DecorationSet.empty);
  });

  it('behaves like a created set when mapped, added to and removed from', () => {
    const { matches } = findInDocument(NESTED, 'claim', { matchCase: false, wholeWord: false });
    const ours = matchDecorations(NESTED, matches, 2);
    const theirs = reference(NESTED, 'claim', 2);
    const tr = stateOf(NESTED).tr.insertText('New claim. ', 1).delete(40, 45);
    const mapped = [ours, theirs].map((set) => set.map(tr.mapping, tr.doc));
    expect(shape(mapped[0]!)).toEqual(shape(mapped[1]!));
    const moved = [ours, theirs].map((set) => {
      const old = set.find(matches[2]!.from, matches[2]!.to, isCurrentSpec);
      expect(old).toHaveLength(1);
      return set.remove(old).add(NESTED, [currentDecoration(matches[7]!)]);
    });
    expect(shape(moved[0]!)).toEqual(shape(moved[1]!));
  });
});
