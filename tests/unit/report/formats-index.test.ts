/** The table of report formats: what the command line and the export dialog offer. */
import { describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../../shared/report/index.js';
import { options, reportInput } from './formats.fixture.js';

describe('REPORT_FORMATS', () => {
  it('offers json, claimreview, csv, sources-csv and csl, each rendering the same text for the same input', () => {
    expect(REPORT_FORMATS.map((f) => f.id)).toEqual(['md', 'html', 'pdf', 'json', 'claimreview', 'csv', 'sources-csv', 'csl']);
    for (const format of REPORT_FORMATS) {
      expect(format.extension).toMatch(/^[a-z]+$/);
      expect(format.description).not.toBe('');
      expect(format.render(reportInput(), options())).toBe(format.render(reportInput(), options()));
    }
  });

  it('gives the cited sources as CSL-JSON, the withheld one anonymised', () => {
    const csl = REPORT_FORMATS.find((f) => f.id === 'csl')!.render(reportInput(), options());
    const items = JSON.parse(csl) as { id: string; title: string }[];
    expect(items.map((item) => [item.id, item.title])).toEqual([['s-stats', 'Labour force survey'], ['s-trade', 'Trade "yearbook", 2026'], ['s-secret', 'Withheld source']]);
    expect(csl).not.toContain('Karimi');
  });
});
