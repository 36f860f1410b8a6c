/**
 * The HTML report: the Markdown report rendered by markdown-it into one self-contained page — inline
 * CSS, no scripts, nothing fetched (a Content-Security-Policy says so to the browser as well),
 * readable in light and dark, printable. The Markdown report escapes every `<` of the analysts' and
 * documents' text, so the only raw HTML in it is its own fallback markup — `<strong>`, `<em>` and
 * `<br>` where Markdown delimiters cannot open or close (markdown/strong.ts, markdown/inline.ts);
 * exactly those tags are rendered and any other raw HTML is shown as text. Links go only to http,
 * https, mailto and the report's own sections, and images are not rendered.
 */
import type { Token } from 'markdown-it';
import type { ReportInput, ReportOptions } from './input.js';
import { markdownReport } from './markdown/index.js';
import { headingSlug, reportMarkdownIt } from './report-markdown-it.js';

/** Blocks whose text direction follows their own first strong character (Arabic claims in an English report). */
const DIRECTED_BLOCKS = new Set(['p', 'li', 'blockquote', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const STYLE = `
:root { color-scheme: light dark; --text: #1b1f24; --muted: #57606a; --page: #ffffff; --line: #d0d7de; --panel: #f6f8fa; --link: #0b5cad; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6edf3; --muted: #9da7b3; --page: #0d1117; --line: #30363d; --panel: #161b22; --link: #6cb6ff; }
}
html { background: var(--page); color: var(--text); }
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Arabic", sans-serif; max-width: 56rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; overflow-wrap: anywhere; }
h1, h2, h3, h4 { line-height: 1.25; margin: 1.6em 0 0.6em; }
h1 { font-size: 1.9rem; margin-top: 0; }
h2 { font-size: 1.45rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25em; }
h3 { font-size: 1.2rem; }
a { color: var(--link); }
blockquote { margin: 1em 0; padding: 0.5em 1em; border-inline-start: 4px solid var(--line); background: var(--panel); }
table { border-collapse: collapse; margin: 1em 0; display: block; overflow-x: auto; }
th, td { border: 1px solid var(--line); padding: 0.35em 0.6em; text-align: start; vertical-align: top; }
th { background: var(--panel); }
code { font: 0.9em ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--panel); padding: 0.1em 0.3em; border-radius: 4px; }
@media print {
  :root { --text: #000000; --muted: #333333; --page: #ffffff; --line: #999999; --panel: #f2f2f2; --link: #000000; }
  body { max-width: none; padding: 0; font-size: 11pt; }
  @page { size: A4; margin: 18mm 16mm 20mm; }
  h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }
  tr, blockquote { break-inside: avoid; }
  thead { display: table-header-group; }
  table { display: table; }
  a[href^="http"]::after { content: " (" attr(href) ")"; color: var(--muted); }
}
`;

/** The text a heading's inline token renders to, without markup. */
function plainText(inline: Token | undefined): string {
  return (inline?.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : '')).join('');
}

/** markdown-it as the report needs it: CommonMark with GFM tables, safe links, heading ids and `dir="auto"` blocks. */
function htmlMarkdownIt() {
  const md = reportMarkdownIt();
  md.core.ruler.push('factmark_blocks', (state) => {
    const taken = new Map<string, number>();
    state.tokens.forEach((token, index) => {
      if (token.nesting !== 1 || !DIRECTED_BLOCKS.has(token.tag)) return;
      token.attrSet('dir', 'auto');
      if (token.type === 'heading_open') token.attrSet('id', headingSlug(plainText(state.tokens[index + 1]), taken));
    });
  });
  return md;
}

const MD = htmlMarkdownIt();

/** The report as one self-contained HTML5 page: the same input and options always give the same text. */
export function htmlReport(input: ReportInput, options: ReportOptions): string {
  const tokens = MD.parse(markdownReport(input, options), {});
  const titleAt = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const title = titleAt < 0 ? input.project.name : plainText(tokens[titleAt + 1]);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Factmark">',
    `<title>${MD.utils.escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    MD.renderer.render(tokens, MD.options, {}).trimEnd(),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
