/**
 * Web addresses as a report prints them: without the query parameters that only track where a
 * reader came from (`utm_*`, `fbclid`, `gclid`, …: shared/check/urls.ts), which say nothing about the
 * page and would follow every reader of the report. Only what a report prints is cleaned; the
 * address stays stored as the analyst entered it. Everything else of the address — its order, its
 * encoding, its fragment — is kept character for character.
 */
import { isTrackingParameter } from '../check/urls.js';

/** The name of a `name=value` query pair, decoded as a browser reads it (`+` a space); undecodable names stay as written. */
function parameterName(pair: string): string {
  const name = pair.split('=', 1)[0]!.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** `url` trimmed, without its tracking parameters (the `?` too when none other is left); text that is no http(s) address is only trimmed. */
export function printedUrl(url: string): string {
  const text = url.trim();
  if (!/^https?:\/\//i.test(text)) return text;
  const hash = text.indexOf('#');
  const end = hash < 0 ? text.length : hash;
  const query = text.indexOf('?');
  if (query < 0 || query > end) return text;
  const pairs = text.slice(query + 1, end).split('&');
  const kept = pairs.filter((pair) => !isTrackingParameter(parameterName(pair)));
  if (kept.length === pairs.length) return text;
  const rest = kept.filter((pair) => pair !== '');
  return `${text.slice(0, query)}${rest.length > 0 ? `?${rest.join('&')}` : ''}${text.slice(end)}`;
}
