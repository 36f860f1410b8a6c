/**
 * The HTML walker, which is both the sanitiser and the converter of imported and pasted HTML:
 * hostile markup leaves nothing active, remote or unsafe; structure, marks and whitespace come out
 * as a browser shows them; every result is a valid document of the editor schema; and the walk
 * reads each node of the tree a bounded number of times, however large or deep the tree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InertElement } from '../../../../main/services/import/formats/html/dom.js';
import { inertDocument } from '../../../../main/services/import/formats/html/inert-document.js';
import { domToContent } from '../../../../main/services/import/formats/html/walk.js';
import { htmlToContent } from '../../../../main/services/import/formats/html-to-content.js';
import { contentProblem } from '../../../../main/services/store/document-content.js';
import type { ContentNode } from '../../../../shared/model/document.js';
import { contentToText } from '../../../../shared/text.js';

const SCHEMA_TYPES = ['doc', 'paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'list_item', 'hard_break', 'text', 'link', 'em', 'strong'];

/** Converts and checks what every conversion must satisfy: a valid document, only schema types, only safe links. */
function convert(html: string, baseUrl?: string): ContentNode {
  const content = htmlToContent(html, baseUrl ? { baseUrl } : {});
  expect(contentProblem(content)).toBeNull();
  const json = JSON.stringify(content);
  for (const [, type] of json.matchAll(/"type":"([^"]*)"/g)) expect(SCHEMA_TYPES).toContain(type);
  for (const [, href] of json.matchAll(/"href":"([^"]*)"/g)) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/);
  return content;
}

const text = (html: string): string => contentToText(convert(html));
const p = (...content: ContentNode[]): ContentNode => ({ type: 'paragraph', content });
const t = (value: string, ...marks: NonNullable<ContentNode['marks']>): ContentNode => (marks.length > 0 ? { type: 'text', marks, text: value } : { type: 'text', text: value });
const doc = (...content: ContentNode[]): ContentNode => ({ type: 'doc', content });

