/**
 * Plain text and document content: turning pasted text into a document, and projecting a document
 * back to the plain text that fingerprints, selectors and exports count in.
 */
import type { ContentNode } from './model/document.js';

/** The separator between blocks in the plain-text projection. */
export const BLOCK_SEPARATOR = '\n';

/**
 * Makes a document from plain text: every non-blank line becomes a paragraph, as text arrives
 * from pasted articles and scraper dumps (one paragraph a line). Line endings of any platform.
 */
export function textToContent(text: string): ContentNode {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line): ContentNode => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }] };
}

/**
 * The plain-text projection of a document: the text of its textblocks in document order, blocks
 * separated by {@link BLOCK_SEPARATOR} and hard breaks written as a newline.
 */
export function contentToText(doc: ContentNode): string {
  const blocks: string[] = [];
  const collect = (node: ContentNode): void => {
    const children = node.content ?? [];
    const isTextblock = children.length === 0 ? node.type === 'paragraph' || node.type === 'heading' : children.some((c) => c.type === 'text' || c.type === 'hard_break');
    if (isTextblock) {
      blocks.push(children.map((c) => (c.type === 'hard_break' ? '\n' : (c.text ?? ''))).join(''));
      return;
    }
    children.forEach(collect);
  };
  collect(doc);
  return blocks.join(BLOCK_SEPARATOR);
}

/** Counts the Unicode code points of a string (what W3C selectors count), not UTF-16 units. */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    count++;
  }
  return count;
}
