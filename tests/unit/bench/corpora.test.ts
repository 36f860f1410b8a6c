import { describe, expect, it } from 'vitest';
import { projectDocument } from '../../../shared/anchoring/index.js';
import { documentNode } from '../../../shared/annotations/table.js';
import type { ContentNode } from '../../../shared/model/document.js';
import { benchProse, buildCorpus, corpus, SIZES } from '../../bench/suite/corpora.js';

/** Every annotation id marked anywhere in stored content. */
function markedIds(node: ContentNode, into = new Set<string>()): Set<string> {
  for (const mark of node.marks ?? []) if (mark.type === 'annotation') into.add(String(mark.attrs?.id));
  for (const child of node.content ?? []) markedIds(child, into);
  return into;
}

describe('bench corpora', () => {
  it('gives the same text for the same seed and another text for another seed', () => {
    expect(benchProse(3, 50_000).text).toBe(benchProse(3, 50_000).text);
    expect(benchProse(4, 50_000).text).not.toBe(benchProse(3, 50_000).text);
  });

  it.each(Object.entries(SIZES).map(([name, size]) => ({ name, size })))('makes the $name text within 2 percent of its size', ({ size }) => {
    const { text } = benchProse(1, size);
    expect(Math.abs(text.length - size) / size).toBeLessThan(0.02);
  });

  it('writes prose with paragraphs, headlines, curly and straight quotations, speakers and Arabic', () => {
    const { text, headings } = benchProse(1, SIZES['100 KB']);
    const lines = text.split('\n');
    expect(lines.length).toBeGreaterThan(100);
    expect(headings.size).toBeGreaterThan(3);
    expect(text).toMatch(/“[^”\n]+,” [A-Z]/);
    expect(text).toMatch(/"[^"\n]+," [A-Z]/);
    expect(text).toMatch(/^(PRESENTER|MINISTER|REPORTER|ANALYST|SPOKESMAN|AL-SUDANI|Q|A): /m);
    const arabic = lines.filter((line) => /^[\u0600-\u06FF\s.:A-Z-]+$/.test(line) && /[\u0600-\u06FF]/.test(line));
    expect(arabic.length).toBeGreaterThan(2);
  });

  it('places exactly the asked number of annotations, each marked in the content and anchored on its words', () => {
    const c = corpus({ size: SIZES['100 KB'], annotations: 100, seed: 5 });
    expect(c.annotations).toHaveLength(100);
    expect(c.spans).toHaveLength(100);
    expect(markedIds(c.content)).toEqual(new Set(c.annotations.map((a) => a.id)));
    for (const [i, span] of c.spans.entries()) {
      expect(c.anchors[i]!.quote.exact).toBe(c.text.slice(span.start, span.end));
      expect(c.text[span.start - 1] ?? ' ').toMatch(/\s/);
    }
    expect(projectDocument(documentNode(c.content, c.annotations)).text).toBe(c.text);
  });

  it('makes claims with short ids when asked, the same on every call', () => {
    const a = buildCorpus({ size: SIZES['100 KB'], annotations: 2_000, seed: 9, kind: 'claim' });
    expect(a.annotations).toHaveLength(2_000);
    expect(a.annotations.every((x) => x.kind === 'claim')).toBe(true);
    expect(a.annotations.map((x) => (x.kind === 'claim' ? x.shortId : '')).slice(0, 3)).toEqual(['C1', 'C2', 'C3']);
    const b = buildCorpus({ size: SIZES['100 KB'], annotations: 2_000, seed: 9, kind: 'claim' });
    expect(b).not.toBe(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(corpus({ size: SIZES['100 KB'], annotations: 2_000, seed: 9, kind: 'claim' }).text).toBe(a.text);
  });
});
