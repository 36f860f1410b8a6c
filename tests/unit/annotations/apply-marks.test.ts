/**
 * withAnnotationMarks / rewriteAnnotationMarks: the same marks as one `addMark` step per annotation,
 * built in one pass. Complexity is guarded by counting what is built, not by timing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rewriteAnnotationMarks, withAnnotationMarks, type MarkPlacement, type MarkRewriteStats } from '../../../shared/annotations/apply-marks.js';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { documentNode } from '../../../shared/annotations/table.js';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { editorSchema } from '../../../shared/editor-schema.js';
import { MIXED_WORDS, randomWords, seeded } from '../anchoring/support/edits.js';
import { contentFromText, marksPerUnit, markSpans, type Span } from './support/documents.js';

/** Spans as placements in editor positions of `doc`. */
function placementsOf(doc: ReturnType<typeof documentNode>, spans: readonly Span[]): MarkPlacement[] {
  const projection = projectDocument(doc);
  return spans.map((s) => ({ id: s.id, from: projection.toDocPos(s.start, 1), to: projection.toDocPos(s.end, -1) }));
}

function emptyStats(): MarkRewriteStats {
  return { textblocksRebuilt: 0, inlineNodesBuilt: 0 };
}

describe('withAnnotationMarks', () => {
  it('marks overlapping, nested and paragraph-crossing ranges as addMark does, keeping emphasis and links', () => {
    const doc = editorSchema.nodeFromJSON({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Title 𠀋 here' }] },
        {
          type: 'blockquote',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted ' }, { type: 'text', text: 'strong', marks: [{ type: 'strong' }] }, { type: 'hard_break' }, { type: 'text', text: 'words 👍🏽' }] }],
        },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'link', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }, { type: 'text', text: ' item' }] }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Untouched paragraph.' }] },
      ],
    });
    const spans: Span[] = [
      { id: 'heading', start: 0, end: 7 },
      { id: 'cross', start: 9, end: 20 },
      { id: 'nested', start: 15, end: 18 },
      { id: 'break', start: 19, end: 27 },
      { id: 'list', start: 33, end: 42 },
    ];
    const expected = markSpans(doc, spans);
    const marked = withAnnotationMarks(doc, placementsOf(doc, spans));
    marked.check();
    expect(marksPerUnit(marked)).toEqual(marksPerUnit(expected));
    expect([...annotationRanges(marked)]).toEqual([...annotationRanges(expected)]);
    expect(marked.textContent).toBe(doc.textContent);
    // Other marks stay; the untouched paragraph is the very same node.
    const otherMarks = (node: typeof doc): string[] => {
      const names = new Set<string>();
      node.descendants((child) => child.marks.forEach((mark) => mark.type.name !== 'annotation' && names.add(mark.type.name)));
      return [...names];
    };
    expect(otherMarks(marked)).toEqual(otherMarks(doc));
    expect(otherMarks(doc)).toEqual(['strong', 'link']);
    expect(marked.child(3)).toBe(doc.child(3));
  });

  it('returns the document itself when there is nothing to place, and skips empty placements', () => {
    const doc = documentNode(contentFromText('Nothing.'), []);
    expect(withAnnotationMarks(doc, [])).toBe(doc);
    expect(withAnnotationMarks(doc, [{ id: 'a', from: 3, to: 3 }])).toBe(doc);
  });

  it('matches one addMark step per annotation for random documents and annotation sets', () => {
    const spec = fc.record({
      seed: fc.nat(),
      words: fc.integer({ min: 1, max: 120 }),
      spans: fc.array(fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), id: fc.integer({ min: 0, max: 6 }) }), { maxLength: 12 }),
    });
    fc.assert(
      fc.property(spec, ({ seed, words, spans }) => {
        const text = randomWords(seeded(seed), words, MIXED_WORDS);
        const points = Array.from(text).length;
        const toUnit = (x: number): number => Array.from(text).slice(0, Math.floor(x * points)).join('').length;
        const chosen = spans.map((s, i) => ({ id: `a${s.id === 0 ? i : s.id}`, start: Math.min(toUnit(s.a), toUnit(s.b)), end: Math.max(toUnit(s.a), toUnit(s.b)) }));
        const doc = documentNode(contentFromText(text), []);
        const marked = withAnnotationMarks(doc, placementsOf(doc, chosen));
        marked.check();
        expect(marksPerUnit(marked)).toEqual(marksPerUnit(markSpans(doc, chosen)));
      }),
      { numRuns: 200 },
    );
  });

  it('builds each touched textblock once: 2,000 annotations in one paragraph rebuild it once, with nodes in proportion to the marks', () => {
    const rand = seeded(3);
    const text = Array.from({ length: 4_000 }, () => ['alpha', 'beta', 'gamma', '𠀋'][Math.floor(rand() * 4)]).join(' ');
    const doc = documentNode(contentFromText(`Before.\n${text}\nAfter.`), []);
    const words = [...text.matchAll(/\S+/g)];
    const spans = Array.from({ length: 2_000 }, (_, i) => {
      const first = words[i * 2]!;
      const last = words[Math.min(words.length - 1, i * 2 + 2)]!;
      return { id: `a${i}`, start: 8 + first.index, end: 8 + last.index + last[0].length };
    });
    const stats = emptyStats();
    const marked = withAnnotationMarks(doc, placementsOf(doc, spans), stats);
    expect(stats.textblocksRebuilt).toBe(1);
    // At most one piece per placement edge, plus the original text node.
    expect(stats.inlineNodesBuilt).toBeLessThanOrEqual(2 * spans.length + 1);
    expect(marked.child(0)).toBe(doc.child(0));
    expect(marked.child(2)).toBe(doc.child(2));
    expect(annotationRanges(marked).size).toBe(2_000);
  });

  it('rebuilds only the textblocks annotations touch, however many there are', () => {
    const lines = Array.from({ length: 4_000 }, (_, i) => `Paragraph ${i} has some words in it.`);
    const doc = documentNode(contentFromText(lines.join('\n')), []);
    const starts: number[] = [];
    lines.reduce((offset, line) => (starts.push(offset), offset + line.length + 1), 0);
    const spans = Array.from({ length: 2_000 }, (_, i) => ({ id: `a${i}`, start: starts[i * 2]!, end: starts[i * 2]! + 9 }));
    const stats = emptyStats();
    const marked = withAnnotationMarks(doc, placementsOf(doc, spans), stats);
    expect(stats).toEqual({ textblocksRebuilt: 2_000, inlineNodesBuilt: 4_000 });
    let same = 0;
    marked.forEach((block, _offset, i) => (same += block === doc.child(i) ? 1 : 0));
    expect(same).toBe(2_000);
  });
});

describe('rewriteAnnotationMarks', () => {
  it('takes the marks of some ids off everywhere and places others, in the same pass', () => {
    const text = 'One two three.\nFour five six.';
    const doc = markSpans(documentNode(contentFromText(text), []), [
      { id: 'keep', start: 0, end: 7 },
      { id: 'drop', start: 4, end: 20 },
    ]);
    const stats = emptyStats();
    const rewritten = rewriteAnnotationMarks(doc, { remove: new Set(['drop']), add: placementsOf(doc, [{ id: 'drop', start: 25, end: 28 }]) }, stats);
    rewritten.check();
    expect(marksPerUnit(rewritten)).toEqual(marksPerUnit(markSpans(documentNode(contentFromText(text), []), [{ id: 'keep', start: 0, end: 7 }, { id: 'drop', start: 25, end: 28 }])));
    expect(stats.textblocksRebuilt).toBe(2);
  });

  it('leaves a document without the removed ids as it was', () => {
    const doc = markSpans(documentNode(contentFromText('Alpha beta.'), []), [{ id: 'keep', start: 0, end: 5 }]);
    expect(rewriteAnnotationMarks(doc, { remove: new Set(['other']) })).toBe(doc);
  });
});
