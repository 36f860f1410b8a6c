/**
 * The floating toolbar over selected words: mark them as a claim, source mention or note, or move
 * the current annotation onto them. Buttons keep the text selection (mouse down does not take
 * focus), and their names and tooltips give the single-key shortcut while it acts (not in edit mode).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { ANNOTATION_KEYS } from '../../editor/annotations/annotation-keymap.js';
import { annotationName } from '../../editor/annotations/appearance.js';
import { useSelectionBox } from './use-annotations.js';

/** `editing`: the document is in edit mode (the page's state, which the editor follows after this render). */
export function SelectionToolbar({ session, scroller, editing }: { session: AnnotationSession; scroller: HTMLElement | null; editing: boolean }) {
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
  // In edit mode a key types over the selection, so the buttons name no key there.
  const keys = !editing;
  const key = (label: string, shortcut: string) => ({ title: keys ? `${label} (${shortcut})` : label, ...(keys ? { 'aria-keyshortcuts': shortcut } : {}) });
  const hint = (shortcut: string) => keys && <kbd>{shortcut}</kbd>;
  return (
    <div class="selection-toolbar" role="toolbar" aria-label="Annotate selected words" ref={toolbarRef} style={{ top: `${top}px`, left: `${left}px` }} onMouseDown={keep}>
      <button class="kind-claim" {...key('Mark as claim', ANNOTATION_KEYS.claim)} onClick={() => session.mark('claim')}>
        Claim {hint('C')}
      </button>
      <button class="kind-sourceMention" {...key('Mark as source mention', ANNOTATION_KEYS.sourceMention)} onClick={() => session.mark('sourceMention')}>
        Source {hint('S')}
      </button>
      <button class="kind-note" {...key('Add a note', ANNOTATION_KEYS.note)} onClick={() => session.mark('note')}>
        Note {hint('N')}
      </button>
      {target && (
        <button {...key(`Move ${annotationName(target)} onto the selected words`, ANNOTATION_KEYS.setRange)} onClick={() => session.setRangeToSelection(target.id)}>
          Move {annotationName(target)} here {hint('R')}
        </button>
      )}
    </div>
  );
}
