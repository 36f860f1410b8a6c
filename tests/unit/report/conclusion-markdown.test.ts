/**
 * A claim's conclusion is Markdown (the card says so, the W3C export declares `text/markdown`): the
 * Markdown, HTML and PDF reports render it as Markdown — emphasis and safe links kept, raw HTML and
 * unsafe links inert — in real paragraphs that markdown-it and pandoc (plain, and Word read back)
 * keep apart; ClaimReview carries it as plain text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { claimReviews } from '../../../shared/report/claim-review.js';
import { htmlReport } from '../../../shared/report/html.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { requireTestTool } from '../../tools/test-tools.js';
import { claimOf, options, reportInput } from './formats.fixture.js';

const CONCLUSION = 'It fell by **14%**, not 40%.\n\nSee [Reuters](https://www.reuters.com/markets/lfs) and <b>raw</b> [a script](javascript:alert(1)).';

/** The fixture with C1's conclusion written in Markdown, and one correction that changed it. */
function withMarkdownConclusion() {
  const input = reportInput();
  const claim = claimOf(input, 'a-unemployment');
  claim.verdict.conclusion = CONCLUSION;
  claim.corrections = [
    { at: '2026-11-26T10:00:00.000Z', before: { levelId: 'truth-false', special: null, conclusion: 'It *rose*.\n\nNo figures.' }, after: claim.verdict, reason: 'New survey\nfigures.', analyst: 'Sara Ahmed' },
  ];
  return input;
}

/** The part of the Markdown report from `### C1` to the next claim. */
function c1Section(markdown: string): string {
  return markdown.slice(markdown.indexOf('### C1'), markdown.indexOf('### C2'));
}

const pandoc = (args: string[], input?: string) => execFileSync(requireTestTool('pandoc'), args, { encoding: 'utf8', ...(input === undefined ? {} : { input }) });

describe('a conclusion written in Markdown', () => {
  const markdown = markdownReport(withMarkdownConclusion(), options());

  it('renders as Markdown in markdown-it with its defaults: bold, the safe link, two paragraphs; raw HTML and the script link as text', () => {
    const html = new MarkdownIt().render(c1Section(markdown));
    expect(html).toContain('<p>It fell by <strong>14%</strong>, not 40%.</p>\n<p>See <a href="https://www.reuters.com/markets/lfs">Reuters</a> and &lt;b&gt;raw&lt;/b&gt; [a script](javascript:alert(1)).</p>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('&lt;br&gt;');
    expect(c1Section(markdown)).not.toContain('<br>');
  });

  it('is the same in the HTML report, with no raw HTML and no script link', () => {
    const html = htmlReport(withMarkdownConclusion(), options());
    expect(html).toContain('It fell by <strong>14%</strong>, not 40%.</p>');
    expect(html).toContain('<a href="https://www.reuters.com/markets/lfs">Reuters</a>');
    expect(html).not.toContain('<b>raw');
    expect(html).not.toContain('href="javascript:');
  });

  it('keeps its paragraphs through pandoc: GitHub Markdown to plain text, and to Word and back', () => {
    const plain = pandoc(['-f', 'gfm', '-t', 'plain', '--wrap=none'], markdown);
    expect(plain).toContain('It fell by 14%, not 40%.\n\nSee Reuters and <b>raw</b> [a script](javascript:alert(1)).');
    expect(plain).not.toContain('**14%**');
    const folder = mkdtempSync(join(tmpdir(), 'factmark-docx-'));
    const md = join(folder, 'report.md');
    const docx = join(folder, 'report.docx');
    writeFileSync(md, markdown);
    pandoc(['-f', 'gfm', '-t', 'docx', '-o', docx, md]);
    const fromWord = pandoc(['-f', 'docx', '-t', 'plain', '--wrap=none', docx]);
    expect(fromWord).toContain('It fell by 14%, not 40%.\n\nSee Reuters and <b>raw</b> [a script](javascript:alert(1)).');
    expect(readFileSync(docx).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('keeps the corrections log\'s conclusions before and after as paragraphs of the entry, the reason\'s lines too', () => {
    const corrections = markdown.slice(markdown.indexOf('## Corrections'));
    const html = new MarkdownIt().render(corrections);
    expect(html).toContain('<blockquote>\n<p>It <em>rose</em>.</p>\n<p>No figures.</p>\n</blockquote>');
    expect(html).toContain('<p>Reason: New survey<br>\nfigures.</p>');
    const plain = pandoc(['-f', 'gfm', '-t', 'plain', '--wrap=none'], corrections);
    expect(plain).toContain('It rose.\n\n');
    expect(plain).toContain('No figures.');
  });

  it('is plain text in ClaimReview: no Markdown syntax, the link as its words', () => {
    const [review] = (JSON.parse(claimReviews(withMarkdownConclusion(), options())) as { '@graph': { reviewRating: { ratingExplanation: string } }[] })['@graph'];
    expect(review!.reviewRating.ratingExplanation).toBe('It fell by 14%, not 40%.\n\nSee Reuters and <b>raw</b> [a script](javascript:alert(1)).');
  });
});
