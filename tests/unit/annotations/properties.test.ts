/**
 * Property tests of annotations through editing and re-anchoring. Random documents (English,
 * Arabic with diacritics, Persian with ZWNJ, emoji sequences, astral CJK), random annotation sets
 * (overlapping, nested, crossing paragraphs), then:
 * - random edits as editor transactions (insert, delete, replace, split a paragraph) with undo and
 *   redo through prosemirror-history: marks stay inside where their words went, every refreshed
 *   anchor quotes exactly what its marks cover (or the annotation is an orphan), and undoing every
 *   edit brings back the very anchors;
 * - random outside changes of the text: reconcile never places an annotation on other words
 *   (judged by the anchoring tests' oracle, which shares no code with what it judges).
 */
import fc from 'fast-check';
import { closeHistory, history, redo, undo, undoDepth } from 'prosemirror-history';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { reconcileDocument } from '../../../shared/annotations/reconcile.js';
import { refreshAnchors } from '../../../shared/annotations/refresh.js';
import { indexCodePoints, projectDocument, type Placement } from '../../../shared/anchoring/index.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import type { Annotation } from '../../../shared/model/annotation.js';
import { applyEdit, mapTracked, MIXED_WORDS, randomWords, seeded, track, wordEnds, wordStarts, type Tracked } from '../anchoring/support/edits.js';
import { misplacement } from '../anchoring/support/oracle.js';
import { annotatedDoc, contentFromText, marksPerUnit, notesOn, type Span } from './support/documents.js';

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const spanSpec = fc.record({ at: fraction, length: fc.integer({ min: 1, max: 60 }) });
const editSpec = fc.record({ kind: fc.constantFrom('insert', 'delete', 'replace', 'split', 'undo', 'redo'), at: fraction, length: fc.integer({ min: 0, max: 40 }), seed: fc.nat() });

/** A text offset on a character boundary, as a fraction of the text. */
function boundary(text: string, x: number): number {
  const index = indexCodePoints(text);
  return index.toUtf16(Math.floor(x * (index.codePointLength + 1)));
}

/** Non-empty spans of `text` from fractions and lengths (code points), ids a0, a1, … */
function spansOn(text: string, specs: readonly { at: number; length: number }[]): Span[] {
  const index = indexCodePoints(text);
  return specs.flatMap((s, i) => {
    const start = Math.min(index.codePointLength - 1, Math.floor(s.at * index.codePointLength));
    const end = Math.min(index.codePointLength, start + s.length);
    return end > start ? [{ id: `a${i}`, start: index.toUtf16(start), end: index.toUtf16(end) }] : [];
  });
}

/** One editing transaction from a spec, at character boundaries inside textblocks. */
function editTransaction(state: EditorState, kind: 'insert' | 'delete' | 'replace' | 'split', at: number, length: number, seed: number): Transaction {
  const projection = projectDocument(state.doc);
  const text = projection.text;
  const start = boundary(text, at);
  const end = boundary(text, Math.min(1, at + length / Math.max(1, text.length)));
  const from = projection.toDocPos(start, 1);
  const to = Math.max(from, projection.toDocPos(end, -1));
  const words = ` ${randomWords(seeded(seed), 1 + (seed % 4), MIXED_WORDS).replace(/\n/g, ' ')} `;
  const tr = state.tr;
  if (kind === 'insert') tr.insertText(words, from);
  else if (kind === 'delete') tr.delete(from, to);
  else if (kind === 'replace') tr.replaceWith(from, to, editorSchema.text(words));
  else tr.split(from);
  return closeHistory(tr);
}

/** Problems with the anchors of `doc`: a quote that is not what the marks cover, an orphan flag that lies. */
function anchorProblems(doc: ProseMirrorNode): string[] {
  const text = projectDocument(doc).text;
  const units = marksPerUnit(doc);
  expect(units.length).toBe(text.length);
  const points = Array.from(text);
  return refreshAnchors(doc).flatMap((annotation) => {
    const marked = units.flatMap((ids, i) => (ids.split(',').includes(annotation.id) ? [i] : []));
    if (annotation.orphaned) return marked.length === 0 ? [] : [`${annotation.id}: orphan, yet marked`];
    if (marked.length === 0) return [`${annotation.id}: not an orphan, yet unmarked`];
    const covered = text.slice(marked[0], marked.at(-1)! + 1);
    const { start, end } = annotation.anchor.position;
    const problems: string[] = [];
    if (annotation.anchor.quote.exact !== covered) problems.push(`${annotation.id}: quotes ${JSON.stringify(annotation.anchor.quote.exact)}, marks cover ${JSON.stringify(covered)}`);
    if (points.slice(start, end).join('') !== annotation.anchor.quote.exact) problems.push(`${annotation.id}: position ${start}-${end} (code points) does not hold the quote`);
    return problems;
  });
}

const anchorsById = (annotations: readonly Annotation[]) => Object.fromEntries(annotations.map((a) => [a.id, a.anchor]));

