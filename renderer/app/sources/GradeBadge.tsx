/** A source's Admiralty reliability grade as a letter badge: its meaning in words as a tooltip and for screen readers, never colour alone. */
import { RELIABILITY_LABELS } from '../../../shared/check/admiralty.js';
import type { Source } from '../../../shared/model/source.js';

export function GradeBadge({ grade }: { grade: Source['reliability'] }) {
  const meaning = `Reliability ${grade}: ${RELIABILITY_LABELS[grade]}`;
  return (
    <span class={`grade-badge grade-${grade}`} title={meaning}>
      <span aria-hidden="true">{grade}</span>
      <span class="visually-hidden">{meaning}</span>
    </span>
  );
}
