/**
 * Limits on untrusted HTML, with a clear error instead of a hang or a stack overflow: the markup
 * is measured before it is parsed, and the parsed tree before anything walks it.
 */
import { FactmarkError } from '../../../../../shared/result.js';
import { ELEMENT_NODE, type InertNode } from './dom.js';

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

function tooDeep(label: string): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `${label} nests HTML elements more than ${HTML_LIMITS.maxDepth} levels deep, more than Factmark accepts: it is not an ordinary document.`);
}

function tooManyElements(label: string): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `${label} has more than ${HTML_LIMITS.maxElements.toLocaleString('en')} HTML elements, more than Factmark imports from one file.`);
}

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
    if (++depth > MARKUP_DEPTH_LIMIT) throw tooDeep(label);
  }
}

/**
 * Refuses a parsed tree that nests deeper or holds more elements than {@link HTML_LIMITS},
 * walking it without recursion so the check itself cannot overflow the stack.
 */
export function checkHtmlLimits(root: InertNode, label = 'This document'): void {
  let elements = 0;
  let depth = 0;
  let node: InertNode | null = root.firstChild;
  while (node) {
    if (node.nodeType === ELEMENT_NODE && ++elements > HTML_LIMITS.maxElements) throw tooManyElements(label);
    if (node.firstChild) {
      if (++depth > HTML_LIMITS.maxDepth) throw tooDeep(label);
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) {
      node = node.parentNode;
      depth--;
    }
    node = node && node !== root ? node.nextSibling : null;
  }
}
