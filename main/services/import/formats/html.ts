/**
 * Saved web pages: the article is extracted from navigation, ads, comments and footers by
 * Mozilla's Readability (the engine of Firefox's Reader View) on an inert linkedom document, and
 * the page's own metadata (title, byline, site, canonical address, publication date, language,
 * direction) is kept. When Readability finds no article, the whole sanitised body is imported.
 */
import { Readability } from '@mozilla/readability';
import type { DocumentMeta } from '../../../../shared/model/document.js';
import type { ParsedDocument } from '../types.js';
import { clipTitle, fileLabel, normaliseDate } from './common.js';
import type { InertDocument, InertNode } from './html/dom.js';
import { inertDocument } from './html/inert-document.js';
import { checkHtmlLimits, checkMarkupNesting } from './html/limits.js';
import { safeHref } from '../../../../shared/links.js';
import { htmlToContent } from './html-to-content.js';

/** The metadata read from a page's head and markup before Readability rewrites the document. */
interface PageFacts {
  canonicalUrl: string;
  published: string | null;
  language: string;
  direction: DocumentMeta['direction'];
  siteName: string;
  author: string;
}

function attr(doc: InertDocument, selector: string, name: string): string {
  return doc.querySelector(selector)?.getAttribute(name)?.trim() ?? '';
}

/** A web address for the document's metadata: absolute http(s) only. */
function webAddress(value: string): string {
  const href = value ? safeHref(value) : null;
  return href && /^https?:/i.test(href) ? href.slice(0, 4_000) : '';
}

/** `datePublished` from the page's JSON-LD blocks (read as data, never run). */
function jsonLdPublished(doc: InertDocument): string {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let seen = 0; queue.length > 0 && seen < 200; seen++) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item);
      else if (item && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        if (typeof record.datePublished === 'string') return record.datePublished;
        if (record['@graph']) queue.push(record['@graph']);
      }
    }
  }
  return '';
}

function languageTag(value: string): string {
  const tag = value.trim().replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$/.test(tag) ? tag : '';
}

function pageFacts(doc: InertDocument): PageFacts {
  const html = doc.documentElement;
  const dir = (html.getAttribute('dir') || doc.body?.getAttribute('dir') || '').trim().toLowerCase();
  const published =
    attr(doc, 'meta[property="article:published_time"]', 'content') ||
    attr(doc, 'meta[itemprop="datePublished"]', 'content') ||
    jsonLdPublished(doc) ||
    attr(doc, 'meta[name="date"], meta[name="pubdate"], meta[name="publishdate"], meta[name="dc.date"], meta[name="DC.date.issued"]', 'content') ||
    attr(doc, 'time[datetime][itemprop="datePublished"], time[datetime][pubdate], article time[datetime], time[datetime]', 'datetime');
  return {
    canonicalUrl: webAddress(attr(doc, 'link[rel~="canonical"][href]', 'href')) || webAddress(attr(doc, 'meta[property="og:url"]', 'content')),
    published: normaliseDate(published),
    language: languageTag(html.getAttribute('lang') || html.getAttribute('xml:lang') || attr(doc, 'meta[http-equiv="content-language" i]', 'content')),
    direction: dir === 'rtl' || dir === 'ltr' ? dir : 'auto',
    siteName: attr(doc, 'meta[property="og:site_name"]', 'content'),
    author: attr(doc, 'meta[name="author"]', 'content'),
  };
}

/**
 * Makes the canonical address the document's only base. The page's own `<base>` would redirect
 * every relative link, so it goes. Readability makes each link absolute against the document's
 * base address as it extracts: with none (linkedom knows no page address) every relative link
 * makes `new URL` throw, which on a page of 2,900 links cost about 7 % of Readability's time.
 * Against the canonical address the links come out as the walker would resolve them itself.
 */
function useCanonicalBase(doc: InertDocument, canonicalUrl: string): void {
  for (const base of Array.from(doc.getElementsByTagName('base'))) base.remove();
  if (!canonicalUrl) return;
  const base = doc.createElement('base');
  base.setAttribute('href', canonicalUrl);
  (doc.querySelector('head') ?? doc.documentElement).appendChild(base);
}

/** "By Jane Doe" → "Jane Doe": the byline as a name. */
function bylineName(byline: string): string {
  return clipTitle(byline.replace(/^\s*by[:\s]+/i, ''), 300);
}

/** Parses a decoded saved web page. */
export function parseHtml(text: string, fileName?: string): ParsedDocument {
  const label = fileLabel(fileName);
  checkMarkupNesting(text, label);
  const doc = inertDocument(text);
  checkHtmlLimits(doc.documentElement, label);
  const facts = pageFacts(doc);
  const pageTitle = doc.title;
  useCanonicalBase(doc, facts.canonicalUrl);

  // The article stays a node (no serialising and parsing again); its classes are kept because the
  // walker reads no class, which spares Readability a pass over every element.
  const article = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0], { serializer: (node) => node, keepClasses: true }).parse();
  const baseUrl = facts.canonicalUrl || undefined;
  const options = baseUrl ? { baseUrl, label } : { label };
  const hasArticle = article?.content && (article.textContent ?? '').trim() !== '';
  // Readability rewrites the document as it searches, so the fallback parses the page afresh.
  const content = hasArticle ? htmlToContent(article.content as unknown as InertNode, options) : htmlToContent(text, options);

  const siteName = clipTitle(article?.siteName || facts.siteName, 300);
  const meta: Partial<DocumentMeta> = { direction: facts.direction };
  const author = bylineName(article?.byline || facts.author);
  if (author) meta.author = author;
  if (siteName) meta.outlet = siteName;
  if (facts.canonicalUrl) meta.sourceUrl = facts.canonicalUrl;
  const published = facts.published ?? normaliseDate(article?.publishedTime);
  if (published) meta.published = published;
  const language = facts.language || languageTag(article?.lang ?? '');
  if (language) meta.language = language;
  if (meta.direction === 'auto' && (article?.dir === 'rtl' || article?.dir === 'ltr')) meta.direction = article.dir;

  const origin: ParsedDocument['origin'] = {};
  if (facts.canonicalUrl) origin.canonicalUrl = facts.canonicalUrl;
  if (siteName) origin.siteName = siteName;
  return { title: clipTitle(article?.title || pageTitle, 300), content, meta, origin };
}
