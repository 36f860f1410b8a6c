/**
 * The one rule set that decides what of untrusted HTML reaches a document: every element is
 * either mapped to a node or mark of the editor schema, read through (its text stays, its tag
 * goes), or dropped with everything inside it. No attribute survives except a link's target
 * (through shared/links.ts `safeHref`) and an ordered list's start number, so event handlers, styles,
 * sources and every other attribute are gone by construction, not by a deny-list.
 */

/** What the walker does with an element. Elements not listed are inline wrappers: text kept, tag forgotten. */
export type ElementRule =
  /** Removed with its content: nothing in it is text for a reader, or it is active or remote. */
  | { kind: 'drop' }
  /** Read through, but a paragraph ends before and after it (div, section, table cells…). */
  | { kind: 'block' }
  | { kind: 'paragraph' }
  /** A paragraph whose spaces and line breaks are kept. */
  | { kind: 'preformatted' }
  | { kind: 'heading'; level: number }
  | { kind: 'blockquote' }
  | { kind: 'bullet_list' }
  | { kind: 'ordered_list' }
  | { kind: 'list_item' }
  | { kind: 'hard_break' }
  | { kind: 'em' }
  | { kind: 'strong' }
  | { kind: 'link' };

/**
 * Dropped with their content: scripts and styles, embedded documents and plugins, SVG and MathML
 * (whose content can script or link), media and images (remote loads are tracking beacons), form
 * controls and dialogs (interface text, not the page's), and the head with its metadata, `<base>`
 * and `<meta http-equiv>`. A `<form>` itself is only a block: whole pages are sometimes wrapped in
 * one, and its article text must survive; its controls are dropped.
 */
const DROPPED = [
  'head', 'title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template', 'slot',
  'iframe', 'frame', 'frameset', 'noframes', 'object', 'embed', 'noembed', 'applet', 'param', 'portal', 'fencedframe',
  'svg', 'math', 'canvas', 'img', 'image', 'picture', 'source', 'track', 'audio', 'video', 'map', 'area',
  'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'output', 'progress', 'meter', 'keygen', 'dialog',
];

/** Elements a browser lays out as blocks that the schema has no node for. */
const BLOCKS = [
  'html', 'body', 'main', 'article', 'section', 'nav', 'aside', 'header', 'footer', 'address', 'hgroup', 'search',
  'div', 'center', 'figure', 'figcaption', 'details', 'summary', 'fieldset', 'legend', 'form', 'hr', 'menu', 'dir',
  'dl', 'dt', 'dd', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th',
];

const RULES = new Map<string, ElementRule>([
  ...DROPPED.map((name): [string, ElementRule] => [name, { kind: 'drop' }]),
  ...BLOCKS.map((name): [string, ElementRule] => [name, { kind: 'block' }]),
  ...[1, 2, 3, 4, 5, 6].map((level): [string, ElementRule] => [`h${level}`, { kind: 'heading', level }]),
  ['p', { kind: 'paragraph' }],
  ['pre', { kind: 'preformatted' }],
  ['blockquote', { kind: 'blockquote' }],
  ['ul', { kind: 'bullet_list' }],
  ['ol', { kind: 'ordered_list' }],
  ['li', { kind: 'list_item' }],
  ['br', { kind: 'hard_break' }],
  ['em', { kind: 'em' }],
  ['i', { kind: 'em' }],
  ['strong', { kind: 'strong' }],
  ['b', { kind: 'strong' }],
  ['a', { kind: 'link' }],
]);

/** The rule for an element by its lower-case tag name; undefined for inline wrappers (span, u, code, custom tags…). */
export function elementRule(tagName: string): ElementRule | undefined {
  return RULES.get(tagName);
}

/** An ordered list's first number from its `start` attribute, read as browsers do ("3rd" is 3), else 1. */
export function listStart(start: string | null): number {
  const digits = /^[+-]?\d{1,9}/.exec(start?.trim() ?? '');
  return digits ? Number(digits[0]) : 1;
}
