/**
 * The Markdown report of the sample article equals tests/fixtures/report/sample-article.md byte for
 * byte. After an intended change, regenerate it with
 * `FACTMARK_UPDATE_GOLDEN=1 npx vitest run tests/unit/report/markdown-golden.test.ts` and read the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/input.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { sampleInput } from './markdown-sample.js';

const GOLDEN = new URL('../../fixtures/report/sample-article.md', import.meta.url);

describe('Markdown report of the sample article', () => {
  it('equals the golden file byte for byte', () => {
    const report = markdownReport(sampleInput(), DEFAULT_REPORT_OPTIONS);
    if (process.env.FACTMARK_UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, report);
    expect(report).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('is the same bytes on every run', () => {
    expect(markdownReport(sampleInput(), DEFAULT_REPORT_OPTIONS)).toBe(markdownReport(sampleInput(), DEFAULT_REPORT_OPTIONS));
  });

  it('shows a withheld source as withheld, and names it when not anonymising', () => {
    const anonymous = markdownReport(sampleInput(), DEFAULT_REPORT_OPTIONS);
    expect(anonymous).not.toContain('Interview with a ministry official');
    expect(anonymous).toContain('withheld to protect the source');
    expect(markdownReport(sampleInput(), { ...DEFAULT_REPORT_OPTIONS, anonymiseWithheld: false })).toContain('Interview with a ministry official');
  });

  it('filters claims by status and tag, and leaves out notes and damage on request', () => {
    const done = markdownReport(sampleInput(), { ...DEFAULT_REPORT_OPTIONS, statuses: ['done'], includeNotes: false, includeDamage: false });
    expect(done).toContain('### C1');
    expect(done).not.toContain('### C2');
    expect(done).not.toContain('## Text damage');
    expect(done).not.toContain('#### Notes');
    const tagged = markdownReport(sampleInput(), { ...DEFAULT_REPORT_OPTIONS, tagIds: ['tag-history'] });
    expect(tagged).toContain('[C1](#c1)');
    expect(tagged).not.toContain('[C2](#c2)');
  });

  it('in excerpts mode keeps only the paragraphs holding a claim', () => {
    const report = markdownReport(sampleInput(), { ...DEFAULT_REPORT_OPTIONS, text: 'excerpts' });
    expect(report).toContain('## Excerpts');
    expect(report).not.toContain('Economic and strategic cooperation');
    expect(report).toContain('**the system established over the past 21 years**[C1](#c1)');
  });
});
