/**
 * The library's possible duplicates, by the shared rule (shared/check/urls.ts): each source that
 * matches one listed before it, paired with that one (the one to keep).
 */
import { duplicateOf, type Duplicate } from '../../../shared/check/urls.js';
import type { Source } from '../../../shared/model/source.js';

/** A source that duplicates an earlier one of the library. */
export interface DuplicatePair extends Duplicate {
  duplicate: Source;
}

/** Every source that duplicates one before it, in library order. */
export function duplicatePairs(sources: readonly Source[]): DuplicatePair[] {
  return sources.flatMap((duplicate, index) => {
    const found = duplicateOf(duplicate, sources.slice(0, index));
    return found ? [{ ...found, duplicate }] : [];
  });
}

/** Why two sources count as the same, in words. */
export function sameBecause(reason: Duplicate['reason']): string {
  return reason === 'url' ? 'the same web address' : 'the same title and publication date, and no address';
}
