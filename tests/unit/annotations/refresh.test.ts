/** refreshAnchors: anchors described again from the marks, placed ones in document order, orphans last. */
import { describe, expect, it } from 'vitest';
import { refreshAnchors } from '../../../shared/annotations/refresh.js';
import { documentNode } from '../../../shared/annotations/table.js';
import { Transform } from 'prosemirror-transform';
import { annotatedDoc, contentFromText, notesOn } from './support/documents.js';

/** Code-point offsets computed the plain way, to check the selectors independently. */
function codePointRange(text: string, start: number, end: number): { start: number; end: number } {
  return { start: Array.from(text.slice(0, start)).length, end: Array.from(text.slice(0, end)).length };
}

describe('refreshAnchors', () => {
  it('describes each annotation from its marks: quote, 32 code points of context, position in code points (emoji, astral CJK, Arabic)', () => {
    const text = 'Intro 👨‍👩‍👧 family 𠀋𩸽 names.\nقال الوزير إن الاتفاقية الأمنية بين العِرَاق وإِيرَان ستُنفَّذ 👍🏽 soon.';
    const spans = [
      { id: 'emoji', start: text.indexOf('👨'), end: text.indexOf(' family') },
      { id: 'cjk', start: text.indexOf('𠀋'), end: text.indexOf(' names') },
      { id: 'arabic', start: text.indexOf('العِرَاق'), end: text.indexOf(' ستُنفَّذ') },
    ];
    const annotations = refreshAnchors(annotatedDoc(text, spans));
    for (const span of spans) {
      const annotation = annotations.find((a) => a.id === span.id)!;
      expect(annotation.anchor.quote.exact).toBe(text.slice(span.start, span.end));
      expect(annotation.anchor.position).toEqual(codePointRange(text, span.start, span.end));
      const before = Array.from(text.slice(0, span.start));
      expect(annotation.anchor.quote.prefix).toBe(before.slice(Math.max(0, before.length - 32)).join(''));
      expect(annotation.anchor.quote.suffix).toBe(Array.from(text.slice(span.end)).slice(0, 32).join(''));
      expect(annotation.orphaned).toBe(false);
    }
    // The Arabic quote starts after the astral characters: code points and UTF-16 units differ there.
    const arabic = annotations.find((a) => a.id === 'arabic')!;
    expect(arabic.anchor.position.start).toBeLessThan(text.indexOf('العِرَاق'));
  });

  it('lists placed annotations by where their marks start, then orphans in their previous order keeping their last anchor', () => {
    const text = 'First words here. Second words there. Third words everywhere.';
    const spans = [
      { id: 'c', start: 38, end: 49 },
      { id: 'gone-1', start: 6, end: 11 },
      { id: 'a', start: 0, end: 5 },
      { id: 'gone-2', start: 25, end: 30 },
      { id: 'b', start: 18, end: 24 },
    ];
    const annotations = notesOn(text, spans);
    // Only a, b and c are marked in this document: the other two lost their words.
    const doc = annotatedDoc(text, spans.filter((s) => !s.id.startsWith('gone')));
    const withAll = doc.type.create({ annotations: Object.fromEntries(annotations.map((a) => [a.id, a])) }, doc.content);
    const refreshed = refreshAnchors(withAll);
    expect(refreshed.map((a) => [a.id, a.orphaned])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['gone-1', true],
      ['gone-2', true],
    ]);
    expect(refreshed[3]!.anchor).toEqual(annotations[1]!.anchor);
  });

  it('returns an annotation whose anchor is already right as the same object, and a new one when the text moved', () => {
    const text = 'Words stay where they are.';
    const doc = annotatedDoc(text, [{ id: 'a', start: 6, end: 10 }]);
    const first = refreshAnchors(doc);
    const docAgain = doc.type.create({ annotations: { a: first[0]! } }, doc.content);
    expect(refreshAnchors(docAgain)[0]).toBe(first[0]);
    const moved = new Transform(docAgain).insert(1, docAgain.type.schema.text('New ')).doc;
    const after = refreshAnchors(moved)[0]!;
    expect(after).not.toBe(first[0]);
    expect(after.anchor.position).toEqual({ start: 10, end: 14 });
    expect(after.anchor.quote.prefix).toBe('New Words ');
  });

  it('clears the orphan flag of an annotation that has marks again (after undo)', () => {
    const text = 'Back again.';
    const doc = annotatedDoc(text, [{ id: 'a', start: 0, end: 4 }]);
    const [annotation] = refreshAnchors(doc);
    const flagged = doc.type.create({ annotations: { a: { ...annotation!, orphaned: true } } }, doc.content);
    expect(refreshAnchors(flagged)[0]!.orphaned).toBe(false);
  });

  it('ignores marks with no table entry', () => {
    const doc = annotatedDoc('Some text.', [{ id: 'a', start: 0, end: 4 }]);
    expect(refreshAnchors(documentNode(contentFromText('Some text.'), []))).toEqual([]);
    expect(refreshAnchors(doc.type.create({ annotations: {} }, doc.content))).toEqual([]);
  });
});
