/**
 * Telling whether two sources are the same: web addresses compared in a normal form (the same page
 * reached through a tracking link, with or without `www.`, a default port, a fragment or a trailing
 * slash is one source), and, for sources without an address, title and publication date.
 */
import type { Source } from '../model/source.js';
import { comparisonKey } from './compare.js';

/** Query parameters that only track where a visitor came from (besides the `utm_*` family): ad and e-mail click ids. */
const TRACKING_PARAMETERS = new Set(['fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'igshid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok']);

/** Whether a query parameter named `name` only tracks where a visitor came from (`utm_source`, `fbclid`, …), whatever its case. */
export function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMETERS.has(lower);
}
const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/**
 * The form of a web address used to detect duplicates: scheme and host in lower case, `www.`,
 * a default port, the fragment, tracking parameters ({@link isTrackingParameter}) and a trailing
 * slash dropped, remaining query parameters sorted. Text that is no web address is returned
 * trimmed, so it still compares with itself. Never used to store or open an address.
 */
export function normaliseUrl(url: string): string {
  const text = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return text;
  }
  // URL already lower-cases scheme and host; it keeps a non-default port only.
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port && parsed.port !== DEFAULT_PORTS[parsed.protocol] ? `:${parsed.port}` : '';
  const pairs: [string, string][] = [];
  parsed.searchParams.forEach((value, name) => void pairs.push([name, value]));
  const query = pairs
    .filter(([name]) => !isTrackingParameter(name))
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const search = query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${parsed.protocol}//${host}${port}${path}${search}`;
}

/** A source already in the library that `draft` duplicates, and why they count as the same. */
export interface Duplicate {
  source: Source;
  /** `url`: the same normalised address; `title`: no address, same title and publication date. */
  reason: 'url' | 'title';
}

/**
 * The source of `sources` that `draft` duplicates, or null: one with the same normalised address
 * or, when `draft` has no address, one without an address with the same title and publication date.
 */
export function duplicateOf(draft: Pick<Source, 'url' | 'title' | 'published'>, sources: readonly Source[]): Duplicate | null {
  if (draft.url.trim() !== '') {
    const key = normaliseUrl(draft.url);
    const source = sources.find((s) => s.url.trim() !== '' && normaliseUrl(s.url) === key);
    return source ? { source, reason: 'url' } : null;
  }
  const key = comparisonKey(draft.title);
  const source = sources.find((s) => s.url.trim() === '' && comparisonKey(s.title) === key && s.published === draft.published);
  return source ? { source, reason: 'title' } : null;
}
