/** The export dialog's rendered preview: raw HTML escaped, only harmless links, anchors on headings. */
import { describe, expect, it } from 'vitest';
import { isSafeLinkTarget, renderReportMarkdown } from '../../../renderer/app/report/render-markdown.js';

describe('renderReportMarkdown', () => {
  it('escapes raw HTML instead of inserting it', () => {
    const html = renderReportMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });

  it('links only to http(s), mailto and the report’s own sections; images stay text', () => {
    const html = renderReportMarkdown('[a](javascript:alert(1)) [b](file:///etc/passwd) [c](data:text/html,x) [d](https://example.org) [e](mailto:x@example.org) [C1](#c1) ![i](https://example.org/i.png)');
    expect(html).not.toMatch(/href="(javascript|file|data):/);
    expect(html).toContain('<a href="https://example.org" target="_blank" rel="noopener noreferrer">d</a>');
    expect(html).toContain('<a href="mailto:x@example.org" target="_blank" rel="noopener noreferrer">e</a>');
    expect(html).toContain('<a href="#c1">C1</a>');
    expect(html).not.toContain('<img');
  });

  it('gives headings GitHub’s anchors, numbering repeats', () => {
    const html = renderReportMarkdown('### C1\n\n## Sources & methods\n\n## Sources & methods');
    expect(html).toContain('<h3 data-anchor="c1">C1</h3>');
    expect(html).toContain('<h2 data-anchor="sources--methods">');
    expect(html).toContain('<h2 data-anchor="sources--methods-1">');
  });
});

describe('the report’s own fallback tags', () => {
  it('renders <strong>, <em> and <br> as the HTML report does, and any other tag as text', () => {
    const html = renderReportMarkdown('a<strong>b</strong>c <em>d</em><br>e <script>alert(1)</script> <img src=x onerror=y>');
    expect(html).toContain('a<strong>b</strong>c <em>d</em><br>e');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=y&gt;');
    expect(html).not.toMatch(/<script|<img/);
  });
});

describe('isSafeLinkTarget', () => {
  it.each([['https://a.org', true], ['HTTP://a.org', true], ['mailto:a@b', true], ['#c1', true], ['javascript:x', false], ['vbscript:x', false], ['./file.md', false], ['//evil.org', false]])('%s → %s', (url, safe) => {
    expect(isSafeLinkTarget(url)).toBe(safe);
  });
});
