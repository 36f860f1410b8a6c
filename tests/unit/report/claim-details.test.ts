/**
 * What a reader of the report needs about each claim and source, shown once and clean: who checked
 * the claim, when it appeared and why it is worth checking; the summary in the rating scale's order;
 * quote contexts without `&#32;`; addresses without tracking parameters (the stored address kept as
 * entered); a source's date in its field even when the CSL import kept it in the notes.
 */
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parseCslJson, sourcesToCslJson } from '../../../shared/check/csl.js';
import { claimsCsv, sourcesCsv } from '../../../shared/report/csv.js';
import { REPORT_FORMATS } from '../../../shared/report/index.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { webAnnotations } from '../../../shared/report/w3c.js';
import { claimOf, options, reportInput } from './formats.fixture.js';
import { sampleInput } from './markdown-sample.js';

const TRACKED = 'https://news.example.org/speech?utm_source=twitter&id=3&fbclid=IwAR0x&UTM_Medium=social#minute-12';

describe('a claim in the report', () => {
  it('says who checked it, when and where it appeared, and why it is worth checking', () => {
    const input = reportInput();
    claimOf(input, 'a-unemployment').worthChecking = 'Shared 40,000 times\nin two days.';
    const html = new MarkdownIt().render(markdownReport(input, options()));
    expect(html).toContain('<li><strong>Checked by:</strong> Sara Ahmed</li>');
    expect(html).toContain('<li><strong>Appeared:</strong> 2026-11-19, https://news.example.org/speech</li>');
    expect(html).toContain('<li><strong>Why it is worth checking:</strong> Shared 40,000 times<br>\nin two days.</li>');
  });

  it('counts verdicts in the order of the rating scale, not of first appearance', () => {
    const markdown = markdownReport(reportInput(), options());
    const summary = markdown.slice(markdown.indexOf('## Summary'), markdown.indexOf('## Claims'));
    expect(summary).toContain(['| True | 1 |', '| Mostly false | 1 |', '| Unverifiable | 1 |', '| No verdict yet | 1 |'].join('\n'));
  });

  it('quotes context without &#32; where the cut falls on a blank, and says the text goes on', () => {
    const markdown = markdownReport(sampleInput(), options());
    expect(markdown).not.toContain('&#32;');
    expect(markdown).toContain('> … democracy and consolidate **the system established over the past 21 years**. Iraq is taking steps to align …');
  });
});

describe('addresses in the report', () => {
  /** The fixture with tracking parameters in a claim's appearance, a document's and a source's address. */
  function tracked() {
    const input = reportInput();
    claimOf(input, 'a-unemployment').appearance.url = TRACKED;
    input.documents[0]!.meta.sourceUrl = TRACKED;
    input.project.sources[0]!.url = 'https://stats.example.org/lfs?gclid=abc&utm_campaign=x';
    return input;
  }

  it('are printed without utm_*, fbclid or gclid in every format, the rest of the address kept as written', () => {
    const input = tracked();
    for (const format of REPORT_FORMATS.filter((f) => f.binary === undefined)) {
      const text = format.render(input, options());
      expect(text, format.id).not.toMatch(/utm_|fbclid|gclid/i);
    }
    expect(markdownReport(input, options())).toContain('https://news.example.org/speech?id=3\\#minute-12');
    expect(claimsCsv(input, options())).toContain('https://news.example.org/speech?id=3#minute-12');
    expect(sourcesCsv(input, options())).toContain(',https://stats.example.org/lfs,');
    expect(webAnnotations(input, options())).toContain('"source": "https://news.example.org/speech?id=3#minute-12"');
  });

  it('stay stored as entered', () => {
    const input = tracked();
    markdownReport(input, options());
    expect(claimOf(input, 'a-unemployment').appearance.url).toBe(TRACKED);
    expect(input.project.sources[0]!.url).toBe('https://stats.example.org/lfs?gclid=abc&utm_campaign=x');
  });
});

describe('a source whose date the CSL import kept in its notes (a month, no day)', () => {
  /** The fixture's statistics source as Zotero's `[[2024, 11]]` arrives: no date field, the month in the notes. */
  function monthOnly() {
    const input = reportInput();
    Object.assign(input.project.sources[0]!, { published: null, notes: 'Date published: 2024-11 (no exact day given)\nTable 3 has the rates.' });
    return input;
  }

  it('shows the date once, in its field, and the rest of the notes', () => {
    const markdown = markdownReport(monthOnly(), options());
    const entry = markdown.slice(markdown.indexOf('### S1'), markdown.indexOf('### S2'));
    expect(entry).toContain('- **Published:** 2024-11\n');
    expect(entry).not.toContain('Date published');
    expect(entry).not.toContain('not recorded\n- **Accessed');
    expect(entry).toContain('Table 3 has the rates.');
    expect(sourcesCsv(monthOnly(), options())).toContain(',2024-11,');
  });

  it('goes to CSL-JSON as the month it is, and comes back as it was', () => {
    const [item] = JSON.parse(sourcesToCslJson([monthOnly().project.sources[0]!])) as { issued: unknown; note: string }[];
    expect(item!.issued).toEqual({ 'date-parts': [[2024, 11]] });
    expect(item!.note).toBe('Table 3 has the rates.\nfactmark: reliability=A; withhold=false');
    const back = parseCslJson(JSON.stringify([item]));
    expect('entries' in back && back.entries[0]!.draft).toMatchObject({ published: null, notes: 'Table 3 has the rates.\nDate published: 2024-11 (no exact day given)' });
  });
});