describe('hostile HTML', () => {
  it.each([
    ['inline and external scripts', '<p>a</p><script>alert(1)</script><SCRIPT src="https://evil.test/x.js"></SCRIPT><script type="module">import "x"</script><p>b</p>', 'a\nb'],
    ['styles and style attributes', '<style>p{background:url(https://evil.test/bg)}</style><p style="background:url(https://evil.test/p)">kept</p>', 'kept'],
    ['event handlers', '<p onclick="alert(1)" onmouseover="alert(2)">click me</p><body onload="alert(3)"><div onerror=alert(4)>x</div>', 'click me\nx'],
    ['iframes, frames and plugins with their fallback text', '<p>before</p><iframe src="https://evil.test"><p>frame text</p></iframe><iframe srcdoc="<script>alert(1)</script>"></iframe><frameset><frame src="x"></frameset><object data="x.swf">object text</object><embed src="x.swf"><applet>applet text</applet><p>after</p>', 'before\nafter'],
    ['forms: the controls go, the text stays', '<form action="https://evil.test/steal"><p>Sign up</p><input value="secret"><button>Send it</button><textarea>typed text</textarea><select><option>an option</option></select></form>', 'Sign up'],
    ['SVG and MathML with scripts, links and foreign content', '<p>a</p><svg onload="alert(1)"><script>alert(2)</script><a href="javascript:alert(3)"><text>svg text</text></a><foreignObject><p>foreign</p></foreignObject></svg><math><mi xlink:href="javascript:alert(4)">math text</mi></math><p>b</p>', 'a\nb'],
    ['templates, noscript, media and images', '<template><p>template text</p></template><noscript><img src="https://evil.test/t.gif">noscript text</noscript><video src="v.mp4">video text</video><audio src="a.mp3"></audio><picture><source srcset="x.webp"><img src="x.png" alt="alt text"></picture><canvas>canvas text</canvas><p>kept</p>', 'kept'],
    ['base, meta refresh and links in the body', '<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=https://evil.test"><link rel="stylesheet" href="https://evil.test/s.css"><p>kept</p>', 'kept'],
    ['comments, CDATA and processing instructions', '<p>a<!-- <p>comment</p> --><![CDATA[cdata]]><?php echo 1 ?>b</p><!--[if IE]><p>conditional</p><![endif]-->', 'ab'],
    ['unknown and custom tags keep their text inline', '<p><x-widget data-x="1">custom</x-widget> <blink>blink</blink> <foo:bar>ns</foo:bar> <marquee>marquee</marquee></p>', 'custom blink ns marquee'],
  ])('%s', (_name, html, expected) => {
    const content = convert(html);
    const json = JSON.stringify(content).toLowerCase();
    for (const forbidden of ['alert', 'evil.test', 'javascript', 'onclick', 'onload', 'script', 'style', 'url(', 'secret', 'send it', 'typed text', 'an option', 'svg text', 'foreign', 'math text', 'template text', 'noscript text', 'video text', 'alt text', 'canvas text', 'frame text', 'object text', 'applet text', 'comment', 'cdata', 'php', 'conditional']) {
      expect(json, `must not contain ${forbidden}`).not.toContain(forbidden);
    }
    expect(contentToText(content)).toBe(expected);
  });

  it('reads a script tag split to fool a filter as the plain text a browser shows', () => {
    expect(convert('<p>a<scr<script>ipt>alert(1)</script>b</p>')).toEqual(doc(p(t('aipt>alert(1)b'))));
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['mixed case', 'JaVaScRiPt:alert(1)'],
    ['leading spaces and controls', ' \u0001javascript:alert(1)'],
    ['a tab inside the scheme', 'jav&#x09;ascript:alert(1)'],
    ['a newline inside the scheme', 'jav&#x0A;ascript:alert(1)'],
    ['entity-encoded scheme', '&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['data: HTML', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['file:', 'file:///etc/passwd'],
    ['a relative link without a base', '/relative/path'],
  ])('a %s link keeps its text and loses its target', (_name, href) => {
    expect(convert(`<p><a href="${href}">the text</a></p>`)).toEqual(doc(p(t('the text'))));
  });

  it('keeps http, https and mailto links, resolving relative ones against the base address only', () => {
    const link = (href: string) => ({ type: 'link', attrs: { href } });
    expect(convert('<p><a href="https://example.org/a b">one</a> <a href="HTTP://Example.org">two</a> <a href="mailto:desk@example.org">three</a> <a href="/x?y=1#z">four</a></p>', 'https://news.example.org/2024/story')).toEqual(
      doc(p(t('one', link('https://example.org/a%20b')), t(' '), t('two', link('http://example.org/')), t(' '), t('three', link('mailto:desk@example.org')), t(' '), t('four', link('https://news.example.org/x?y=1#z')))),
    );
  });

  it('drops the user name and password of a link, keeping the rest of its address', () => {
    const link = (href: string) => ({ type: 'link', attrs: { href } });
    const html = '<p><a href="https://reader:hunter2@example.org:8443/a?b=1#c">one</a> <a href="http://admin@example.org/">two</a> <a href="/x">three</a></p>';
    expect(convert(html, 'https://u:p@news.example.org/2024/story')).toEqual(
      doc(p(t('one', link('https://example.org:8443/a?b=1#c')), t(' '), t('two', link('http://example.org/')), t(' '), t('three', link('https://news.example.org/x')))),
    );
    expect(JSON.stringify(convert(html, 'https://u:p@news.example.org/'))).not.toMatch(/hunter2|reader|admin|u:p/);
  });

  it('decodes entities once, into text that is never read as markup', () => {
    expect(convert('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; &eacute;&#x41;&#65;&nbsp;x</p>')).toEqual(doc(p(t('<script>alert(1)</script> &lt; éAA\u00a0x'))));
  });

  it('refuses 10,000 nested elements with a clear message', () => {
    const deep = `${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}`;
    expect(() => htmlToContent(deep)).toThrow(/nests HTML elements more than 256 levels deep/);
  });

  it('walks a tree nested 10,000 levels deep without recursion', () => {
    const deep = inertDocument(`<html><body>${'<div><span>'.repeat(5_000)}deep${'</span></div>'.repeat(5_000)}</body></html>`);
    expect(domToContent(deep.documentElement)).toEqual(doc(p(t('deep'))));
  });
});

describe('structure', () => {
  it.each([
    ['headings, paragraphs, emphasis and links', '<h1>Title</h1><p>Hello <b>bold <i>both</i></b> <a href="https://x.org">link <strong>strong</strong></a></p>',
      doc({ type: 'heading', attrs: { level: 1 }, content: [t('Title')] }, p(t('Hello '), t('bold ', { type: 'strong' }), t('both', { type: 'em' }, { type: 'strong' }), t(' '), t('link ', { type: 'link', attrs: { href: 'https://x.org/' } }), t('strong', { type: 'link', attrs: { href: 'https://x.org/' } }, { type: 'strong' })))],
    ['text outside paragraphs gets one, closed by the next block', 'loose <em>text</em><p>para</p>tail',
      doc(p(t('loose '), t('text', { type: 'em' })), p(t('para')), p(t('tail')))],
    ['blocks a browser shows apart stay apart', '<div>a<div>b</div>c</div><table><tr><td>cell 1</td><td>cell 2</td></tr></table><details><summary>sum</summary>det</details>',
      doc(p(t('a')), p(t('b')), p(t('c')), p(t('cell 1')), p(t('cell 2')), p(t('sum')), p(t('det')))],
    ['a block inside a paragraph ends it', '<h2>head<p>inner</p>rest</h2>after',
      doc({ type: 'heading', attrs: { level: 2 }, content: [t('head')] }, p(t('inner')), p(t('rest')), p(t('after')))],
    ['nested lists, start numbers and items that start with a list', '<ol start="3"><li>three<ul><li>sub</li></ul>more</li><li><ul><li>only sub</li></ul></li></ol><ol start="x"><li>one</li></ol>',
      doc(
        { type: 'ordered_list', attrs: { order: 3 }, content: [
          { type: 'list_item', content: [p(t('three')), { type: 'bullet_list', content: [{ type: 'list_item', content: [p(t('sub'))] }] }, p(t('more'))] },
          { type: 'list_item', content: [{ type: 'paragraph' }, { type: 'bullet_list', content: [{ type: 'list_item', content: [p(t('only sub'))] }] }] },
        ] },
        { type: 'ordered_list', attrs: { order: 1 }, content: [{ type: 'list_item', content: [p(t('one'))] }] },
      )],
    ['a list right after an item nests in it; loose items and text get a list and an item', '<ul><li>a</li><ul><li>b</li></ul>c</ul><li>stray</li><li>stray 2</li><ul></ul>',
      doc(
        { type: 'bullet_list', content: [
          { type: 'list_item', content: [p(t('a')), { type: 'bullet_list', content: [{ type: 'list_item', content: [p(t('b'))] }] }, p(t('c'))] },
        ] },
        { type: 'bullet_list', content: [{ type: 'list_item', content: [p(t('stray'))] }, { type: 'list_item', content: [p(t('stray 2'))] }] },
      )],
    ['quotes hold blocks; an empty one holds an empty paragraph', '<blockquote>said <em>this</em><p>and this</p></blockquote><blockquote></blockquote>',
      doc({ type: 'blockquote', content: [p(t('said '), t('this', { type: 'em' })), p(t('and this'))] }, { type: 'blockquote', content: [{ type: 'paragraph' }] })],
    ['preformatted text keeps its spaces, lines and marks', '<pre>\n  first  line\n<b>second</b>\n</pre>',
      doc(p(t('  first  line'), { type: 'hard_break' }, t('second', { type: 'strong' })))],
    ['marks around blocks reach their text', '<a href="https://x.org/story"><h3>Linked heading</h3></a><b><p>bold para</p></b>',
      doc({ type: 'heading', attrs: { level: 3 }, content: [t('Linked heading', { type: 'link', attrs: { href: 'https://x.org/story' } })] }, p(t('bold para', { type: 'strong' })))],
    ['nothing at all', '<script>x()</script><!-- c -->   ', doc({ type: 'paragraph' })],
  ])('%s', (_name, html, expected) => {
    expect(convert(html)).toEqual(expected);
  });

  it('reads a whole page, a fragment and a fragment with its own head alike', () => {
    for (const html of ['<!doctype html><html lang="en"><head><title>T</title></head><body><p>x</p></body></html>', '<p>x</p>', '<head><title>T</title></head><body><p>x</p></body>', '\uFEFF<!-- saved --><html><body><p>x</p></body></html>']) {
      expect(convert(html), html).toEqual(doc(p(t('x'))));
    }
  });
});

describe('whitespace, as a browser shows it', () => {
  it.each([
    ['runs of spaces, tabs and newlines collapse', '<p>a  \t\n b</p>', 'a b'],
    ['across element boundaries', '<p>a <span> b </span> c</p>', 'a b c'],
    ['leading and trailing space of a paragraph goes', '<p>\n   a   \n</p>', 'a'],
    ['space before and after a line break goes', '<p>a   <br>   b</p>', 'a\nb'],
    ['a line break at the end of a paragraph shows nothing', '<p>a<br></p>', 'a'],
    ['an empty line from two breaks stays', '<p>a<br><br>b</p>', 'a\n\nb'],
    ['whitespace between blocks is not a paragraph', '<p>a</p>\n\n   \n<p>b</p>', 'a\nb'],
    ['no-break spaces are kept', '<p>\u00a0a\u00a0 b</p>', '\u00a0a\u00a0 b'],
    ['words of other scripts', '<p dir="rtl">قال   الوزير\nإن</p>', 'قال الوزير إن'],
  ])('%s', (_name, html, expected) => {
    expect(text(html)).toBe(expected);
  });
});

describe('any markup at all', () => {
  const TAGS = ['p', 'h2', 'div', 'span', 'ul', 'ol', 'li', 'blockquote', 'pre', 'em', 'b', 'a', 'table', 'td', 'br', 'script', 'svg', 'iframe', 'textarea', 'x-custom'];
  const markup: fc.Arbitrary<string> = fc.letrec<{ node: string; nodes: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom('word', ' ', '\n  ', '&amp;', 'two words '),
      fc.tuple(fc.constantFrom(...TAGS), fc.constantFrom('', ' href="https://ok.example/"', ' href="javascript:alert(1)"', ' start="4"', ' onclick="alert(1)"'), tie('nodes')).map(([tag, attrs, inner]) =>
        tag === 'br' ? '<br>' : `<${tag}${attrs}>${['script', 'svg', 'iframe', 'textarea'].includes(tag) ? `DROPPED${inner}` : inner}</${tag}>`,
      ),
    ),
    nodes: fc.array(tie('node'), { maxLength: 5 }).map((parts) => parts.join('')),
  })).nodes;

  it('always gives a valid document with nothing from dropped elements and no unsafe link', () => {
    fc.assert(
      fc.property(markup, (html) => {
        const json = JSON.stringify(convert(html));
        expect(json).not.toContain('DROPPED');
        expect(json).not.toContain('alert');
      }),
      { numRuns: 300 },
    );
  });
});

