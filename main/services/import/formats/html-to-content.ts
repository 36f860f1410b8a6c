/**
 * The one step every rich format (HTML pages, Markdown, docx) ends in: untrusted HTML → sanitised
 * DOM → a ProseMirror document in JSON form that uses only what the editor schema knows.
 *
 * Inert by construction: jsdom is created without `runScripts` and without `resources`, so no
 * script runs and nothing is fetched (no image, stylesheet, frame or font); DOMPurify (given a
 * jsdom window) keeps an allow-list of harmless tags and only the `href` and `start` attributes;
 * links keep http, https and mailto only. Limits on nesting and element count give a clear error
 * instead of a stack overflow or a hang.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { JSDOM, VirtualConsole } from 'jsdom';
import { DOMParser as ProseMirrorParser } from 'prosemirror-model';
import { editorSchema } from '../../../../shared/editor-schema.js';
import { MAX_CONTENT_DEPTH, type ContentNode } from '../../../../shared/model/document.js';
import { FactmarkError } from '../../../../shared/result.js';

/** Limits on untrusted HTML, checked before anything walks the tree recursively. */
export const HTML_LIMITS = {
  /** Deepest element nesting accepted (real pages rarely pass 60). */
  maxDepth: 256,
  /** Most elements accepted in one page (a long encyclopedia article has about 60,000). */
  maxElements: 100_000,
} as const;

/**
 * An HTML parser spends time in proportion to depth × elements, so the markup is measured before
 * parsing: a cheap scan of the tags (closing tags the parser would imply are not counted), with a
 * margin over {@link HTML_LIMITS.maxDepth} for sloppy pages that never close their tags.
 */
const MARKUP_DEPTH_LIMIT = 1_000;
const VOID_OR_IMPLIED = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp', '!doctype']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript']);

/**
 * Refuses markup that opens tags more than {@link MARKUP_DEPTH_LIMIT} deep, or more tags than
 * {@link HTML_LIMITS.maxElements}, before it is parsed.
 */
export function checkMarkupNesting(html: string, label = 'This document'): void {
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z!][^\s/>]*)[^>]*?(\/?)>/g;
  const lower = html.toLowerCase();
  let depth = 0;
  let elements = 0;
  for (let match = tag.exec(html); match; match = tag.exec(html)) {
    const [, closing, rawName, selfClosing] = match;
    if (rawName === undefined) continue;
    const name = rawName.toLowerCase();
    if (closing) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (++elements > HTML_LIMITS.maxElements) throw tooManyElements(label);
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end < 0 ? html.length : end;
      continue;
    }
    if (selfClosing || VOID_OR_IMPLIED.has(name)) continue;
    if (++depth > MARKUP_DEPTH_LIMIT) {
      throw new FactmarkError('INVALID_ARGUMENT', `${label} nests HTML elements more than ${HTML_LIMITS.maxDepth} levels deep, more than Factmark accepts: it is not an ordinary document.`);
    }
  }
}

function tooManyElements(label: string): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `${label} has more than ${HTML_LIMITS.maxElements.toLocaleString('en')} HTML elements, more than Factmark imports from one file.`);
}

/** Link schemes that survive import. Everything else keeps its text and loses the link. */
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * Tags kept by the sanitiser: what the schema maps (p, h1–h6, blockquote, lists, br, a, em/i,
 * strong/b) plus harmless structure that only tells the parser where blocks and cells end (div,
 * section, table cells…). Anything not listed is removed; the text inside stays unless the tag is
 * one whose content is never text for a reader (script, style, svg, math, iframe, form controls…).
 */
const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'br', 'a', 'em', 'i', 'strong', 'b',
  'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'figcaption', 'address', 'pre', 'code',
  'span', 'u', 's', 'sub', 'sup', 'small', 'mark', 'cite', 'q', 'abbr', 'time', 'dl', 'dt', 'dd', 'hr',
  'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
  // The root when a parsed page's body is sanitised as a node.
  'body',
];

const PURIFY_CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR: ['href', 'start'],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // http(s), mailto and relative references; relative ones are resolved (or dropped) below.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  ADD_FORBID_CONTENTS: ['button', 'select', 'option', 'datalist', 'textarea', 'object', 'embed', 'applet', 'canvas', 'map'],
  KEEP_CONTENT: true,
  RETURN_DOM: true,
};

/** A jsdom that cannot run or fetch anything, and that keeps its complaints to itself. */
export function inertDom(html: string): JSDOM {
  // No runScripts, no resources, no url: scripts stay text, subresources are never requested.
  return new JSDOM(html, { virtualConsole: new VirtualConsole() });
}

