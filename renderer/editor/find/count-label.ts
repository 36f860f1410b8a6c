/** The find bar's count in words: "3 of 17", "No matches", "3 of 10,000+". */
import type { FindCurrent } from './find-controller.js';

const number = new Intl.NumberFormat('en');

/** The count for `query` with `current` as the controller reports it; empty when there is no query. */
export function countLabel(query: string, current: FindCurrent | null): string {
  if (query === '') return '';
  if (!current) return 'No matches';
  return `${number.format(current.index + 1)} of ${number.format(current.count)}${current.truncated ? '+' : ''}`;
}