describe('cost', () => {
  /** A counting stand-in for a DOM: every read of a link between nodes is one step. */
  interface FakeNode extends InertElement {
    children: FakeNode[];
  }
  let steps = 0;
  function element(localName: string, children: FakeNode[], attrs: Record<string, string> = {}): FakeNode {
    const node = { nodeType: 1, localName, nodeValue: null, textContent: null, children, parent: null as FakeNode | null, next: null as FakeNode | null } as unknown as FakeNode & { parent: FakeNode | null; next: FakeNode | null };
    children.forEach((child, i) => {
      (child as typeof node).parent = node;
      (child as typeof node).next = children[i + 1] ?? null;
    });
    Object.defineProperties(node, {
      firstChild: { get: () => (steps++, children[0] ?? null) },
      nextSibling: { get: () => (steps++, node.next) },
      parentNode: { get: () => (steps++, node.parent) },
      getAttribute: { value: (name: string) => (steps++, attrs[name] ?? null) },
    });
    return node;
  }
  const textNode = (value: string): FakeNode => Object.assign(element('', []), { nodeType: 3, localName: null, nodeValue: value });

  /** A page of `n` sections, each a heading, paragraphs with marks and links, a nested list and a quote, some nested deep. */
  function page(n: number): FakeNode {
    const sections = Array.from({ length: n }, (_, i) => {
      const deep = Array.from({ length: 40 }).reduce<FakeNode>((inner) => element('div', [inner]), element('p', [textNode('deep')]));
      return element('section', [
        element('h2', [textNode(`Section ${i}`)]),
        element('p', [textNode('Text with '), element('a', [textNode('a link')], { href: 'https://example.org/' }), textNode(' and '), element('em', [element('b', [textNode('marks')])]), element('br', []), textNode(' more.')]),
        element('ul', [element('li', [textNode('item'), element('ol', [element('li', [textNode('sub')])], { start: '2' })]), element('li', [textNode('item 2')])]),
        element('blockquote', [element('p', [textNode('quoted')])]),
        element('script', [textNode('skipped()')]),
        deep,
      ]);
    });
    return element('body', sections);
  }

  function countNodes(node: FakeNode): number {
    return 1 + node.children.reduce((sum, child) => sum + countNodes(child), 0);
  }

  it('reads each node of the tree a bounded number of times, so the work grows in step with the page', () => {
    const perNode = [10, 100, 1_000].map((n) => {
      const root = page(n);
      const nodes = countNodes(root);
      steps = 0;
      const content = htmlToContent(root);
      expect(content.content).toHaveLength(n * 5);
      return steps / nodes;
    });
    for (const ratio of perNode) expect(ratio).toBeLessThan(10);
    expect(Math.max(...perNode) / Math.min(...perNode)).toBeLessThan(1.1);
  });
});
