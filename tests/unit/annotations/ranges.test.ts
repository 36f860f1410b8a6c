/** annotationRanges: where each annotation id is marked, in editor positions and document order. */
import { describe, expect, it } from 'vitest';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { annotatedDoc, markSpans } from './support/documents.js';

describe('annotationRanges', () => {
  it('gives overlapping, nested and paragraph-crossing annotations from their first to their last marked text, in document order', () => {
    const text = 'Alpha beta gamma.\nDelta epsilon.';
    const doc = annotatedDoc(text, [
      { id: 'late', start: 24, end: 31 },
      { id: 'outer', start: 0, end: 16 },
      { id: 'inner', start: 6, end: 10 },
      { id: 'cross', start: 11, end: 23 },
    ]);
    const projection = projectDocument(doc);
    const ranges = annotationRanges(doc);
    expect([...ranges.keys()]).toEqual(['outer', 'inner', 'cross', 'late']);
    for (const [id, [start, end]] of Object.entries({ outer: [0, 16], inner: [6, 10], cross: [11, 23], late: [24, 31] })) {
      const range = ranges.get(id)!;
      expect([projection.toTextOffset(range.from, 1), projection.toTextOffset(range.to, -1)], id).toEqual([start, end]);
    }
    // Crossing the paragraph break: from inside the first paragraph to inside the second.
    expect(doc.resolve(ranges.get('cross')!.from).parent).not.toBe(doc.resolve(ranges.get('cross')!.to).parent);
  });

  it('spans a gap in an annotation\'s marks, and lists marks with no table entry too', () => {
    const text = 'one two three four';
    const doc = markSpans(annotatedDoc(text, [{ id: 'a', start: 0, end: 3 }]), [
      { id: 'a', start: 8, end: 13 },
      { id: 'stray', start: 14, end: 18 },
    ]);
    const ranges = annotationRanges(doc);
    expect(ranges.get('a')).toEqual({ from: 1, to: 14 });
    expect(ranges.get('stray')).toEqual({ from: 15, to: 19 });
  });

  it('counts positions in UTF-16 units, as the editor does, past emoji, astral CJK and Arabic', () => {
    const text = '👍🏽 𠀋 العِرَاق said';
    const start = text.indexOf('said');
    const doc = annotatedDoc(text, [{ id: 'a', start, end: start + 4 }]);
    expect(annotationRanges(doc).get('a')).toEqual({ from: 1 + start, to: 1 + start + 4 });
    expect(doc.textBetween(1 + start, 1 + start + 4)).toBe('said');
  });

  it('is empty for a document without marks', () => {
    expect(annotationRanges(annotatedDoc('nothing marked', [])).size).toBe(0);
  });
});