describe('annotations through editing, undo and redo', () => {
  it('stay on their words or become orphans, and undoing every edit restores every anchor', () => {
    const scenario = fc.record({ seed: fc.nat(), words: fc.integer({ min: 2, max: 150 }), spans: fc.array(spanSpec, { minLength: 1, maxLength: 10 }), edits: fc.array(editSpec, { minLength: 1, maxLength: 12 }) });
    fc.assert(
      fc.property(scenario, ({ seed, words, spans, edits }) => {
        const text = randomWords(seeded(seed), words, MIXED_WORDS);
        const original = annotatedDoc(text, spansOn(text, spans));
        const originalAnchors = anchorsById(refreshAnchors(original));
        let state = EditorState.create({ doc: original, plugins: [history()] });
        // Where each annotation's words can be: its range mapped through every edit (undo and redo
        // excepted: they restore, so the containment check is only made while no undo happened).
        let mapped: Map<string, { from: number; to: number }> | null = annotationRanges(original);
        for (const edit of edits) {
          if (edit.kind === 'undo' || edit.kind === 'redo') {
            (edit.kind === 'undo' ? undo : redo)(state, (tr) => (state = state.apply(tr)));
            mapped = null;
          } else {
            const tr = editTransaction(state, edit.kind, edit.at, edit.length, edit.seed);
            state = state.apply(tr);
            if (mapped) for (const [id, r] of mapped) mapped.set(id, { from: tr.mapping.map(r.from, 1), to: tr.mapping.map(r.to, -1) });
          }
          expect(anchorProblems(state.doc)).toEqual([]);
          if (mapped) {
            for (const [id, r] of annotationRanges(state.doc)) {
              const limit = mapped.get(id)!;
              expect(r.from >= limit.from && r.to <= limit.to, `${id} marked at ${r.from}-${r.to}, its words went to ${limit.from}-${limit.to}`).toBe(true);
            }
          }
        }
        const edited = state.doc;
        const editedAnchors = anchorsById(refreshAnchors(edited));
        const depth = undoDepth(state);
        while (undoDepth(state) > 0) undo(state, (tr) => (state = state.apply(tr)));
        expect(state.doc.eq(original)).toBe(true);
        expect(anchorsById(refreshAnchors(state.doc))).toEqual(originalAnchors);
        for (let i = 0; i < depth; i++) redo(state, (tr) => (state = state.apply(tr)));
        expect(state.doc.eq(edited)).toBe(true);
        expect(anchorsById(refreshAnchors(state.doc))).toEqual(editedAnchors);
      }),
      { numRuns: 150 },
    );
  });
});

describe('reconcile after the text changed outside Factmark', () => {
  const scenario = fc.record({
    seed: fc.nat(),
    words: fc.integer({ min: 3, max: 300 }),
    annotations: fc.array(fc.record({ at: fraction, words: fc.integer({ min: 1, max: 8 }) }), { minLength: 1, maxLength: 12 }),
    edits: fc.array(
      fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 120 })), insertWords: fc.integer({ min: 0, max: 12 }), seed: fc.nat() }),
      { maxLength: 5 },
    ),
  });

  it('never places an annotation on other words: same words, the same quote in its own context, changed words where they went, or an orphan', () => {
    fc.assert(
      fc.property(scenario, (spec) => {
        const original = randomWords(seeded(spec.seed), spec.words, MIXED_WORDS);
        const starts = wordStarts(original);
        const ends = wordEnds(original);
        const spans: Span[] = spec.annotations.map((a, i) => {
          const first = Math.floor(a.at * starts.length);
          return { id: `a${i}`, start: starts[first]!, end: ends[Math.min(ends.length - 1, first + a.words - 1)]! };
        });
        const annotations = notesOn(original, spans);
        let truth: Tracked[] = spans.map((s) => track(s.start, s.end));
        let text = original;
        for (const e of spec.edits) {
          const at = boundary(text, e.at);
          const index = indexCodePoints(text);
          const edit = { at, remove: index.toUtf16(index.toCodePoint(at) + e.remove) - at, insert: e.insertWords > 0 ? ` ${randomWords(seeded(e.seed), e.insertWords, MIXED_WORDS)} ` : '' };
          text = applyEdit(text, edit);
          truth = truth.map((t) => mapTracked(t, edit, 2 * 32 + 8));
        }
        const result = reconcileDocument(contentFromText(text), annotations, { textChanged: true });
        expect(result.report.kept + result.report.reanchoredExact + result.report.reanchoredFuzzy + result.report.orphaned).toBe(annotations.length);
        const index = indexCodePoints(text);
        const wrong = annotations.flatMap((before, i) => {
          const after = result.annotations.find((a) => a.id === before.id)!;
          if (after.orphaned) return after.anchor === before.anchor ? [] : [`${before.id}: orphan with a changed anchor`];
          const start = index.toUtf16(after.anchor.position.start);
          const end = index.toUtf16(after.anchor.position.end);
          const placement: Placement = { status: after.anchor.quote.exact === before.anchor.quote.exact ? 'moved' : 'fuzzy', start, end, score: 1 };
          const problem = misplacement(text, before.anchor, placement, truth[i]!);
          return problem ? [`${before.id} ${JSON.stringify(before.anchor.quote.exact)}: ${problem}`] : [];
        });
        expect(wrong).toEqual([]);
        expect(anchorProblems(documentWith(result))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/** The document node of a reconciled result. */
function documentWith(result: { content: Parameters<typeof editorSchema.nodeFromJSON>[0]; annotations: Annotation[] }): ProseMirrorNode {
  return editorSchema.nodeFromJSON({ ...result.content, attrs: { annotations: Object.fromEntries(result.annotations.map((a) => [a.id, a])) } });
}
