/** The library's notice of sources that are probably the same, each pair with a Merge action. */
import type { Source } from '../../../shared/model/source.js';
import { duplicatePairs, sameBecause } from './duplicates.js';

export interface DuplicatesNoticeProps {
  sources: readonly Source[];
  /** Opens the merge of `source` into the source with `intoId`. */
  onMerge: (source: Source, intoId: string) => void;
}

export function DuplicatesNotice({ sources, onMerge }: DuplicatesNoticeProps) {
  const pairs = duplicatePairs(sources);
  if (pairs.length === 0) return null;
  return (
    <section class="duplicates-notice" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">Possible duplicates</h3>
      <ul>
        {pairs.map(({ duplicate, source, reason }) => (
          <li key={duplicate.id}>
            <span dir="auto">
              “{duplicate.title}” has {sameBecause(reason)} as “{source.title}”.
            </span>
            <button type="button" onClick={() => onMerge(duplicate, source.id)} aria-label={`Merge “${duplicate.title}” into “${source.title}”…`}>
              Merge…
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
