/**
 * The two layouts of the readable report: verdict first (the default) — each claim with its verdict,
 * conclusion and evidence before the annotated text and the method — and the audit layout, the
 * documents first; the same sections either way, and each claim's section reads claim, verdict,
 * conclusion, evidence.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS, REPORT_LAYOUTS } from '../../../shared/report/input.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { options, reportInput } from './formats.fixture.js';

/** The report's level-2 headings, in order. */
function outline(layout?: (typeof REPORT_LAYOUTS)[number]): string[] {
  return [...markdownReport(reportInput(), options(layout === undefined ? {} : { layout })).matchAll(/^## (.+)$/gm)].map((m) => m[1]!);
}

describe('report layouts', () => {
  it('is verdict first by default: the fact-checks before the annotated text, the documents and the method', () => {
    expect(DEFAULT_REPORT_OPTIONS.layout).toBe('verdict-first');
    expect(outline()).toEqual(['Summary', 'Claims', 'Fact-checks', 'Annotated text', 'Notes', 'Sources', 'Documents', 'Text damage', 'Changes to the source text', 'Methodology', 'Corrections']);
    expect(outline('verdict-first')).toEqual(outline());
    const { layout: _layout, ...without } = DEFAULT_REPORT_OPTIONS;
    expect(markdownReport(reportInput(), without)).toBe(markdownReport(reportInput(), options()));
  });

  it('in the audit layout puts the documents first and the claims after their text', () => {
    expect(outline('audit')).toEqual(['Documents', 'Summary', 'Claims', 'Annotated text', 'Claim details', 'Notes', 'Sources', 'Text damage', 'Changes to the source text', 'Methodology', 'Corrections']);
  });

  it('reads each claim as claim, verdict, conclusion, evidence, in both layouts', () => {
    for (const layout of REPORT_LAYOUTS) {
      const markdown = markdownReport(reportInput(), options({ layout }));
      const section = markdown.slice(markdown.indexOf('### C1'), markdown.indexOf('### C2'));
      const order = ['**Claim:** Unemployment fell', '> ', '**Claimant:** The minister', '**Verdict:** Mostly false', 'It fell by 14%, not 40%.', '#### Evidence', '**Checked by:** Sara Ahmed'].map((part) => section.indexOf(part));
      expect(order.every((at) => at >= 0), layout).toBe(true);
      expect([...order].sort((a, b) => a - b), layout).toEqual(order);
      expect(new MarkdownIt().render(section)).toContain('<p><strong>Verdict:</strong> Mostly false</p>\n<p>It fell by 14%, not 40%.</p>');
    }
  });
});