let purifier: ReturnType<typeof createDOMPurify> | undefined;
function getPurifier(): ReturnType<typeof createDOMPurify> {
  purifier ??= createDOMPurify(inertDom('').window as unknown as Parameters<typeof createDOMPurify>[0]);
  return purifier;
}

/** The minimal DOM surface this module walks, so it type-checks without the DOM library. */
interface DomNode {
  nodeType: number;
  nodeName: string;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  parentNode: DomNode | null;
  textContent: string | null;
  appendChild(child: DomNode): DomNode;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  replaceWith(...nodes: (DomNode | string)[]): void;
  ownerDocument: { createElement(tag: string): DomElement; createTextNode(text: string): DomNode };
}

const ELEMENT_NODE = 1;

/**
 * Refuses a tree that nests deeper or holds more elements than {@link HTML_LIMITS}, walking it
 * without recursion so the check itself cannot overflow the stack.
 */
export function checkHtmlLimits(root: unknown, label = 'This document'): void {
  const start = root as DomNode;
  let elements = 0;
  let depth = 0;
  let node: DomNode | null = start.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE) {
      elements++;
      if (elements > HTML_LIMITS.maxElements) throw tooManyElements(label);
    }
    if (node.firstChild) {
      depth++;
      if (depth > HTML_LIMITS.maxDepth) {
        throw new FactmarkError('INVALID_ARGUMENT', `${label} nests HTML elements more than ${HTML_LIMITS.maxDepth} levels deep, more than Factmark accepts: it is not an ordinary document.`);
      }
      node = node.firstChild;
      continue;
    }
    while (node && node !== start && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== start ? node.nextSibling : null;
  }
}

/** An absolute http(s)/mailto address for a link, or null to keep only its text. */
export function safeHref(href: string, baseUrl?: string): string | null {
  let url: URL;
  try {
    url = baseUrl ? new URL(href, baseUrl) : new URL(href);
  } catch {
    return null;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : null;
}

export interface HtmlToContentOptions {
  /** Resolves relative links (a page's canonical address). Without it relative links lose their target. */
  baseUrl?: string;
  /** How error messages name the input, e.g. the file name. */
  label?: string;
}

/**
 * Turns untrusted HTML (a string, or a node of an inert jsdom document such as Readability's
 * article) into a `doc` node of the editor schema. Never returns an empty doc: at least one
 * empty paragraph.
 */
export function htmlToContent(html: string | object, options: HtmlToContentOptions = {}): ContentNode {
  const label = options.label || 'This document';
  const purify = getPurifier();
  let source: unknown = html;
  if (typeof html === 'string') {
    checkMarkupNesting(html, label);
    source = inertDom(html).window.document.body;
  }
  checkHtmlLimits(source, label);
  const body = purify.sanitize(source as Parameters<typeof purify.sanitize>[0], PURIFY_CONFIG) as unknown as DomElement;

  for (const anchor of Array.from(body.querySelectorAll('a'))) {
    const href = anchor.getAttribute('href');
    const safe = href === null ? null : safeHref(href.trim(), options.baseUrl);
    if (safe === null) anchor.removeAttribute('href');
    else anchor.setAttribute('href', safe);
  }
  // Preformatted text keeps its lines: the schema has no code block, so each newline becomes a break.
  for (const pre of Array.from(body.querySelectorAll('pre'))) {
    const lines = (pre.textContent ?? '').replace(/\n$/, '').split('\n');
    const paragraph = pre.ownerDocument.createElement('p');
    lines.forEach((line, i) => {
      if (i > 0) paragraph.appendChild(pre.ownerDocument.createElement('br'));
      paragraph.appendChild(pre.ownerDocument.createTextNode(line));
    });
    pre.replaceWith(paragraph);
  }
  // Table cells are blocks of their own, not words glued to their neighbours.
  for (const cell of Array.from(body.querySelectorAll('td, th, dt, dd'))) {
    const block = cell.ownerDocument.createElement('div');
    while (cell.firstChild) block.appendChild(cell.firstChild);
    cell.replaceWith(block);
  }

  const doc = ProseMirrorParser.fromSchema(editorSchema).parse(body as unknown as Parameters<ProseMirrorParser['parse']>[0]);
  const json = doc.toJSON() as ContentNode;
  if (contentDepth(json) > MAX_CONTENT_DEPTH) {
    throw new FactmarkError('INVALID_ARGUMENT', `${label} nests lists or quotes too deeply: a Factmark document can hold at most ${MAX_CONTENT_DEPTH} levels.`);
  }
  return json.content && json.content.length > 0 ? json : { type: 'doc', content: [{ type: 'paragraph' }] };
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
