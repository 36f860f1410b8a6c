/**
 * Selectors refreshed block by block from stored JSON (what main does with a patch) are exactly
 * those `refreshAnchors` gives over the whole document, through random edit sequences in which
 * unchanged blocks stay the same objects (so every cache is exercised: hits, and misses where a
 * neighbouring block changed).
 */
import fc from 'fast-check';
import { EditorState } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { blockText, refreshBlockAnchors } from '../../../shared/annotations/block-anchors.js';
import { refreshAnchors } from '../../../shared/annotations/refresh.js';
import { tableOf } from '../../../shared/annotations/table.js';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { contentToText } from '../../../shared/text.js';
import { annotatedDocument, blockSpec, blocksOf, editSpec, editTransaction, spanSpec } from './support/editing.js';

function blockRefresh(doc: Parameters<typeof refreshAnchors>[0]) {
  const table = tableOf(doc);
  return refreshBlockAnchors(blocksOf(doc), new Map(Object.entries(table)), Object.keys(table));
}

describe('refreshBlockAnchors', () => {
  it('gives exactly what refreshAnchors gives, edit after edit', () => {
    const scenario = fc.record({
      blocks: fc.array(blockSpec, { minLength: 1, maxLength: 25 }),
      spans: fc.array(spanSpec, { maxLength: 14 }),
      edits: fc.array(editSpec, { minLength: 1, maxLength: 15 }),
    });
    fc.assert(
      fc.property(scenario, ({ blocks, spans, edits }) => {
        let state = EditorState.create({ doc: annotatedDocument(blocks, spans) });
        expect(blockRefresh(state.doc)).toEqual({ annotations: refreshAnchors(state.doc), unknown: [] });
        for (const edit of edits) {
          state = state.apply(editTransaction(state, edit));
          const expected = refreshAnchors(state.doc);
          const actual = blockRefresh(state.doc);
          expect(actual.unknown).toEqual([]);
          expect(actual.annotations).toEqual(expected);
          // An entry that needs no change is the same object, as refreshAnchors keeps it.
          actual.annotations.forEach((annotation, i) => expect(annotation === tableOf(state.doc)[annotation.id]).toBe(expected[i] === tableOf(state.doc)[annotation.id]));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('projects each block as contentToText does', () => {
    fc.assert(
      fc.property(fc.array(blockSpec, { minLength: 1, maxLength: 20 }), fc.array(spanSpec, { maxLength: 8 }), (blocks, spans) => {
        const doc = annotatedDocument(blocks, spans);
        const texts = blocksOf(doc).flatMap((block) => (blockText(block).text === null ? [] : [blockText(block).text!]));
        expect(texts.join('\n')).toBe(contentToText(doc.toJSON()));
        expect(texts.join('\n')).toBe(projectDocument(doc).text);
      }),
      { numRuns: 100 },
    );
  });

  it('describes a quote again when a block its context reaches into changes', () => {
    // Short blocks, so a quote's context runs over several of them; an edit at the start of each block in turn.
    const specs = Array.from({ length: 8 }, (_, i) => ({ kind: i % 3 === 0 ? 'empty' : 'paragraph', words: 2, seed: i }) as const);
    let state = EditorState.create({ doc: annotatedDocument(specs, [{ at: 0.3, length: 4 }, { at: 0.5, length: 30 }, { at: 0.05, length: 2 }]) });
    expect(blockRefresh(state.doc).annotations).toEqual(refreshAnchors(state.doc));
    for (let k = 0; k < state.doc.childCount; k++) {
      let pos = 0;
      for (let i = 0; i < k; i++) pos += state.doc.child(i).nodeSize;
      state = state.apply(state.tr.insertText('xyz', pos + 1));
      expect(blockRefresh(state.doc).annotations).toEqual(refreshAnchors(state.doc));
    }
  });

  it('names the ids marked in the text that the table lacks', () => {
    const doc = annotatedDocument([{ kind: 'paragraph', words: 10, seed: 1 }], [{ at: 0.1, length: 5 }]);
    expect(refreshBlockAnchors(blocksOf(doc), new Map(), []).unknown).toEqual(['a0']);
  });
});
