/**
 * The floating toolbar over selected words: mark them as a claim, source mention or note, or move
 * the current annotation onto them. Buttons keep the text selection (mouse down does not take
 * focus), and their names and tooltips give the single-key shortcut.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { ANNOTATION_KEYS } from '../../editor/annotations/annotation-keymap.js';
import { annotationName } from '../../editor/annotations/appearance.js';
import { useSelectionBox } from './use-annotations.js';

export function SelectionToolbar({ session, scroller }: { session: AnnotationSession; scroller: HTMLElement | null }) {
  const box = useSelectionBox(session, scroller);
  const toolbarRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const measured = toolbarRef.current?.offsetWidth ?? 0;
    if (measured !== width) setWidth(measured);
  });
  if (!box) return null;
  const target = session.target();
  const keep = (event: MouseEvent) => event.preventDefault();
  // Above the selection when there is room, else below it; never over the side panel.
  const top = box.top > 56 ? box.top - 44 : box.bottom + 8;
  const bounds = scroller?.getBoundingClientRect();
  const left = bounds ? Math.max(bounds.left + 8, Math.min(box.left, bounds.right - width - 8)) : box.left;
  return (
    <div class="selection-toolbar" role="toolbar" aria-label="Annotate selected words" ref={toolbarRef} style={{ top: `${top}px`, left: `${left}px` }} onMouseDown={keep}>
      <button class="kind-claim" title={`Mark as claim (${ANNOTATION_KEYS.claim})`} aria-keyshortcuts="C" onClick={() => session.mark('claim')}>
        Claim <kbd>C</kbd>
      </button>
      <button class="kind-sourceMention" title={`Mark as source mention (${ANNOTATION_KEYS.sourceMention})`} aria-keyshortcuts="S" onClick={() => session.mark('sourceMention')}>
        Source <kbd>S</kbd>
      </button>
      <button class="kind-note" title={`Add a note (${ANNOTATION_KEYS.note})`} aria-keyshortcuts="N" onClick={() => session.mark('note')}>
        Note <kbd>N</kbd>
      </button>
      {target && (
        <button title={`Move ${annotationName(target)} onto the selected words (${ANNOTATION_KEYS.setRange})`} aria-keyshortcuts="R" onClick={() => session.setRangeToSelection(target.id)}>
          Move {annotationName(target)} here <kbd>R</kbd>
        </button>
      )}
    </div>
  );
}
