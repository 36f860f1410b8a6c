/**
 * Untrusted HTML → a DOM in Node that cannot do anything: linkedom is a DOM built from
 * htmlparser2's tokens with no script engine, no network and no layout, so no script runs, no
 * event handler fires and nothing (image, stylesheet, frame, font) is ever requested. It parses a
 * 1 MB page about twenty times faster than jsdom, which is what makes importing one fit in its
 * time budget.
 */
import { DOMParser } from 'linkedom';
import type { InertDocument } from './dom.js';

/** Markup that starts with its own `<html>` element (after a BOM, doctype, comments, whitespace). */
const STARTS_WITH_HTML = /^(?:\s|\uFEFF|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>)*<html[\s>]/i;

/**
 * Parses a whole page or a fragment (a clipboard's HTML, Markdown or Word output). linkedom
 * builds a sound document only from markup that starts with `<html>`, so anything else is put
 * into the body of an empty page first; stray `<head>` or `<body>` tags in a fragment then become
 * elements inside that body, which the walker drops or reads through like any other.
 */
export function inertDocument(html: string): InertDocument {
  const page = STARTS_WITH_HTML.test(html) ? html : `<!doctype html><html><head></head><body>${html}</body></html>`;
  return new DOMParser().parseFromString(page, 'text/html') as unknown as InertDocument;
}
