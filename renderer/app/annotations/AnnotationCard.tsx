/**
 * The card of the active annotation in the side panel: its short id and kind, its exact words,
 * the details of its kind (a claim's check, a source mention's source, a note's text), its tags,
 * and the actions the keys also offer. Text fields commit when they lose focus (one undo step per
 * field edit, not one per key). Escape returns to the text; number keys 1–9 toggle the codebook's
 * first nine tags while the card (not a text field) has focus. Keys inside a dialog stay there.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Annotation, AnnotationKind } from '../../../shared/model/annotation.js';
import type { Tag } from '../../../shared/model/tag.js';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { ANNOTATION_KEYS } from '../../editor/annotations/annotation-keymap.js';
import { annotationName, KIND_LABELS } from '../../editor/annotations/appearance.js';
import type { CheckContext } from './claim/check-context.js';
import { ClaimCard } from './claim/ClaimCard.js';
import { DraftField } from './claim/DraftField.js';
import { SourceMentionFields } from './claim/SourceMentionFields.js';
import { DamageOnWords } from './DamageOnWords.js';

export interface AnnotationCardProps {
  session: AnnotationSession;
  annotation: Annotation;
  /** The words it covers now, or its last known words for an orphan. */
  words: string;
  /** Tags in codebook order. */
  tags: readonly Tag[];
  orphan: boolean;
  /** True when the card should take the keyboard (a new annotation was just made). */
  takeFocus: boolean;
  /** Called once the card has taken the keyboard, so it does not take it again. */
  onFocusTaken: () => void;
  /** The project around the document: sources, rating scales, claimants. */
  check: CheckContext;
}

export function AnnotationCard({ session, annotation, words, tags, orphan, takeFocus, onFocusTaken, check }: AnnotationCardProps) {
  const cardRef = useRef<HTMLElement>(null);
  const firstField = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);

  useEffect(() => {
    cardRef.current?.scrollIntoView({ block: 'nearest' });
  }, [annotation.id]);
  // Layout effect: the keyboard moves to the card before the next key press is handled, so words
  // typed right after "C" land in the card, not in the text.
  useLayoutEffect(() => {
    if (!takeFocus) return;
    (firstField.current ?? cardRef.current)?.focus();
    onFocusTaken();
  }, [takeFocus, onFocusTaken]);

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('dialog')) return;
    const typing = target.closest('textarea, input, select');
    if (event.key === 'Escape') {
      event.preventDefault();
      (document.activeElement as HTMLElement | null)?.blur();
      session.select(annotation.id, { reveal: !orphan, focus: true });
    } else if (!typing && /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      const tag = tags[Number(event.key) - 1];
      if (tag) session.toggleTag(annotation.id, tag.id);
      else session.notify(`The codebook has no tag number ${event.key}.`);
    }
  };

  const name = annotationName(annotation);
  return (
    <section ref={cardRef} class={`annotation-card kind-${annotation.kind}`} tabIndex={-1} aria-label={`${name} details`} onKeyDown={onKeyDown}>
      <header class="card-head">
        {annotation.kind === 'claim' && <span class="short-id">{annotation.shortId}</span>}
        <label class="field inline">
          <span>Kind</span>
          <select aria-label="Kind" value={annotation.kind} onChange={(e) => session.changeKind(annotation.id, e.currentTarget.value as AnnotationKind)}>
            {Object.entries(KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </header>
      <blockquote class="card-quote" dir="auto">
        {words}
      </blockquote>
      {annotation.kind !== 'note' && !orphan && <DamageOnWords session={session} annotationId={annotation.id} />}
      {orphan && <p class="orphan-note">The words of this annotation are gone from the text. Select the words it belongs to and choose “Re-attach”, or remove it.</p>}
      {annotation.kind === 'claim' && <ClaimCard session={session} claim={annotation} check={check} firstField={firstField} />}
      {annotation.kind === 'sourceMention' && <SourceMentionFields session={session} mention={annotation} words={words} check={check} />}
      {annotation.kind === 'note' && (
        <DraftField key={`${annotation.id}-body`} label="Note" kind="textarea" rows={4} value={annotation.body} inputRef={firstField} onCommit={(body) => session.update({ ...annotation, body }, annotation)} />
      )}
      <fieldset class="card-tags">
        <legend>Tags</legend>
        {tags.length === 0 && <p class="muted small">The codebook is empty: add tags in the Codebook tab.</p>}
        {tags.map((tag, index) => (
          <label key={tag.id} class="tag-choice" title={tag.description || undefined}>
            <input type="checkbox" checked={annotation.tagIds.includes(tag.id)} onChange={() => session.toggleTag(annotation.id, tag.id)} />
            <span class="tag-swatch" style={{ background: tag.colour }} aria-hidden="true" />
            <span dir="auto">{tag.name}</span>
            {index < 9 && <kbd aria-hidden="true">{index + 1}</kbd>}
          </label>
        ))}
      </fieldset>
      <div class="card-actions">
        <button title={`Move onto the selected words (${ANNOTATION_KEYS.setRange})`} onClick={() => session.setRangeToSelection(annotation.id)}>
          {orphan ? 'Re-attach to selected words' : 'Move to selected words'}
        </button>
        <button class="danger" title={`Remove (${ANNOTATION_KEYS.remove})`} onClick={() => session.remove(annotation.id)}>
          Remove {name}
        </button>
      </div>
    </section>
  );
}
