/**
 * markdown-it set up the way every reader of the Markdown report inside Factmark needs it — the
 * HTML report, the export dialog's preview and the PDF — so all three show exactly what GitHub or
 * pandoc would: CommonMark with GFM tables, no images (nothing is fetched), links only to http(s),
 * mailto and the report's own sections, and raw HTML limited to the report's own fallback tags.
 */
import MarkdownIt from 'markdown-it';

/** Links the report may carry: the web, e-mail, and its own sections. */
export const SAFE_LINK = /^(?:https?:|mailto:|#)/i;

/**
 * The raw HTML the Markdown report writes itself — `<strong>`, `<em>` and `<br>` where Markdown
 * delimiters cannot open or close (markdown/strong.ts, markdown/inline.ts); every other tag, which
 * can only come from a misbehaving writer since the report escapes every `<` of its text, is text.
 */
export const OWN_TAGS: ReadonlySet<string> = new Set(['<strong>', '</strong>', '<em>', '</em>', '<br>']);

/**
 * Makes a markdown-it created with `html: true` render the report's own fallback tags and show any
 * other raw HTML as text.
 */
export function allowReportTags(md: InstanceType<typeof MarkdownIt>): void {
  md.renderer.rules.html_inline = (tokens, index) => {
    const { content } = tokens[index]!;
    return OWN_TAGS.has(content) ? content : md.utils.escapeHtml(content);
  };
  md.renderer.rules.html_block = (tokens, index) => {
    const content = tokens[index]!.content.trim();
    return `<p>${OWN_TAGS.has(content) ? content : md.utils.escapeHtml(content)}</p>\n`;
  };
}

/** A markdown-it for the report: raw HTML parsed (then limited to {@link OWN_TAGS}), no images, safe links only. */
export function reportMarkdownIt(): InstanceType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
  md.disable('image');
  allowReportTags(md);
  md.validateLink = (url) => SAFE_LINK.test(url.trim());
  return md;
}

/**
 * The anchor a heading gets, as GitHub, VS Code and pandoc make it: lower case, punctuation dropped,
 * spaces as hyphens, repeats numbered `-1`, `-2` (`taken` counts what the document used so far).
 */
export function headingSlug(text: string, taken: Map<string, number>): string {
  const base = text.toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
  const count = taken.get(base) ?? 0;
  taken.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}
