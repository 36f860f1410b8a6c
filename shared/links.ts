import type { ContentNode } from './model/document.js';

/**
 * The one rule for links in a document's text, wherever the text comes from (an imported file, a
 * paste into the editor, an edit main is sent): only absolute http, https and mailto addresses
 * are links; anything else (javascript:, data:, file:, relative) keeps its words and loses the link.
 * An address never carries credentials: `https://user:password@host/…` is kept as
 * `https://host/…`, so a password in a scraped page reaches neither the project nor its reports.
 */

/** Link schemes a document may hold. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * An absolute http(s)/mailto address for a link, without user name and password, or null to keep
 * only its text. Relative links need `baseUrl`.
 */
export function safeHref(href: string, baseUrl?: string): string | null {
  let url: URL;
  try {
    url = baseUrl ? new URL(href, baseUrl) : new URL(href);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  url.username = '';
  url.password = '';
  return url.href;
}

/** True when `href` is a link a document may hold as it is. */
export function isSafeHref(href: unknown): boolean {
  return typeof href === 'string' && safeHref(href) === href;
}

/** `node` with every unsafe link mark taken off (its words kept); the same object when it has none. */
function withSafeLinks(node: ContentNode): ContentNode {
  const marks = node.marks?.filter((mark) => mark.type !== 'link' || isSafeHref(mark.attrs?.href));
  const content = node.content ? linksMadeSafe(node.content) : undefined;
  if (marks?.length === node.marks?.length && content === node.content) return node;
  const { marks: _marks, content: _content, ...rest } = node;
  return { ...rest, ...(content ? { content } : {}), ...(marks && marks.length > 0 ? { marks } : {}) };
}

/** `blocks` with every unsafe link mark taken off; the same array (and block objects) where none had one. */
export function linksMadeSafe(blocks: ContentNode[]): ContentNode[] {
  let changed = false;
  const safe = blocks.map((block) => {
    const made = withSafeLinks(block);
    changed ||= made !== block;
    return made;
  });
  return changed ? safe : blocks;
}
