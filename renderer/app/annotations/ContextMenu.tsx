/**
 * The right-click menu of the text: mark the selected words, and act on the annotation under the
 * pointer (select, move onto the selection, change kind, remove). A real menu for keyboards and
 * screen readers: focus starts on the first item, arrows move, Enter runs, Escape closes.
 */
import { useEffect, useRef } from 'preact/hooks';
import { ANNOTATION_KINDS } from '../../../shared/model/vocabulary.js';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { ANNOTATION_KEYS } from '../../editor/annotations/annotation-keymap.js';
import { annotationName, KIND_LABELS } from '../../editor/annotations/appearance.js';

/** Where the menu opened and for which annotation (innermost under the pointer), if any. */
export interface ContextMenuRequest {
  x: number;
  y: number;
  annotationId: string | null;
}

interface Item {
  label: string;
  shortcut?: string;
  disabled?: boolean;
  run: () => unknown;
}

function itemsFor(session: AnnotationSession, annotationId: string | null): Item[] {
  const words = session.hasSelectedWords();
  const items: Item[] = [
    { label: 'Mark as claim', shortcut: ANNOTATION_KEYS.claim, disabled: !words, run: () => session.mark('claim') },
    { label: 'Mark as source mention', shortcut: ANNOTATION_KEYS.sourceMention, disabled: !words, run: () => session.mark('sourceMention') },
    { label: 'Add a note', shortcut: ANNOTATION_KEYS.note, disabled: !words, run: () => session.mark('note') },
  ];
  const annotation = annotationId ? session.table()[annotationId] : undefined;
  if (!annotation) return items;
  const name = annotationName(annotation);
  items.push({ label: `Open ${name}`, run: () => session.select(annotation.id) });
  items.push({ label: `Move ${name} onto the selection`, shortcut: ANNOTATION_KEYS.setRange, disabled: !words, run: () => session.setRangeToSelection(annotation.id) });
  for (const kind of ANNOTATION_KINDS) {
    if (kind !== annotation.kind) items.push({ label: `Change to ${KIND_LABELS[kind].toLowerCase()}`, run: () => session.changeKind(annotation.id, kind) });
  }
  items.push({ label: `Remove ${name}`, shortcut: ANNOTATION_KEYS.remove, run: () => session.remove(annotation.id) });
  return items;
}

/** The menu's items, naming single keys only while they act (in edit mode a key types). */
function menuItems(session: AnnotationSession, annotationId: string | null, editing: boolean): Item[] {
  const items = itemsFor(session, annotationId);
  return editing ? items.map(({ shortcut: _shortcut, ...item }) => item) : items;
}

/** `editing`: the document is in edit mode, where single keys type rather than act. */
export function ContextMenu({ session, request, onClose, editing }: { session: AnnotationSession; request: ContextMenuRequest; onClose: () => void; editing: boolean }) {
  const menuRef = useRef<HTMLDivElement>(null);
  const items = menuItems(session, request.annotationId, editing);

  useEffect(() => {
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const closeOutside = (event: MouseEvent) => {
      if (!menuRef.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('mousedown', closeOutside);
    return () => window.removeEventListener('mousedown', closeOutside);
  }, [onClose]);

  const move = (event: KeyboardEvent) => {
    const entries = [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])') ?? [])];
    const at = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(at + step + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      onClose();
      session.view.focus();
    }
  };

  const run = (item: Item) => {
    if (item.disabled) return;
    onClose();
    session.view.focus();
    item.run();
  };

  return (
    <div ref={menuRef} class="context-menu" role="menu" aria-label="Annotation actions" style={{ top: `${request.y}px`, left: `${request.x}px` }} onKeyDown={move}>
      {items.map((item) => (
        <div
          key={item.label}
          role="menuitem"
          tabIndex={-1}
          aria-disabled={item.disabled ? 'true' : undefined}
          aria-keyshortcuts={item.shortcut}
          class="context-menu-item"
          onClick={() => run(item)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' || event.key === ' ') {
              event.preventDefault();
              run(item);
            }
          }}
        >
          <span>{item.label}</span>
          {item.shortcut && <kbd>{item.shortcut}</kbd>}
        </div>
      ))}
    </div>
  );
}
