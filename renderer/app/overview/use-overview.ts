/**
 * Whether the reading area shows the project overview instead of the text, and the way from a claim
 * listed there to the claim in its document. The overview closes when another document is chosen
 * (or the open one is chosen again in the document list); the editor stays mounted beneath it, so
 * its undo history and unsent edits are kept.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Workbench } from '../use-workbench.js';
import type { Place } from './overview-model.js';

export function useOverview(workbench: Workbench) {
  const { document: doc, loadCount, actions } = workbench;
  const { session } = workbench.annotations;
  const [open, setOpen] = useState(false);
  /** The annotation to select once its document is in the editor. */
  const [pending, setPending] = useState<{ documentId: string; annotationId: string } | null>(null);

  useEffect(() => setOpen(false), [doc?.id, loadCount]);

  // Choosing the document already open in the document list changes nothing else: watch for it.
  useEffect(() => {
    if (!open) return undefined;
    const onClick = (event: MouseEvent) => {
      if ((event.target as Element | null)?.closest?.('.document-open')) setOpen(false);
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [open]);

  useEffect(() => {
    if (!pending || !session || doc?.id !== pending.documentId) return;
    // Right after a switch the session may still be the previous document's: wait for the new one.
    if (session.table()[pending.annotationId]) session.select(pending.annotationId, { reveal: true });
    else if (doc.annotations.some((a) => a.id === pending.annotationId)) return;
    setPending(null);
  }, [pending, session, doc]);

  return {
    open,
    toggle: () => setOpen((was) => !was),
    /** Leaves the overview for a place's document, with its annotation selected and in view. */
    openPlace: async (place: Place) => {
      setOpen(false);
      setPending({ documentId: place.documentId, annotationId: place.annotationId });
      await actions.selectDocument(place.documentId);
    },
  };
}
