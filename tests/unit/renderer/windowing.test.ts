/**
 * Which blocks of a long document the windowing plugin keeps near (renderer/editor/windowing.ts):
 * the first ones when it opens, the ends of the selection, and through typing and block changes
 * the same blocks, each marked once; a short document is not windowed at all.
 */
import { EditorState, TextSelection } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../../shared/editor-schema.js';
import { WINDOWED_BLOCK_COUNT, windowingPlugin } from '../../../renderer/editor/windowing.js';

const paragraphs = (count: number) =>
  editorSchema.node('doc', null, Array.from({ length: count }, (_, i) => editorSchema.node('paragraph', null, [editorSchema.text(`Paragraph ${i + 1}.`)])));

/** The top-level indices of the blocks marked near in `state`, in order. */
function nearIndices(state: EditorState): number[] {
  const plugin = state.plugins[0]!;
  const set = plugin.props.decorations!.call(plugin, state) as DecorationSet;
  return set.find().map((decoration) => state.doc.resolve(decoration.from).index(0));
}

const stateOf = (count: number) => EditorState.create({ doc: paragraphs(count), plugins: [windowingPlugin()] });
/** The position at the start of block `index`'s text. */
const inside = (state: EditorState, index: number) => {
  let pos = 1;
  for (let i = 0; i < index; i++) pos += state.doc.child(i).nodeSize;
  return pos;
};

describe('windowing', () => {
  it('keeps nothing apart in a document of up to WINDOWED_BLOCK_COUNT blocks', () => {
    expect(nearIndices(stateOf(WINDOWED_BLOCK_COUNT))).toEqual([]);
  });

  it('keeps the first blocks and the selection’s ends near in a longer one', () => {
    let state = stateOf(WINDOWED_BLOCK_COUNT + 500);
    const opened = nearIndices(state);
    expect(opened[0]).toBe(0);
    expect(opened.length).toBeGreaterThan(10);
    expect(opened.length).toBeLessThan(200);
    const far = WINDOWED_BLOCK_COUNT + 400;
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, inside(state, 3), inside(state, far))));
    expect(nearIndices(state)).toEqual([...opened, far]);
  });

  it('marks the same blocks, once each, through typing, a block changing type, and a block split', () => {
    let state = stateOf(WINDOWED_BLOCK_COUNT + 10);
    const opened = nearIndices(state);
    state = state.apply(state.tr.insertText('typed ', inside(state, 5)));
    expect(nearIndices(state)).toEqual(opened);
    state = state.apply(state.tr.setNodeMarkup(inside(state, 5) - 1, editorSchema.nodes.heading, { level: 2 }));
    expect(nearIndices(state)).toEqual(opened);
    state = state.apply(state.tr.split(inside(state, 7) + 3));
    const split = nearIndices(state);
    expect(new Set(split).size).toBe(split.length);
    expect(split).toContain(7);
  });
});
