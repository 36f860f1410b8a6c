/**
 * Test support: random documents of every block kind (paragraphs, empty paragraphs, headings, hard
 * breaks, block quotes, lists, emoji and Arabic) with annotations, and random editor transactions
 * on them (typing, deleting across blocks, splitting, and creating, changing and removing
 * annotations as the editor does: a table change and marks in one transaction).
 */
import fc from 'fast-check';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { tableOf } from '../../../../shared/annotations/table.js';
import { documentNode } from '../../../../shared/annotations/table.js';
import { describeRange, indexCodePoints, projectDocument } from '../../../../shared/anchoring/index.js';
import { editorSchema } from '../../../../shared/editor-schema.js';
import type { Annotation } from '../../../../shared/model/annotation.js';
import type { ContentNode } from '../../../../shared/model/document.js';
import { MIXED_WORDS, randomWords, seeded } from '../../anchoring/support/edits.js';
import { markSpans, note, notesOn, type Span } from './documents.js';

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** How one top-level block is made. */
export const blockSpec = fc.record({ kind: fc.constantFrom('paragraph', 'paragraph', 'empty', 'heading', 'quote', 'list', 'break'), words: fc.integer({ min: 1, max: 30 }), seed: fc.nat() });
export type BlockSpec = typeof blockSpec extends fc.Arbitrary<infer T> ? T : never;

export const spanSpec = fc.record({ at: fraction, length: fc.integer({ min: 1, max: 80 }) });

/** One edit the editor can make. */
export const editSpec = fc.record({
  kind: fc.constantFrom('insert', 'insert', 'delete', 'replace', 'split', 'emoji', 'annotate', 'change', 'remove'),
  at: fraction,
  length: fc.integer({ min: 0, max: 60 }),
  seed: fc.nat(),
});
export type EditSpec = typeof editSpec extends fc.Arbitrary<infer T> ? T : never;

const paragraph = (text: string): ContentNode => (text === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text }] });

/** A document's content from block specs. */
export function contentFromSpecs(specs: readonly BlockSpec[]): ContentNode {
  const blocks = specs.map((spec): ContentNode => {
    const words = randomWords(seeded(spec.seed), spec.words, MIXED_WORDS).replace(/\n/g, ' ');
    switch (spec.kind) {
      case 'empty':
        return { type: 'paragraph' };
      case 'heading':
        return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: words }] };
      case 'quote':
        return { type: 'blockquote', content: [paragraph(words), paragraph(words.split(' ').reverse().join(' '))] };
      case 'list':
        return { type: 'bullet_list', content: [{ type: 'list_item', content: [paragraph(words)] }, { type: 'list_item', content: [paragraph(`${words} 🙂`)] }] };
      case 'break':
        return { type: 'paragraph', content: [{ type: 'text', text: words }, { type: 'hard_break' }, { type: 'text', text: 'after the break' }] };
      default:
        return paragraph(words);
    }
  });
  return { type: 'doc', content: blocks };
}

/** Non-empty spans of `text` (code points from fractions), ids a0, a1, … */
export function spansOn(text: string, specs: readonly { at: number; length: number }[]): Span[] {
  const index = indexCodePoints(text);
  if (index.codePointLength === 0) return [];
  return specs.flatMap((s, i) => {
    const start = Math.min(index.codePointLength - 1, Math.floor(s.at * index.codePointLength));
    const end = Math.min(index.codePointLength, start + s.length);
    return end > start ? [{ id: `a${i}`, start: index.toUtf16(start), end: index.toUtf16(end) }] : [];
  });
}

/** A document of `specs` with notes marked on `spans`. */
export function annotatedDocument(specs: readonly BlockSpec[], spans: readonly { at: number; length: number }[]): ProseMirrorNode {
  const content = contentFromSpecs(specs);
  const text = projectDocument(documentNode(content, [])).text;
  const placed = spansOn(text, spans);
  return markSpans(documentNode(content, notesOn(text, placed)), placed);
}

/** A text offset on a character boundary, as a fraction of the text. */
function boundary(text: string, x: number): number {
  const index = indexCodePoints(text);
  return index.toUtf16(Math.floor(x * (index.codePointLength + 1)));
}

let made = 0;

/** The transaction of one edit of `state`. */
export function editTransaction(state: EditorState, edit: EditSpec): Transaction {
  const projection = projectDocument(state.doc);
  const text = projection.text;
  const start = boundary(text, edit.at);
  const end = boundary(text, Math.min(1, edit.at + edit.length / Math.max(1, text.length)));
  const from = projection.toDocPos(start, 1);
  const to = Math.max(from, projection.toDocPos(end, -1));
  const words = ` ${randomWords(seeded(edit.seed), 1 + (edit.seed % 4), MIXED_WORDS).replace(/\n/g, ' ')} `;
  const tr = state.tr;
  const table = tableOf(state.doc);
  const ids = Object.keys(table);
  const chosen = ids.length > 0 ? ids[edit.seed % ids.length]! : null;
  switch (edit.kind) {
    case 'insert':
      return tr.insertText(words, from);
    case 'emoji':
      return tr.insertText('𠀋🙂', from);
    case 'delete':
      return tr.delete(from, to);
    case 'replace':
      return tr.replaceWith(from, to, editorSchema.text(words));
    case 'split':
      return state.doc.resolve(from).parent.isTextblock ? tr.split(from) : tr;
    case 'annotate': {
      if (to <= from) return tr;
      const id = `n${(made += 1)}`;
      const annotation: Annotation = note(id, describeRange(text, start, end));
      tr.setDocAttribute('annotations', Object.freeze({ ...table, [id]: annotation }));
      return tr.addMark(from, to, editorSchema.marks.annotation.create({ id }));
    }
    case 'change': {
      if (!chosen) return tr;
      const changed = { ...table[chosen]!, updatedAt: `2026-02-0${1 + (edit.seed % 9)}T00:00:00.000Z` };
      return tr.setDocAttribute('annotations', Object.freeze({ ...table, [chosen]: changed }));
    }
    case 'remove': {
      if (!chosen) return tr;
      const { [chosen]: _removed, ...rest } = table;
      tr.setDocAttribute('annotations', Object.freeze(rest));
      state.doc.descendants((node, pos) => {
        const mark = node.marks.find((m) => m.type === editorSchema.marks.annotation && m.attrs.id === chosen);
        if (mark) tr.removeMark(pos, pos + node.nodeSize, mark);
      });
      return tr;
    }
  }
  return tr;
}

/** The JSON of `doc`'s top-level blocks, the same object for the same node (as main keeps unchanged blocks). */
const jsonOf = new WeakMap<ProseMirrorNode, ContentNode>();
export function blocksOf(doc: ProseMirrorNode): ContentNode[] {
  const blocks: ContentNode[] = [];
  doc.forEach((node) => {
    let json = jsonOf.get(node);
    if (!json) jsonOf.set(node, (json = node.toJSON() as ContentNode));
    blocks.push(json);
  });
  return blocks;
}
