/**
 * The PDF layout on Markdown the report can hold: a table longer than a page (its header repeated),
 * nested lists, block quotes, code, hard breaks, a word wider than the page, links to sections of
 * the report and to the web — every word still there, in order, and links that go where they say.
 */
import { describe, expect, it } from 'vitest';
import { pdfFromMarkdown } from '../../../main/services/export/pdf/index.js';
import { pdfInfo, pdfLinks, pdfPages, pdfText } from './pdf-text.js';

const meta = { generatedAt: '2026-11-27T12:00:00.000Z', author: 'Sara', title: 'Fallback' };
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('the PDF layout', () => {
  it('sets a table longer than a page on several pages, the header row on each, every row in order', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => `| [C${i + 1}](#c${i + 1}) | Claim number ${i + 1} says something rather long that has to wrap inside its cell at least once or twice | ${i % 2 ? 'True' : 'False'} |`);
    const markdown = ['# Long', '', '| ID | Claim | Verdict |', '| --- | --- | --- |', ...rows, '', '### C1', '', 'The first claim.', ''].join('\n');
    const bytes = await pdfFromMarkdown(markdown, meta);
    const pages = await pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages.slice(0, -1)) expect(page).toMatch(/ID\s*Claim\s*Verdict/);
    const text = await pdfText(bytes);
    let at = 0;
    for (let i = 1; i <= 120; i++) {
      const next = text.indexOf(`C${i} Claim number ${i} says something rather long that has to wrap inside its cell at least once or twice`, at);
      expect(next, `row ${i}`).toBeGreaterThanOrEqual(at);
      at = next;
    }
    // C1 links to its section, which exists; the other claims' sections do not, so theirs are plain text.
    const links = await pdfLinks(bytes);
    expect(links).toEqual([{ dest: 'c1' }]);
  });

  it('keeps lists, quotes, code, hard breaks, long words and web links, the address printed after the link text', async () => {
    const long = 'x'.repeat(400);
    const markdown = [
      '# Everything',
      '',
      '- first item',
      '  - nested item',
      '- second item with a [web link](https://example.org/page?a=1&b=2)',
      '',
      '3. third',
      '4. fourth',
      '',
      '> quoted **bold** and *italic* words  ',
      '> after a hard break',
      '',
      '```',
      'code\tline one',
      'code line two',
      '```',
      '',
      long,
      '',
      '---',
      '',
      'Mail [the desk](mailto:desk@example.org) or see <https://example.org/raw>.',
      '',
    ].join('\n');
    const bytes = await pdfFromMarkdown(markdown, meta);
    const text = await pdfText(bytes);
    for (const phrase of ['• first item', '• nested item', 'second item with a web link (https://example.org/page?a=1&b=2)', '3. third', '4. fourth', 'quoted bold and italic words after a hard break', 'code line one code line two', 'Mail the desk (mailto:desk@example.org) or see https://example.org/raw.']) {
      expect(text).toContain(phrase);
    }
    expect(text.replace(/ /g, '')).toContain(long);
    // A link's text and the address after it are each clickable.
    expect([...new Set((await pdfLinks(bytes)).map((link) => link.url))]).toEqual(['https://example.org/page?a=1&b=2', 'mailto:desk@example.org', 'https://example.org/raw']);
    expect(await pdfInfo(bytes)).toMatchObject({ Title: 'Everything', Author: 'Sara', Creator: 'Factmark', CreationDate: 'D:20261127120000Z', ModDate: 'D:20261127120000Z' });
  });

  it('gives two reports made at the same moment different file identifiers', async () => {
    const id = (bytes: Uint8Array) => /\/ID \[<([0-9a-f]+)>/.exec(latin1(bytes))?.[1];
    const one = id(await pdfFromMarkdown('# One', meta));
    const other = id(await pdfFromMarkdown('# Other', meta));
    expect(one).toMatch(/^[0-9a-f]{32}$/);
    expect(other).toMatch(/^[0-9a-f]{32}$/);
    expect(one).not.toBe(other);
  });
});
