/** The HTML report: one self-contained page from the Markdown report, inert whatever the analysts typed. */
import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../shared/report/html.js';
import { REPORT_FORMATS } from '../../../shared/report/index.js';
import { options, reportInput } from './formats.fixture.js';

const HOSTILE = '<img src=x onerror=alert(1)> [click](javascript:alert(2)) <script>alert(3)</script> ![p](https://evil.example/p.png)';

describe('htmlReport', () => {
  it('is a self-contained HTML5 page: charset, language, CSP, inline style, no scripts, nothing fetched', () => {
    const html = htmlReport(reportInput(), options());
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(html).toContain('prefers-color-scheme: dark');
    expect(html).toContain('@media print');
    expect(html).toContain('<title>Election 2026: fact-check report</title>');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<[^>]*\s(?:src|on\w+)=/i);
    expect(html).not.toMatch(/<link\b|href="(?!https?:|mailto:|#)|<[^a][^>]*href="http/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toMatch(/<p dir="auto">/);
    expect(html).toMatch(/<td dir="auto">نحن شركاء استراتيجيون<\/td>/);
  });

  it('links every claim and source to a heading that has its id', () => {
    const html = htmlReport(reportInput(), options());
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(targets).toContain('c1');
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
    for (const target of targets) expect(ids.has(target), target).toBe(true);
  });

  it('keeps hostile claim text, names and notes inert text', () => {
    const html = htmlReport(reportInput({ restatement: HOSTILE, claimant: HOSTILE, note: HOSTILE, tagName: HOSTILE }), options());
    expect(html).not.toMatch(/<img|<script|<[^>]*\s(?:src|on\w+)=/i);
    expect(html).not.toMatch(/<a [^>]*href="(?!https?:|mailto:|#)/i);
    expect(html).not.toContain('href="https://evil.example');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('renders the same page for the same input and is the html of REPORT_FORMATS', () => {
    expect(htmlReport(reportInput(), options())).toBe(htmlReport(reportInput(), options()));
    const format = REPORT_FORMATS.find((f) => f.id === 'html')!;
    expect(format).toMatchObject({ extension: 'html', mimeType: 'text/html; charset=utf-8' });
    expect(format.render(reportInput(), options({ text: 'excerpts' }))).toBe(htmlReport(reportInput(), options({ text: 'excerpts' })));
  });
});
