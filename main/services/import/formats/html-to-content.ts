/**
 * The one step every rich format (HTML pages, pasted HTML, Markdown, docx) ends in: untrusted
 * HTML → an inert DOM → a ProseMirror document in JSON form that uses only what the editor
 * schema knows.
 *
 * Why this shape: the DOM comes from linkedom (`html/inert-document.ts`), which has no script
 * engine and no network, so nothing runs and nothing is fetched. A single walk over it
 * (`html/walk.ts`) is both the sanitiser and the converter: it emits only the schema's nodes and
 * marks, drops active and remote elements with their content, and keeps no attribute but a
 * link's target (http, https and mailto only) and a list's start number. One rule set
 * (`html/rules.ts`), not a sanitiser followed by a parser that must agree with it; and a walk
 * that builds JSON directly is about ten times faster than DOMPurify plus ProseMirror's
 * DOMParser. Limits on nesting and element count give a clear error instead of a stack overflow
 * or a hang.
 */
import { MAX_CONTENT_DEPTH, type ContentNode } from '../../../../shared/model/document.js';
import { FactmarkError } from '../../../../shared/result.js';
import type { InertNode } from './html/dom.js';
import { inertDocument } from './html/inert-document.js';
import { checkHtmlLimits, checkMarkupNesting } from './html/limits.js';
import { domToContent } from './html/walk.js';

export { HTML_LIMITS } from './html/limits.js';

export interface HtmlToContentOptions {
  /** Resolves relative links (a page's canonical address). Without it relative links lose their target. */
  baseUrl?: string;
  /** How error messages name the input, e.g. the file name. */
  label?: string;
}

/**
 * Turns untrusted HTML (a string, or a node of an inert document such as Readability's article)
 * into a `doc` node of the editor schema. Never returns an empty doc: at least one empty paragraph.
 */
export function htmlToContent(html: string | InertNode, options: HtmlToContentOptions = {}): ContentNode {
  const label = options.label || 'This document';
  let root: InertNode;
  if (typeof html === 'string') {
    checkMarkupNesting(html, label);
    root = inertDocument(html).documentElement;
  } else {
    root = html;
  }
  checkHtmlLimits(root, label);
  const json = domToContent(root, options.baseUrl);
  if (contentDepth(json) > MAX_CONTENT_DEPTH) {
    throw new FactmarkError('INVALID_ARGUMENT', `${label} nests lists or quotes too deeply: a Factmark document can hold at most ${MAX_CONTENT_DEPTH} levels.`);
  }
  return json;
}

/** How many levels a content tree has (a doc with one empty paragraph has 2). */
export function contentDepth(root: ContentNode): number {
  let max = 0;
  const stack: [ContentNode, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    max = Math.max(max, depth);
    for (const child of node.content ?? []) stack.push([child, depth + 1]);
  }
  return max;
}
