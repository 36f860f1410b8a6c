/**
 * Escaping is exact: markdown-it (CommonMark + GFM tables, HTML on as GitHub allows it) renders every
 * quote, its bolded words and every table cell of an exported report to exactly the original text.
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_OPTIONS } from '../../../shared/report/input.js';
import { quoteBlock, wholeWordContext } from '../../../shared/report/markdown/quote.js';
import { escapeCell } from '../../../shared/report/markdown/escape.js';
import { table } from '../../../shared/report/markdown/summary.js';
import { markdownReport } from '../../../shared/report/markdown/index.js';
import { sampleInput } from './markdown-sample.js';

/** The quote as the report shows it: its context cut to whole words (claim-section.ts). */
function shownContext(prefix: string, exact: string, suffix: string): string {
  const around = wholeWordContext(prefix, suffix);
  return around.prefix + exact + around.suffix;
}


const md = new MarkdownIt({ html: true });
/** A token as this markdown-it build gives it. */
type Token = ReturnType<typeof md.parse>[number];

/** The text an inline token list shows: text, entities decoded, breaks as newlines, `<br>` as newline, tags dropped. */
function shown(children: readonly Token[]): string {
  return children.map((t) => (t.type === 'text' ? t.content : t.type === 'softbreak' || t.type === 'hardbreak' ? '\n' : t.type === 'html_inline' && /^<br>$/i.test(t.content) ? '\n' : '')).join('');
}

/** The words inside strong emphasis (`**` or `<strong>`) of an inline token list. */
function strongText(children: readonly Token[]): string {
  let depth = 0;
  const inner: Token[] = [];
  for (const t of children) {
    if (t.type === 'strong_open' || (t.type === 'html_inline' && t.content === '<strong>')) depth++;
    else if (t.type === 'strong_close' || (t.type === 'html_inline' && t.content === '</strong>')) depth--;
    else if (depth > 0) inner.push(t);
  }
  return shown(inner);
}

const tricky = fc.constantFrom('*', '_', '`', '[', ']', '|', '<', '>', '#', '1.', '1)', '-', '+', '=', '\\', '&amp;', '&#42;', '<b>x</b>', '\n', ' ', '  ', '\t', 'a', 'word', 'مرحبا', 'שלום', '\u200f', '~~', '$x$', ':smile:', '%%', '==', '![', '](', '---', '***', '```', '    code', 'https://x.org', '😀');
const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 4 }).filter((s) => !/[\0\r]/.test(s))), { maxLength: 12 }).map((parts) => parts.join(''));

describe('Markdown escaping', () => {
  it('renders a quote with its context, and its bold words, exactly', () => {
    fc.assert(
      fc.property(text, text.filter((s) => s !== ''), text, (prefix, exact, suffix) => {
        const tokens = md.parse(quoteBlock(prefix, exact, suffix), {});
        expect(tokens[0]?.type).toBe('blockquote_open');
        const inlines = tokens.filter((t) => t.type === 'inline');
        expect(inlines.length).toBeLessThanOrEqual(1);
        const children = inlines[0]?.children ?? [];
        expect(shown(children)).toBe(prefix + exact + suffix);
        expect(strongText(children)).toBe(exact);
      }),
      { numRuns: 2_000 },
    );
  });

  it('renders every table cell exactly', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 3, maxLength: 3 }), (cells) => {
        const tokens = md.parse(table(['A', 'B', 'C'], [cells.map(escapeCell)]), {});
        const body = tokens.slice(tokens.findIndex((t) => t.type === 'tbody_open'));
        expect(body.filter((t) => t.type === 'inline').map((t) => shown(t.children ?? []))).toEqual(cells);
      }),
      { numRuns: 2_000 },
    );
  });

  it('keeps every quote and claims-table cell of a report with hostile claim text exact', () => {
    fc.assert(
      fc.property(text.filter((s) => s !== ''), text, (exact, claimant) => {
        const input = sampleInput();
        const [document] = input.documents;
        const claim = document!.annotations.find((a) => a.kind === 'claim')!;
        if (claim.kind !== 'claim') return;
        claim.anchor.quote.exact = exact;
        claim.claimant = claimant;
        const tokens = md.parse(markdownReport(input, DEFAULT_REPORT_OPTIONS), {});
        const inlines = tokens.filter((t) => t.type === 'inline').map((t) => t.children ?? []);
        expect(inlines.some((c) => strongText(c) === exact && shown(c) === shownContext(claim.anchor.quote.prefix, exact, claim.anchor.quote.suffix))).toBe(true);
        const cells = inlines.map(shown);
        expect(cells).toContain(exact);
        expect(cells).toContain(claimant === '' ? '' : claimant);
      }),
      { numRuns: 200 },
    );
  });
});
