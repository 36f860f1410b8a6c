/**
 * The damage warnings on an annotation's words, shown in its card under the words: a claim made
 * on a splice (“he stated in a series of is a crucial component”) or on garbled characters may
 * not quote what was published, and the analyst should know before checking it. The warnings are
 * the damage underlines of the open text where they stand now, chosen by the rule the report uses
 * (shared/annotations/damage-overlap.ts).
 */
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import { damageOnWords } from '../../../shared/annotations/damage-overlap.js';
import { DAMAGE_LABELS } from '../../../shared/model/damage.js';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { warningsIn } from '../../editor/damage-plugin.js';
import { WarningIcon } from '../icons.js';

export function DamageOnWords({ session, annotationId }: { session: AnnotationSession; annotationId: string }) {
  const { state } = session;
  const range = annotationRanges(state.doc).get(annotationId);
  if (!range) return null;
  const placed = damageOnWords(warningsIn(state, range.from, range.to), { start: range.from, end: range.to }, (p) => ({ start: p.from, end: p.to }));
  if (placed.length === 0) return null;
  return (
    <div class="damage-on-words" role="note" aria-labelledby={`damage-on-${annotationId}`}>
      <p class="damage-on-words-head" id={`damage-on-${annotationId}`}>
        <WarningIcon />
        {placed.length === 1 ? 'These words carry a damage warning' : `These words carry ${placed.length} damage warnings`}: they may not be what was published.
      </p>
      <ul>
        {placed.map(({ index, warning }) => (
          <li key={index}>
            <span class="damage-on-words-kind">{DAMAGE_LABELS[warning.kind]}</span> <q dir="auto">{warning.excerpt}</q>
            <span class="damage-on-words-message">{warning.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
