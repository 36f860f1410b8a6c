/**
 * Markdown the analyst wrote — a claim's conclusion, which the card labels Markdown and the W3C
 * export declares `text/markdown` — as the reports carry it: read by markdown-it (CommonMark, no raw
 * HTML, no images, no tables) and written again by the report's own exact writer, so its emphasis,
 * links, lists, quotes and paragraphs render as Markdown in every reader while nothing it holds can
 * reach a reader as markup: raw HTML shows as its characters, a link keeps its address only when the
 * one link rule (shared/links.ts `safeHref`) lets it through, and headings become bold paragraphs,
 * so the report's outline and section anchors stay the report's. Paragraphs are real Markdown
 * blocks, never `<br>`: pandoc's plain and Word outputs and every CommonMark reader keep them.
 *
 * {@link plainMarkdownText} reads the same Markdown as plain text, for places that carry no markup
 * (ClaimReview's `ratingExplanation`).
 */
import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { safeHref } from '../../links.js';
import { inlineMarkdown, type InlineRun } from './inline.js';

/** The reader of an analyst's Markdown: CommonMark (no tables, no strikethrough: `|` and `~~` stay as typed), raw HTML as text. */
const MD = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
MD.disable(['image', 'html_block', 'html_inline']);

/** The runs of an inline token: emphasis and strong emphasis kept, links only when safe, code and breaks as their text. */
function runsOf(inline: Token | undefined, strongAll: boolean): InlineRun[] {
  const runs: InlineRun[] = [];
  let em = 0;
  let strong = strongAll ? 1 : 0;
  let href: string | null = null;
  const push = (text: string) => {
    const last = runs[runs.length - 1];
    const shape = { em: em > 0, strong: strong > 0, href };
    if (last && last.em === shape.em && last.strong === shape.strong && last.href === shape.href) last.text += text;
    else if (text !== '') runs.push({ text, claims: [], ...shape });
  };
  for (const child of inline?.children ?? []) {
    if (child.type === 'text' || child.type === 'code_inline') push(child.content);
    else if (child.type === 'softbreak') push(' ');
    else if (child.type === 'hardbreak') push('\n');
    else if (child.type === 'em_open' || child.type === 'em_close') em += child.nesting;
    else if (child.type === 'strong_open' || child.type === 'strong_close') strong += child.nesting;
    else if (child.type === 'link_open') href = safeHref(String(child.attrGet('href') ?? ''));
    else if (child.type === 'link_close') href = null;
  }
  return runs;
}

/** A fence of backticks longer than any run of them in `code`, so the code cannot close it. */
function fenceFor(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `text` with each line after the first prefixed by `prefix` (a blank line gets the prefix without its trailing blanks). */
function indentRest(text: string, prefix: string): string {
  return text.split('\n').map((line, i) => (i === 0 ? line : line === '' ? prefix.trimEnd() : prefix + line)).join('\n');
}

/** Reads the blocks from `tokens[at]` up to the token of type `until`; returns their Markdown and where reading stopped. */
function blocks(tokens: readonly Token[], at: number, until: string | null): { markdown: string[]; next: number } {
  const out: string[] = [];
  let i = at;
  while (i < tokens.length && tokens[i]!.type !== until) {
    const token = tokens[i]!;
    if (token.type === 'paragraph_open' || token.type === 'heading_open') {
      const text = inlineMarkdown(runsOf(tokens[i + 1], token.type === 'heading_open'));
      if (text !== '') out.push(text);
      i += 3;
    } else if (token.type === 'blockquote_open') {
      const inner = blocks(tokens, i + 1, 'blockquote_close');
      out.push(inner.markdown.join('\n\n').split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n'));
      i = inner.next + 1;
    } else if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') {
      const list = listBlock(tokens, i);
      out.push(list.markdown);
      i = list.next;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      const code = token.content.replace(/\n$/, '');
      const fence = fenceFor(code);
      out.push(`${fence}\n${code}\n${fence}`);
      i += 1;
    } else {
      if (token.type === 'hr') out.push('* * *');
      i += 1;
    }
  }
  return { markdown: out, next: i };
}

/** Blocks that may follow a paragraph on the next line without ending it: a bullet list, a list from 1, a quote, a fence. */
const INTERRUPTS = /^(?:- |1\. |>|```)/;

/**
 * A list from its opening token at `at`: each item's blocks after its marker, later lines indented
 * under it. It stays tight (no blank lines) as markdown-it read it, unless an item holds a block
 * that cannot follow its first line directly.
 */
function listBlock(tokens: readonly Token[], at: number): { markdown: string; next: number } {
  const open = tokens[at]!;
  const ordered = open.type === 'ordered_list_open';
  const close = ordered ? 'ordered_list_close' : 'bullet_list_close';
  const start = Number(open.attrGet('start') ?? 1);
  const items: string[][] = [];
  let tight = true;
  let i = at + 1;
  while (tokens[i]!.type !== close) {
    if (tokens[i + 1]?.type === 'paragraph_open' && !tokens[i + 1]!.hidden) tight = false;
    const item = blocks(tokens, i + 1, 'list_item_close');
    if (item.markdown.slice(1).some((block) => !INTERRUPTS.test(block))) tight = false;
    items.push(item.markdown);
    i = item.next + 1;
  }
  const written = items.map((parts, n) => {
    const marker = ordered ? `${start + n}. ` : '- ';
    return marker + indentRest(parts.join(tight ? '\n' : '\n\n'), ' '.repeat(marker.length));
  });
  return { markdown: written.join(tight ? '\n' : '\n\n'), next: i + 1 };
}

/** The analyst's Markdown as safe Markdown blocks (each a string; the report separates them by blank lines). */
export function userMarkdownBlocks(markdown: string): string[] {
  return blocks(MD.parse(markdown, {}), 0, null).markdown;
}

/** The words of the analyst's Markdown as plain text: paragraphs and list items on lines of their own, no markup, link addresses left out. */
export function plainMarkdownText(markdown: string): string {
  const paragraphs: string[] = [];
  let marker = '';
  for (const token of MD.parse(markdown, {})) {
    if (token.type === 'list_item_open') marker = token.info !== '' ? `${token.info}. ` : '- ';
    else if (token.type === 'fence' || token.type === 'code_block') paragraphs.push(token.content.replace(/\n$/, ''));
    else if (token.type === 'inline') {
      const words = (token.children ?? []).map((child) => (child.type === 'softbreak' ? ' ' : child.type === 'hardbreak' ? '\n' : child.type === 'text' || child.type === 'code_inline' ? child.content : ''));
      paragraphs.push(marker + words.join(''));
      marker = '';
    }
  }
  return paragraphs.join('\n\n');
}
