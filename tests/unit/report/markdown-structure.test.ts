/**
 * The annotated text keeps the document's structure: headings (below the report's own levels),
 * bullet and numbered lists (nested, numbered from their start), block quotes, emphasis, strong
 * emphasis and links — each read back by markdown-it as that structure, with every block's text
 * exactly the document's, claims still marked `**…**[C1](#c1)`, and excerpts still cut with "…".
 */
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { ContentNode, StoredDocument } from '../../../shared/model/document.js';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '../../../shared/report/input.js';
import { annotatedText } from '../../../shared/report/markdown/annotated-text.js';
import { reportContext } from '../../../shared/report/markdown/context.js';
import { htmlReport } from '../../../shared/report/html.js';
import { sampleInput } from './markdown-sample.js';

const md = new MarkdownIt({ html: true });
type Token = ReturnType<typeof md.parse>[number];
type Mark = NonNullable<ContentNode['marks']>[number];

const CLAIM: Mark = { type: 'annotation', attrs: { id: 'claim-years' } };
const EM: Mark = { type: 'em' };
const STRONG: Mark = { type: 'strong' };
const link = (href: string): Mark => ({ type: 'link', attrs: { href } });
const t = (text: string, ...marks: Mark[]): ContentNode => (marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text });
const p = (...content: ContentNode[]): ContentNode => ({ type: 'paragraph', content });
const h = (level: number, ...content: ContentNode[]): ContentNode => ({ type: 'heading', attrs: { level }, content });
const li = (...content: ContentNode[]): ContentNode => ({ type: 'list_item', content });
const ul = (...items: ContentNode[]): ContentNode => ({ type: 'bullet_list', content: items });
const ol = (order: number, ...items: ContentNode[]): ContentNode => ({ type: 'ordered_list', attrs: { order }, content: items });
const quote = (...content: ContentNode[]): ContentNode => ({ type: 'blockquote', content });

/** The sample's project with one document holding `blocks` (the sample's claim C1 marks its `CLAIM` words). */
function withBlocks(blocks: ContentNode[]): { document: StoredDocument; input: ReturnType<typeof sampleInput> } {
  const input = sampleInput();
  const document = { ...input.documents[0]!, content: { type: 'doc', content: blocks } };
  return { document, input: { ...input, documents: [document] } };
}

/** The annotated text of a document made of `blocks`, as the report writes it. */
function written(blocks: ContentNode[], options: Partial<ReportOptions> = {}): string {
  const { document, input } = withBlocks(blocks);
  return annotatedText(document, reportContext(input, { ...DEFAULT_REPORT_OPTIONS, ...options })).join('\n\n');
}

/** The words an inline token list shows, without the claims' own links (`C1`) and with breaks as newlines. */
function shown(children: readonly Token[]): string {
  let inClaimLink = false;
  let text = '';
  for (const token of children) {
    if (token.type === 'link_open') inClaimLink = String(token.attrGet('href') ?? '').startsWith('#');
    else if (token.type === 'link_close') inClaimLink = false;
    else if (inClaimLink) continue;
    else if (token.type === 'text') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak' || (token.type === 'html_inline' && token.content === '<br>')) text += '\n';
  }
  return text;
}

/** The block tokens (opening tags and inline text) of the Markdown, as `tag: text` lines for comparison. */
function outline(markdown: string): string[] {
  const lines: string[] = [];
  for (const token of md.parse(markdown, {})) {
    if (token.type === 'inline') lines.push(`  ${shown(token.children ?? [])}`);
    else if (token.nesting === 1 && !token.hidden) lines.push(token.tag + (token.attrGet('start') ? ` start=${token.attrGet('start')}` : ''));
  }
  return lines;
}

/** The inline tokens' tags and text, e.g. `em(emphasis)`. */
function inlineTags(markdown: string): string[] {
  const inline = md.parse(markdown, {}).find((token) => token.type === 'inline')!;
  const out: string[] = [];
  for (const token of inline.children ?? []) {
    if (token.type === 'text') {
      if (token.content !== '') out.push(token.content);
    }
    else if (token.type.endsWith('_open')) out.push(`<${token.tag}${token.attrGet('href') ? ` ${token.attrGet('href')}` : ''}>`);
    else if (token.type.endsWith('_close')) out.push(`</${token.tag}>`);
    else if (token.type === 'html_inline') out.push(token.content);
  }
  return out;
}

