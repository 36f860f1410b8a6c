/**
 * Walks an inert DOM once, in document order and without recursion (no page can overflow the
 * stack), applying the rule set of `rules.ts` to each element and handing blocks, text, line
 * breaks and marks to the {@link ContentBuilder}. This walk is the whole sanitiser: nothing but
 * what it hands over reaches the document, and it reads no attribute other than `href` and
 * `start`. It never fetches, runs or serialises anything.
 */
import type { ContentNode } from '../../../../../shared/model/document.js';
import { ContentBuilder } from './content-builder.js';
import { ELEMENT_NODE, TEXT_NODE, type InertElement, type InertNode } from './dom.js';
import { addMark, NO_MARKS, type ActiveMarks } from './marks.js';
import { safeHref } from '../../../../../shared/links.js';
import { elementRule, listStart } from './rules.js';

/** What the walk restores when it leaves an element it entered. */
interface OpenElement {
  marks: ActiveMarks;
  /** Blocks from this stack place up are closed on leaving; -1 for inline elements. */
  closeFrom: number;
  preformatted: boolean;
}

/**
 * The editor document for the content of `root` (its children; `root` itself only contains).
 * Relative links resolve against `baseUrl`, or lose their target without one.
 */
export function domToContent(root: InertNode, baseUrl?: string): ContentNode {
  const builder = new ContentBuilder();
  const open: OpenElement[] = [];
  let marks = NO_MARKS;
  let preformatted = 0;
  /** Just inside a `<pre>`: a newline right after its start tag is not content (as in HTML's parser). */
  let preStart = false;

  /** Handles a node on the way in; true when its children are to be visited and {@link leave} called. */
  const enter = (node: InertNode): boolean => {
    const atPreStart = preStart;
    preStart = false;
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? '';
      builder.text(atPreStart && text.startsWith('\n') ? text.slice(1) : text, marks, preformatted > 0);
      return false;
    }
    if (node.nodeType !== ELEMENT_NODE) return false; // comments, CDATA, processing instructions, doctypes
    const rule = elementRule(node.localName ?? '');
    const state: OpenElement = { marks, closeFrom: -1, preformatted: false };
    switch (rule?.kind) {
      case 'drop':
        return false;
      case 'hard_break':
        builder.lineBreak(marks);
        return false;
      case 'block':
        builder.endTextblock();
        state.closeFrom = builder.depth;
        break;
      case 'paragraph':
      case 'blockquote':
      case 'bullet_list':
      case 'list_item':
        state.closeFrom = builder.open(rule.kind);
        break;
      case 'heading':
        state.closeFrom = builder.open('heading', { level: rule.level });
        break;
      case 'ordered_list':
        state.closeFrom = builder.open('ordered_list', { order: listStart((node as InertElement).getAttribute('start')) });
        break;
      case 'preformatted':
        state.closeFrom = builder.open('paragraph');
        state.preformatted = true;
        preformatted++;
        preStart = true;
        break;
      case 'em':
      case 'strong':
        marks = addMark(marks, { type: rule.kind });
        break;
      case 'link': {
        const href = (node as InertElement).getAttribute('href');
        const target = href === null ? null : safeHref(href.trim(), baseUrl);
        if (target !== null) marks = addMark(marks, { type: 'link', attrs: { href: target } });
        break;
      }
      case undefined:
        break;
    }
    open.push(state);
    return true;
  };

  const leave = (): void => {
    const state = open.pop()!;
    marks = state.marks;
    if (state.closeFrom >= 0) builder.closeFrom(state.closeFrom);
    if (state.preformatted) preformatted--;
  };

  let node: InertNode | null = root.firstChild;
  while (node) {
    const entered = enter(node);
    if (entered && node.firstChild) {
      node = node.firstChild;
      continue;
    }
    if (entered) leave();
    // Climb to the next sibling, leaving each ancestor that has no more children.
    let current: InertNode = node;
    node = null;
    while (current !== root) {
      if (current.nextSibling) {
        node = current.nextSibling;
        break;
      }
      const parent: InertNode | null = current.parentNode;
      if (!parent || parent === root) break;
      leave();
      current = parent;
    }
  }
  return builder.finish();
}
