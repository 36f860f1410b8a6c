/** The rules a source keeps before it is saved, and what merging two sources keeps. */
import { describe, expect, it } from 'vitest';
import { mergedSource, repointSource } from '../../../shared/check/source-merge.js';
import { sourceProblems } from '../../../shared/check/source-rules.js';
import { Claim, SourceMention, type Source } from '../../../shared/model/index.js';

const TODAY = '2026-03-10';
const draft = { title: 'Labour survey', url: '', archiveUrl: '', published: null as string | null, accessed: null as string | null };

describe('sourceProblems', () => {
  it('accepts a source with only a title', () => {
    expect(sourceProblems(draft, TODAY)).toEqual([]);
  });

  it.each([
    [{ title: '   ' }, 'title', /needs a title/],
    [{ url: 'javascript:alert(1)' }, 'url', /Only web addresses \(http or https\)/],
    [{ url: 'stats.example/labour' }, 'url', /not a web address/],
    [{ archiveUrl: 'ftp://archive.example/x' }, 'archiveUrl', /^Archived copy: Only web addresses/],
    [{ published: '2024-02-30' }, 'published', /2024-02-30 is not a real date/],
    [{ published: '2026-03-11' }, 'published', /publication date cannot be in the future \(after 2026-03-10\)/],
    [{ accessed: '10/03/2026' }, 'accessed', /Write the date accessed as YYYY-MM-DD/],
  ])('refuses %j on its field', (change, field, message) => {
    const problems = sourceProblems({ ...draft, ...change }, TODAY);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.field).toBe(field);
    expect(problems[0]!.message).toMatch(message);
  });

  it('accepts publication today, and an access date after it', () => {
    expect(sourceProblems({ ...draft, published: TODAY, accessed: TODAY, url: 'https://stats.example/a', archiveUrl: 'https://web.archive.org/web/2026/https://stats.example/a' }, TODAY)).toEqual([]);
  });
});

const at = '2026-01-01T00:00:00.000Z';
function source(id: string, fields: Partial<Source>): Source {
  return { id, type: 'other', title: 'T', authors: [], publisher: '', published: null, accessed: null, url: '', archiveUrl: '', language: '', notes: '', reliability: 'F', withhold: false, createdAt: at, updatedAt: at, ...fields };
}

describe('merging sources', () => {
  it('keeps the kept source’s fields and fills its blanks from the duplicate; notes from both; withholding wins', () => {
    const into = source('a', { title: 'Labour survey 2024', url: 'https://stats.example/labour', reliability: 'F', notes: 'Table 3.' });
    const from = source('b', { type: 'report', title: 'Labour survey', url: 'https://other.example', publisher: 'Statistics Office', published: '2024-05-01', authors: [{ literal: 'Statistics Office' }], reliability: 'B', notes: 'Press release too.', withhold: true });
    expect(mergedSource(into, from)).toEqual({
      ...into,
      type: 'report',
      publisher: 'Statistics Office',
      published: '2024-05-01',
      authors: [{ literal: 'Statistics Office' }],
      reliability: 'B',
      notes: 'Table 3.\n\nPress release too.',
      withhold: true,
    });
    expect(mergedSource(source('a', { reliability: 'C' }), source('b', { reliability: 'A' })).reliability).toBe('C');
  });

  it('repoints evidence and source mentions, and leaves others as they were', () => {
    const anchor = { quote: { exact: 'x', prefix: '', suffix: '' }, position: { start: 0, end: 1 } };
    const claim = Claim.parse({ id: 'c', kind: 'claim', shortId: 'C1', anchor, createdAt: at, updatedAt: at, evidence: [
      { id: 'e1', sourceId: 'b', stance: 'refutes', createdAt: at, updatedAt: at },
      { id: 'e2', sourceId: 'z', stance: 'supports', createdAt: at, updatedAt: at },
    ] });
    const moved = repointSource(claim, 'b', 'a');
    expect(moved.kind === 'claim' && moved.evidence.map((e) => e.sourceId)).toEqual(['a', 'z']);
    const mention = SourceMention.parse({ id: 'm', kind: 'sourceMention', sourceId: 'b', anchor, createdAt: at, updatedAt: at });
    expect(repointSource(mention, 'b', 'a')).toMatchObject({ sourceId: 'a' });
    expect(repointSource(mention, 'q', 'a')).toBe(mention);
  });
});
