/**
 * The PDF report (main/services/export/pdf): its text as pdf.js extracts it holds what the Markdown
 * report says — title, claims, verdicts, sources, methodology, Arabic — with Markdown's escapes
 * resolved, never its syntax; the same input gives the same bytes.
 */
import { describe, expect, it } from 'vitest';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { pdfFromMarkdown, pdfReport } from '../../../main/services/export/pdf/index.js';
import { options, REPLY_TEXT, reportInput } from './formats.fixture.js';
import { sampleInput } from './markdown-sample.js';
import { pdfPages, pdfText } from './pdf-text.js';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/input.js';

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the PDF report', () => {
  it('is a PDF whose text holds the title, every claim, the verdicts, a source, the methodology and the corrections', async () => {
    const input = sampleInput();
    const bytes = await pdfReport(input, DEFAULT_REPORT_OPTIONS);
    expect(latin1(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(latin1(bytes.subarray(-6))).toMatch(/%%EOF\s*$/);
    const text = await pdfText(bytes);
    expect(text).toContain('Iraq–Iran talks: fact-check report');
    expect(text).toContain('Prepared by R. Analyst on 2026-11-27 12:00 UTC.');
    for (const quote of ['the system established over the past 21 years', 'A UN representative recently emphasised the importance of limiting weapons to state control']) {
      expect(text).toContain(quote);
    }
    expect(text).toContain('Verdict: True The 2003 invasion and the 2005 constitution put it 19–21 years back.');
    expect(text).toContain('Verdict: Unverifiable No UN statement named; "recently" is not dated.');
    expect(text).toContain('Coalition Provisional Authority Order Number 1');
    expect(text).toContain('Methodology');
    expect(text).toContain('Counted from 2003, as the speaker did.');
    // The 64 hex digits of the fingerprint, in the monospaced face.
    expect(text).toMatch(/Fingerprint \(SHA-256 of the text\): [0-9a-f]{64}/);
    // Every page numbered.
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page).toContain(`${i + 1} / ${pages.length}`));
  });

  it('shows the characters Markdown escapes as themselves, never as Markdown syntax', async () => {
    const input = sampleInput();
    input.project.name = 'Desk #1 \\ C:\\path *star* _under_ [square] |pipe| <angle>';
    const markdown = markdownReport(input, DEFAULT_REPORT_OPTIONS);
    const text = await pdfText(await pdfFromMarkdown(markdown, { generatedAt: input.generatedAt, author: '', title: '' }));
    expect(text).toContain('Desk #1 \\ C:\\path *star* _under_ [square] |pipe| <angle>: fact-check report');
    expect(text).toContain("Order Number 1 … [de-Ba'athification] of Iraqi society");
    expect(text).toContain('The *system* dates from the 2005 constitution | not 2003.');
    expect(text).toContain('No such UN remark in <November>.');
    expect(text).toContain("Term used by Iran's allies_ check it.");
    expect(text).not.toMatch(/\\\[|\\\*|\\_|\\\||\\</);
    expect(text).not.toContain('](#');
    expect(text).not.toContain('**');
  });

  it('keeps Arabic text: pdf.js reads the Arabic letters back, in reading order', async () => {
    const text = await pdfText(await pdfReport(reportInput(), options()));
    expect(text).toContain('نحن شركاء استراتيجيون');
    for (const word of REPLY_TEXT.split(/\s+/).filter((w) => /\p{Script=Arabic}{3,}/u.test(w) && !/\p{Extended_Pictographic}/u.test(w))) {
      expect(text).toContain(word.replace(/[.]$/, ''));
    }
  });

  it('gives the same bytes for the same input, dated by the report, and different bytes for another date', async () => {
    const input = sampleInput();
    const first = await pdfReport(input, DEFAULT_REPORT_OPTIONS);
    const second = await pdfReport(sampleInput(), DEFAULT_REPORT_OPTIONS);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    // The document's dates are the report's (pdfkit writes them as objects of their own).
    expect(latin1(first).match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20261127120000Z)', '(D:20261127120000Z)']);
    const later = await pdfReport({ ...sampleInput(), generatedAt: '2026-11-28T09:30:00.000Z' }, DEFAULT_REPORT_OPTIONS);
    expect(Buffer.from(later).equals(Buffer.from(first))).toBe(false);
    expect(latin1(later).match(/\(D:\d{14}Z\)/g)).toEqual(['(D:20261128093000Z)', '(D:20261128093000Z)']);
  });
});
