/**
 * The report's Markdown as HTML for the preview, safely: the report's markdown-it (raw HTML shown
 * as text except the report's own `<strong>`, `<em>` and `<br>`, no images, so nothing is fetched,
 * and links only to http(s), mailto and the report's own sections; any other target stays text). Headings carry their GitHub-style anchor in
 * `data-anchor` (not `id`, so nothing in the page can clash) for the `[C1](#c1)` links to find.
 */
import { reportMarkdownIt, SAFE_LINK } from '../../../shared/report/report-markdown-it.js';

type Env = { anchors: Map<string, number> };

/** Whether a link may point at `url`: the web, mail, or a place in the same report. */
export function isSafeLinkTarget(url: string): boolean {
  return SAFE_LINK.test(url.trim());
}

/** GitHub's anchor for a heading's text: lower case, punctuation dropped, spaces as hyphens; repeats numbered. */
function anchorFor(text: string, anchors: Env['anchors']): string {
  const base = text.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M}\s_-]/gu, '').replace(/\s/g, '-');
  const seen = anchors.get(base) ?? 0;
  anchors.set(base, seen + 1);
  return seen === 0 ? base : `${base}-${seen}`;
}

const markdown = reportMarkdownIt();
markdown.renderer.rules.heading_open = (tokens, index, options, env, self) => {
  const words = tokens[index + 1]?.children?.filter((t) => t.type === 'text' || t.type === 'code_inline').map((t) => t.content).join('') ?? '';
  tokens[index]!.attrSet('data-anchor', anchorFor(words, (env as Partial<Env> | undefined)?.anchors ?? new Map()));
  return self.renderToken(tokens, index, options);
};
markdown.renderer.rules.link_open = (tokens, index, options, _env, self) => {
  const token = tokens[index]!;
  if (!String(token.attrGet('href') ?? '').startsWith('#')) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, index, options);
};

/** The HTML of a Markdown text, safe to insert into the page. */
export function renderReportMarkdown(text: string): string {
  return markdown.render(text, { anchors: new Map() } satisfies Env);
}