describe('the annotated text keeps the document structure', () => {
  it('writes headings below the report outline: level 1 as ####, level 2 as #####, deeper as ######', () => {
    const text = written([h(1, t('Main')), h(2, t('Part')), h(3, t('Deep')), h(6, t('Deepest')), p(t('Body'))]);
    expect(text).toBe('#### Main\n\n##### Part\n\n###### Deep\n\n###### Deepest\n\nBody');
    expect(outline(text)).toEqual(['h4', '  Main', 'h5', '  Part', 'h6', '  Deep', 'h6', '  Deepest', 'p', '  Body']);
  });

  it('writes as a paragraph a heading with a line break, or one whose anchor would take a claim or source section’s', () => {
    const text = written([h(1, t('C1')), h(2, t('S 2')), h(1, t('Two'), { type: 'hard_break' }, t('lines'))]);
    expect(outline(text)).toEqual(['p', '  C1', 'p', '  S 2', 'p', '  Two\nlines']);
  });

  it('marks a claim inside a heading and inside list items as everywhere else', () => {
    const text = written([h(2, t('The '), t('claim', CLAIM)), ul(li(p(t('item with '), t('the claim', CLAIM))))]);
    expect(text).toBe('##### The **claim**[C1](#c1)\n\n- item with **the claim**[C1](#c1)');
  });

  it('writes bullet lists tight, numbered lists from their start, and nested lists inside their item', () => {
    const text = written([
      ul(li(p(t('one'))), li(p(t('two')))),
      ol(3, li(p(t('three')), ul(li(p(t('nested a'))), li(p(t('nested b'))))), li(p(t('four')), ol(1, li(p(t('deeper')))))),
      p(t('after')),
    ]);
    expect(text).toBe(['- one\n- two', '3. three\n\n   - nested a\n   - nested b\n\n4. four\n\n   1. deeper', 'after'].join('\n\n'));
    expect(outline(text)).toEqual(['ul', 'li', '  one', 'li', '  two', 'ol start=3', 'li', 'p', '  three', 'ul', 'li', '  nested a', 'li', '  nested b', 'li', 'p', '  four', 'ol', 'li', '  deeper', 'p', '  after']);
  });

  it('keeps adjacent lists of one kind apart, and a list item of several paragraphs whole', () => {
    const text = written([ul(li(p(t('a')))), ul(li(p(t('b')))), ol(1, li(p(t('c')))), ol(1, li(p(t('d')), p(t('d, again'))))]);
    expect(outline(text)).toEqual(['ul', 'li', '  a', 'ul', 'li', '  b', 'ol', 'li', '  c', 'ol', 'li', 'p', '  d', 'p', '  d, again']);
  });

  it('writes block quotes, with their paragraphs, lists and nested quotes, every line marked', () => {
    const text = written([quote(p(t('first'), { type: 'hard_break' }, t('line two')), p(t('second')), ul(li(p(t('listed')))), quote(p(t('inner')))), p(t('outside'))]);
    expect(text).toBe('> first\\\n> line two\n>\n> second\n>\n> - listed\n>\n> > inner\n\noutside');
    expect(outline(text)).toEqual(['blockquote', 'p', '  first\nline two', 'p', '  second', 'ul', 'li', '  listed', 'blockquote', 'p', '  inner', 'p', '  outside']);
  });

  it('writes emphasis, strong emphasis and links, inside and around a claim, nesting properly', () => {
    const text = written([p(t('An '), t('emphasised', EM), t(' and '), t('strong', STRONG), t(' word, '), t('a link', link('https://example.org/a_(b)?c=1&d=2')), t('.'))]);
    expect(text).toBe('An _emphasised_ and __strong__ word, [a link](https://example.org/a_\\(b\\)?c=1\\&d=2).');
    expect(inlineTags(text)).toEqual(['An ', '<em>', 'emphasised', '</em>', ' and ', '<strong>', 'strong', '</strong>', ' word, ', '<a https://example.org/a_(b)?c=1&d=2>', 'a link', '</a>', '.']);
    // A claim that ends inside a link: the link closes first and opens again, so the claim's own link stays outside it.
    const crossing = written([p(t('see '), t('the '), t('linked', CLAIM, link('https://example.org/')), t(' page', link('https://example.org/')))]);
    expect(crossing).toBe('see the **[linked](https://example.org/)**[C1](#c1) [page](https://example.org/)');
    expect(inlineTags(crossing)).toEqual(['see the ', '<strong>', '<a https://example.org/>', 'linked', '</a>', '</strong>', '<a #c1>', 'C1', '</a>', ' ', '<a https://example.org/>', 'page', '</a>']);
    const inside = written([p(t('x '), t('italic', CLAIM, EM), t(' claim', CLAIM), t(' y'))]);
    expect(inside).toBe('x **_italic_ claim**[C1](#c1) y');
  });

  it('falls back to <em>/<strong> where Markdown delimiters could not open or close, and drops links it must not carry', () => {
    const text = written([p(t('un'), t('believ', EM), t('able '), t('both', EM, STRONG), t(' '), t('script', link('javascript:alert(1)')))]);
    expect(text).toBe('un<em>believ</em>able _<strong>both</strong>_ script');
    expect(inlineTags(text)).toEqual(['un', '<em>', 'believ', '</em>', 'able ', '<em>', '<strong>', 'both', '</strong>', '</em>', ' script']);
  });

  it('keeps excerpts mode: only the blocks holding a claim, with their structure, gaps shown as "…"', () => {
    const blocks = [h(1, t('Title')), ul(li(p(t('skipped'))), li(p(t('kept '), t('claim', CLAIM)))), quote(p(t('quoted, skipped')), p(t('quoted '), t('claim', CLAIM)))];
    expect(written(blocks, { text: 'excerpts' })).toBe('- kept **claim**[C1](#c1)\n\n…\n\n> quoted **claim**[C1](#c1)');
    expect(written([ol(5, li(p(t('a ')), p(t('no'))), li(p(t('b '), t('claim', CLAIM))))], { text: 'excerpts' })).toBe('6. b **claim**[C1](#c1)');
  });

  it('shows the structure in the HTML report too', () => {
    const { input } = withBlocks([h(1, t('Main')), ol(2, li(p(t('two'))), li(p(t('three')))), quote(p(t('said'))), p(t('un'), t('believ', EM), t('able'))]);
    const html = htmlReport(input, DEFAULT_REPORT_OPTIONS);
    expect(html).toContain('<h4 dir="auto" id="main">Main</h4>');
    expect(html).toContain('<ol start="2">\n<li dir="auto">two</li>\n<li dir="auto">three</li>\n</ol>');
    expect(html).toContain('<blockquote dir="auto">\n<p dir="auto">said</p>\n</blockquote>');
    expect(html).toContain('<p dir="auto">un<em>believ</em>able</p>');
  });
});

