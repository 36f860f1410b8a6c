import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTML_LIMITS, htmlToContent } from '../../../../main/services/import/formats/html-to-content.js';
import { parseHtml } from '../../../../main/services/import/formats/html.js';
import { parseDocument } from '../../../../main/services/import/formats/index.js';
import { contentToText } from '../../../../shared/text.js';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/import/formats');
const hostileFiles = readdirSync(resolve(FIXTURES, 'hostile')).filter((name) => name.endsWith('.html'));

/** A server on loopback that the hostile pages point every resource at: it must never be asked for anything. */
let server: Server;
let origin = '';
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.end('/* fetched */');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

function hostile(name: string): string {
  return readFileSync(resolve(FIXTURES, 'hostile', name), 'utf8').replaceAll('{{ORIGIN}}', origin);
}

/** Every link target in a content tree. */
function hrefs(json: string): string[] {
  return [...json.matchAll(/"href":"([^"]*)"/g)].map((m) => m[1]!);
}

describe('hostile HTML', () => {
  it.each(hostileFiles)('%s: nothing active, nothing remote and no unsafe link survives; the text does', async (name) => {
    const parsed = await parseDocument('html', { text: hostile(name), bytes: new Uint8Array(), fileName: name });
    const json = JSON.stringify(parsed.content);
    for (const forbidden of ['script', 'onerror', 'onload', 'onclick', 'iframe', 'object', 'embed', 'form', 'svg', 'math', 'base', 'meta', 'refresh', 'stylesheet', 'style', 'url(', 'img', 'src', 'javascript', 'vbscript', 'data:', 'file:', '127.0.0.1', '__factmarkPwned', 'alert(']) {
      expect(json.toLowerCase(), `${name} must not contain ${forbidden}`).not.toContain(forbidden.toLowerCase());
    }
    for (const href of hrefs(json)) expect(href).toMatch(/^(?:https?:\/\/|mailto:)/);
    const types = new Set([...json.matchAll(/"type":"([^"]*)"/g)].map((m) => m[1]));
    for (const type of types) expect(['doc', 'paragraph', 'heading', 'blockquote', 'bullet_list', 'ordered_list', 'list_item', 'hard_break', 'text', 'link', 'em', 'strong']).toContain(type);
    expect((globalThis as { __factmarkPwned?: boolean }).__factmarkPwned).toBeUndefined();
  });

  it('keeps the text of the page around the removed parts', async () => {
    const one = contentToText(parseHtml(hostile('scripts-and-handlers.html')).content);
    for (const n of ['one', 'two', 'three', 'four']) expect(one).toContain(`Survivor paragraph ${n}.`);
    const embedded = contentToText(parseHtml(hostile('embedded.html')).content);
    expect(embedded).toContain('Before the frames.');
    expect(embedded).toContain('After the frames.');
    expect(embedded).toContain('Details text');
    expect(embedded).not.toContain('Send it');
    expect(embedded).not.toContain('textarea text');
  });

  it('keeps http, https and mailto links only; every other link keeps its text', () => {
    const parsed = parseHtml(hostile('links.html'), 'links.html');
    expect(hrefs(JSON.stringify(parsed.content))).toEqual(['https://example.org/good', 'http://example.org/also-good', 'mailto:desk@example.org']);
    const text = contentToText(parsed.content);
    for (const label of ['js plain', 'js mixed case', 'js tab entity', 'js decimal entities', 'vb link', 'data link', 'file link', 'ftp link', 'relative link']) expect(text).toContain(label);
  });

  it('resolves relative links against the given base address only', () => {
    expect(hrefs(JSON.stringify(htmlToContent('<a href="/a">x</a> <a href="b?c=1">y</a>', { baseUrl: 'https://news.example.org/2024/story' })))).toEqual([
      'https://news.example.org/a',
      'https://news.example.org/2024/b?c=1',
    ]);
  });

  it('fetched nothing from the network while importing every hostile page', async () => {
    for (const name of hostileFiles) {
      parseHtml(hostile(name), name);
      htmlToContent(hostile(name));
    }
    await new Promise((done) => setTimeout(done, 300));
    expect(requests).toEqual([]);
  });
});

describe('saved news page (Readability)', () => {
  const page = readFileSync(resolve(FIXTURES, 'news-page.html'), 'utf8');
  const parsed = parseHtml(page, 'news-page.html');
  const text = contentToText(parsed.content);

  it('keeps the article and drops navigation, ads, related links, comments and footer', () => {
    expect(text).toContain('Three villages in the lower valley were flooded early on Tuesday');
    expect(text).toContain('Questions over inspections');
    expect(text).toContain('The priority now is to get people to safety');
    expect(text).toContain('the most urgent need in the three villages');
    for (const junk of ['Subscribe now', 'ADVERTISEMENT', 'Miracle Blender', 'Ten best kettles', 'First! Great article', 'fake news', 'Sponsored', 'All rights reserved']) {
      expect(text).not.toContain(junk);
    }
  });

  it('keeps the article structure: headings, quote, emphasis and links made absolute against the canonical address', () => {
    const json = JSON.stringify(parsed.content);
    expect(json).toContain('{"type":"heading","attrs":{"level":2},"content":[{"type":"text","text":"Questions over inspections"}]}');
    expect(json).toContain('"type":"blockquote"');
    expect(json).toContain('{"type":"text","marks":[{"type":"strong"}],"text":"urgent repairs"}');
    expect(hrefs(json)).toEqual(['https://ledger.example.com/documents/inspection-2019.pdf']);
  });

  it('keeps the page metadata', () => {
    expect(parsed.title).toBe('Dam failure floods three villages');
    expect(parsed.meta).toEqual({
      author: 'Amina Haddad',
      outlet: 'The Daily Ledger',
      sourceUrl: 'https://ledger.example.com/news/2024/03/05/dam-failure',
      published: '2024-03-05T08:30:00+01:00',
      language: 'en-GB',
      direction: 'ltr',
    });
    expect(parsed.origin).toEqual({ canonicalUrl: 'https://ledger.example.com/news/2024/03/05/dam-failure', siteName: 'The Daily Ledger' });
  });

  it('falls back to the whole sanitised body when there is no article, and reads other date and direction forms', () => {
    const bare = parseHtml('<html dir="rtl" lang="fa"><head><title>کوتاه</title></head><body><p>یک خط.</p><time datetime="2023-11-02">دیروز</time></body></html>');
    expect(contentToText(bare.content)).toContain('یک خط.');
    expect(bare.title).toBe('کوتاه');
    expect(bare.meta).toMatchObject({ published: '2023-11-02', language: 'fa', direction: 'rtl' });
    expect(bare.meta.sourceUrl).toBeUndefined();
  });

  it("resolves the article's links against the canonical address, never the page's <base>, and keeps only safe ones", () => {
    const sentences = 'The council published the inspection report on Monday, and residents read it closely. '.repeat(8);
    const page = `<html><head><base href="https://elsewhere.example.net/"><link rel="canonical" href="https://news.example.org/2024/story"></head><body><article>
      <p>${sentences}<a href="/a">root</a>, <a href="b?c=1">relative</a>, <a href="#notes">fragment</a>, <a href="  javascript:alert(1)">spaced script</a>, <a href="https://example.org/x">absolute</a>.</p>
      <p>${sentences}</p></article></body></html>`;
    const parsed = parseHtml(page, 'story.html');
    expect(hrefs(JSON.stringify(parsed.content))).toEqual([
      'https://news.example.org/a',
      'https://news.example.org/2024/b?c=1',
      'https://news.example.org/2024/story#notes',
      'https://example.org/x',
    ]);
    expect(contentToText(parsed.content)).toContain('spaced script');
  });

  it('ignores a canonical address that is not http(s)', () => {
    const parsed = parseHtml('<html><head><link rel="canonical" href="javascript:alert(1)"></head><body><p>Text.</p></body></html>');
    expect(parsed.meta.sourceUrl).toBeUndefined();
    expect(parsed.origin).toEqual({});
  });
});

describe('limits', () => {
  it('refuses 10,000 nested elements quickly with a clear message, without overflowing the stack', () => {
    const deep = `<html><body>${'<div>'.repeat(10_000)}deep${'</div>'.repeat(10_000)}</body></html>`;
    const started = Date.now();
    expect(() => parseHtml(deep, 'deep.html')).toThrow(`"deep.html" nests HTML elements more than ${HTML_LIMITS.maxDepth} levels deep`);
    expect(() => htmlToContent(deep)).toThrow(/more than 256 levels deep/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('refuses a tree nested too deep even when the markup hides it from the quick scan', () => {
    // Unclosed <li> tags are not counted by the scan, but the parser nests each list in the last item.
    const sneaky = `<body>${'<ul><li>x'.repeat(300)}</body>`;
    expect(() => htmlToContent(sneaky, { label: '"lists.html"' })).toThrow(/^"lists\.html" nests HTML elements more than 256 levels deep/);
  });

  it('refuses lists nested deeper than a stored document may be', () => {
    const nested = `${'<ul><li>x'.repeat(40)}`;
    expect(() => htmlToContent(nested)).toThrow(/nests lists or quotes too deeply: a Factmark document can hold at most 32 levels/);
  });

  it('refuses more elements than the limit', () => {
    const many = '<b>x</b>'.repeat(HTML_LIMITS.maxElements + 1);
    const started = Date.now();
    expect(() => htmlToContent(many, { label: '"big.html"' })).toThrow(`"big.html" has more than 100,000 HTML elements`);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('returns one empty paragraph for a page with no text', () => {
    expect(htmlToContent('<script>x()</script>')).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });
});
