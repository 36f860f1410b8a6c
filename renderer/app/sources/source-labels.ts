/** How the source library names things in words: source types, addresses and how often a source is used. */
import type { Source } from '../../../shared/model/source.js';

export { SOURCE_TYPE_LABELS } from '../../../shared/report/labels.js';

/** The site of a web address without "www.", e.g. "reuters.com"; '' when there is none. */
export function urlHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./i, '');
  } catch {
    return '';
  }
}

/** "Not used", "Used once", "Used 3 times". */
export function useCountLabel(count: number): string {
  if (count === 0) return 'Not used';
  return count === 1 ? 'Used once' : `Used ${count.toLocaleString()} times`;
}

/** "Reuters; Smith, Jane" — the authors as one line for the list. */
export function authorLine(source: Source): string {
  return source.authors.map((a) => ('literal' in a ? a.literal : [a.family, a.given].filter(Boolean).join(', '))).join('; ');
}
