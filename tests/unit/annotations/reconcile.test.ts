/**
 * reconcileDocument: marks and annotations brought into agreement when a document is opened or
 * its text replaced. Kept, re-anchored (exact or fuzzy), orphaned, stray marks removed; never
 * moved to other words; nothing done (and the inputs returned) when nothing needs doing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { reconcileDocument, type ReconcileReport } from '../../../shared/annotations/reconcile.js';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { contentOf, documentNode } from '../../../shared/annotations/table.js';
import { projectDocument } from '../../../shared/anchoring/index.js';
import type { Annotation } from '../../../shared/model/annotation.js';
import type { ContentNode } from '../../../shared/model/document.js';
import { annotatedDoc, contentFromText, markSpans, notesOn, type Span } from './support/documents.js';

const ARTICLE = readFileSync(new URL('../../fixtures/article-iraq-iran.txt', import.meta.url), 'utf8').replace(/\r\n?/g, '\n').replace(/\n+$/, '');

/** A span on the first occurrence of `words` in `text`. */
function on(text: string, id: string, words: string): Span {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  return { id, start, end: start + words.length };
}

/** The stored form of an annotated text: content with marks, and the annotations. */
function stored(text: string, spans: readonly Span[]): { content: ContentNode; annotations: Annotation[] } {
  return { content: contentOf(annotatedDoc(text, spans)), annotations: notesOn(text, spans) };
}

/** What each annotation covers after reconciling: its marked words, or "orphan". */
function covered(content: ContentNode, annotations: readonly Annotation[]): Record<string, string> {
  const doc = documentNode(content, annotations);
  const projection = projectDocument(doc);
  const ranges = annotationRanges(doc);
  return Object.fromEntries(
    annotations.map((a) => {
      const range = ranges.get(a.id);
      return [a.id, range ? projection.text.slice(projection.toTextOffset(range.from, 1), projection.toTextOffset(range.to, -1)) : 'orphan'];
    }),
  );
}

function report(counts: Partial<ReconcileReport>): ReconcileReport {
  return { kept: 0, reanchoredExact: 0, reanchoredFuzzy: 0, orphaned: 0, strayMarksRemoved: 0, ...counts };
}

