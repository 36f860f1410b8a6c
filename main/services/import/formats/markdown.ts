/** Markdown: rendered by markdown-it with raw HTML switched off, then the shared HTML step. */
import MarkdownIt from 'markdown-it';
import type { ParsedDocument } from '../types.js';
import { fileLabel, firstHeadingTitle } from './common.js';
import { htmlToContent } from './html-to-content.js';

// html: false — raw HTML in Markdown stays literal text; linkify: false — bare addresses stay text.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Parses decoded Markdown: headings, lists, quotes, links and emphasis; the title is the first heading. */
export function parseMarkdown(text: string, fileName?: string): ParsedDocument {
  const content = htmlToContent(markdown.render(text), { label: fileLabel(fileName) });
  return { title: firstHeadingTitle(content), content, meta: {}, origin: {} };
}