/** Random text with the characters Markdown reads as syntax, blanks at the edges and line breaks. */
const tricky = fc.constantFrom('*', '_', '**', '__', '`', '[', ']', '(', ')', '|', '<', '>', '#', '1.', '1)', '-', '+', '=', '\\', '&amp;', '\n', ' ', '  ', '\t', 'a', 'word', 'مرحبا', '😀', '---', '> ', 'https://x.org');
const words = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 }).filter((s) => !/[\0\r]/.test(s))), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const marks = fc.subarray([CLAIM, link('https://example.org/x_(y)'), EM, STRONG]);
const inline = fc.array(fc.tuple(words, marks), { minLength: 1, maxLength: 6 }).map((parts) =>
  parts.flatMap(([text, chosen]) => text.split('\n').flatMap((piece, i) => [...(i > 0 ? [{ type: 'hard_break' } as ContentNode] : []), ...(piece === '' ? [] : [t(piece, ...chosen)])])),
);
const textblock = fc.oneof(
  inline.map((content) => p(...content)),
  fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([level, content]) => h(level, ...content)),
);
const { block } = fc.letrec<{ block: ContentNode }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textblock,
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((content) => quote(...content)),
    fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 }), fc.array(fc.tuple(inline, fc.array(tie('block'), { maxLength: 2 })), { minLength: 1, maxLength: 3 })).map(([ordered, start, items]) => {
      const content = items.map(([first, rest]) => li(p(...first), ...rest));
      return ordered ? ol(start, ...content) : ul(...content);
    }),
  ),
}));

describe('the structured annotated text, read by markdown-it', () => {
  it('gives back every textblock exactly, in order, whatever its text, marks and nesting', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (blocks) => {
        const { document, input } = withBlocks(blocks);
        const markdown = annotatedText(document, reportContext(input, DEFAULT_REPORT_OPTIONS)).join('\n\n');
        // A block of a single line break is written `<br>`, which readers take as an HTML block showing that break.
        const inlines = md
          .parse(markdown, {})
          .filter((token) => token.type === 'inline' || token.type === 'html_block')
          .map((token) => (token.type === 'inline' ? shown(token.children ?? []) : token.content.trim() === '<br>' ? '\n' : `HTML: ${token.content}`));
        const expected = blocks.flatMap((b) => blockTextsOf(b));
        expect(inlines).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});

/** A block's textblocks' texts (hard breaks as newlines), skipping empty ones. */
function blockTextsOf(node: ContentNode): string[] {
  const children = node.content ?? [];
  const isTextblock = children.length === 0 ? node.type === 'paragraph' || node.type === 'heading' : children.some((c) => c.type === 'text' || c.type === 'hard_break');
  if (isTextblock) {
    const text = children.map((c) => (c.type === 'hard_break' ? '\n' : (c.text ?? ''))).join('');
    return text === '' ? [] : [text];
  }
  return children.flatMap(blockTextsOf);
}