describe('reconcileDocument', () => {
  it('returns the very inputs when marks and annotations agree', () => {
    const { content, annotations } = stored(ARTICLE, [on(ARTICLE, 'a', 'the past 21 years'), on(ARTICLE, 'b', 'a "strategic partner"')]);
    const result = reconcileDocument(content, annotations, { textChanged: false });
    expect(result.content).toBe(content);
    expect(result.annotations).toBe(annotations);
    expect(result.report).toEqual(report({ kept: 2 }));
  });

  it('removes marks whose id has no annotation, and counts them once per id', () => {
    const text = 'Alpha beta gamma delta.';
    const content = contentOf(markSpans(annotatedDoc(text, [on(text, 'a', 'beta')]), [on(text, 'stray', 'gamma'), on(text, 'stray', 'delta')]));
    const annotations = notesOn(text, [on(text, 'a', 'beta')]);
    const result = reconcileDocument(content, annotations);
    expect(result.report).toEqual(report({ kept: 1, strayMarksRemoved: 1 }));
    expect(covered(result.content, result.annotations)).toEqual({ a: 'beta' });
    expect(JSON.stringify(result.content)).not.toContain('stray');
    expect(result.annotations[0]).toBe(annotations[0]);
  });

  it('places every annotation again on a text read again without marks (the article, quotes and sources)', () => {
    const spans = [
      on(ARTICLE, 'claim-1', 'the past 21 years'),
      on(ARTICLE, 'claim-2', 'the Basra-Shalamcheh railway connection, which has long been delayed'),
      on(ARTICLE, 'source-1', 'posts on X'),
      on(ARTICLE, 'quote', '"The PMF is a cornerstone of Iraq\'s security, and its continued support is essential,"'),
    ];
    const { annotations } = stored(ARTICLE, spans);
    const result = reconcileDocument(contentFromText(ARTICLE), annotations, { textChanged: true });
    expect(result.report).toEqual(report({ reanchoredExact: 4 }));
    expect(covered(result.content, result.annotations)).toEqual(Object.fromEntries(spans.map((s) => [s.id, ARTICLE.slice(s.start, s.end)])));
    const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id)).map((a) => a.anchor);
    expect(byId(result.annotations)).toEqual(byId(annotations));
  });

  it('follows words moved by an outside change, places changed words as fuzzy, and orphans deleted ones with their last anchor', () => {
    const spans = [on(ARTICLE, 'moved', 'Diverging perspectives'), on(ARTICLE, 'changed', 'the 2023 security agreement'), on(ARTICLE, 'deleted', 'posts on X')];
    const { content, annotations } = stored(ARTICLE, spans);
    const edited = `A new opening paragraph added by the outlet.\n${ARTICLE.replace('the 2023 security agreement', 'the 2023 security pact').replace('— Khamenei.ir (@khamenei_ir) ">posts on X, formerly known as Twitter.', '')}`;
    const result = reconcileDocument(contentFromText(edited), annotations, { textChanged: true });
    expect(result.report).toEqual(report({ reanchoredExact: 1, reanchoredFuzzy: 1, orphaned: 1 }));
    expect(covered(result.content, result.annotations)).toEqual({ moved: 'Diverging perspectives', changed: 'the 2023 security pact', deleted: 'orphan' });
    const orphan = result.annotations.find((a) => a.id === 'deleted')!;
    expect(orphan.orphaned).toBe(true);
    expect(orphan.anchor).toEqual(annotations[2]!.anchor);
    expect(result.annotations.at(-1)).toBe(orphan);
    expect(content).not.toBe(result.content);
  });

  it('re-anchors a marked annotation whose words changed outside the app, but trusts the marks when the text did not change', () => {
    const text = 'The minister said the railway would open in 2025, officials confirmed on Tuesday.';
    const { content, annotations } = stored(text, [on(text, 'a', 'would open in 2025')]);
    // Someone edited the stored file: the marked words now read differently.
    const editedContent = JSON.parse(JSON.stringify(content).replace('would open in 2025', 'would open in 2027')) as ContentNode;
    const outside = reconcileDocument(editedContent, annotations, { textChanged: true });
    expect(outside.report).toEqual(report({ reanchoredFuzzy: 1 }));
    expect(covered(outside.content, outside.annotations)).toEqual({ a: 'would open in 2027' });
    const inApp = reconcileDocument(editedContent, annotations, { textChanged: false });
    expect(inApp.report).toEqual(report({ kept: 1 }));
    expect(inApp.content).toBe(editedContent);
    expect(inApp.annotations[0]!.anchor.quote.exact).toBe('would open in 2027');
  });

  it('never moves an annotation to the same words elsewhere when its own are gone', () => {
    const text = 'Officials in Baghdad said the talks failed.\nIn a separate statement, officials in Tehran said the talks failed.';
    const spans = [on(text, 'a', 'said the talks failed')];
    const { annotations } = stored(text, spans);
    const edited = 'Officials in Baghdad declined to comment.\nIn a separate statement, officials in Tehran said the talks failed.';
    const result = reconcileDocument(contentFromText(edited), annotations, { textChanged: true });
    expect(result.report).toEqual(report({ orphaned: 1 }));
    expect(covered(result.content, result.annotations)).toEqual({ a: 'orphan' });
  });

  it('leaves orphans without marks alone, and places an annotation that only lost its mark', () => {
    const text = 'The report was published on Monday. Its first claim is here, and its second claim is there.';
    const annotations = notesOn(text, [on(text, 'lost', 'first claim'), on(text, 'orphan', 'second claim')]).map((a) => (a.id === 'orphan' ? { ...a, orphaned: true } : a));
    // Neither is marked: the first lost its mark, the second is an orphan whose words are back.
    const result = reconcileDocument(contentFromText(text), annotations);
    expect(result.report).toEqual(report({ reanchoredExact: 1 }));
    expect(covered(result.content, result.annotations)).toEqual({ lost: 'first claim', orphan: 'orphan' });
    expect(result.annotations.find((a) => a.id === 'orphan')).toBe(annotations[1]);
  });

  it('counts positions in code points through emoji, astral CJK and Arabic, before and after an outside change', () => {
    const text = '👨‍👩‍👧 𠀋𩸽 Intro.\nقال الوزير إن الاتفاقية الأمنية بين العِرَاق وإِيرَان ستُنفَّذ خلال الأشهر المقبلة.\nThe 👍🏽 end.';
    const spans = [on(text, 'arabic', 'العِرَاق وإِيرَان'), on(text, 'emoji', '👍🏽 end')];
    const { annotations } = stored(text, spans);
    const edited = `🇮🇶 ${text}`;
    const result = reconcileDocument(contentFromText(edited), annotations, { textChanged: true });
    expect(result.report).toEqual(report({ reanchoredExact: 2 }));
    for (const annotation of result.annotations) {
      const { start, end } = annotation.anchor.position;
      expect(Array.from(edited).slice(start, end).join('')).toBe(annotation.anchor.quote.exact);
    }
    expect(result.annotations[0]!.anchor.position.start).toBe(annotations[0]!.anchor.position.start + 3); // 🇮🇶 is two code points, then a space
  });
});
