/**
 * The small part of the DOM that importing uses: walking (first child, next sibling, parent),
 * tag names, text and one attribute at a time, plus what a page needs before Readability reads it
 * (finding, removing and adding a `<base>`). Declared here so the import code type-checks without
 * the DOM library (main/ has none) and works on any DOM implementation.
 */

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export interface InertNode {
  nodeType: number;
  /** Lower-case tag name for elements (HTML documents), null or undefined for other nodes. */
  localName?: string | null;
  nodeValue: string | null;
  firstChild: InertNode | null;
  nextSibling: InertNode | null;
  parentNode: InertNode | null;
  textContent: string | null;
}

export interface InertElement extends InertNode {
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  appendChild(node: InertNode): InertNode;
  remove(): void;
}

export interface InertDocument {
  documentElement: InertElement;
  body: InertElement;
  title: string;
  createElement(localName: string): InertElement;
  querySelector(selector: string): InertElement | null;
  querySelectorAll(selector: string): ArrayLike<InertElement>;
  getElementsByTagName(localName: string): ArrayLike<InertElement>;
}
