/**
 * Preact hooks over an annotation session. The list follows annotation changes at once and text
 * edits shortly after (finding every annotation's place walks the whole document, too much for
 * every keystroke on a long text); the selection state follows every change but re-renders only
 * when it differs.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { annotationRanges } from '../../../shared/annotations/ranges.js';
import type { AnnotationTable } from '../../../shared/annotations/table.js';
import { annotationTable } from '../../editor/annotations/annotation-table.js';
import { textOf } from '../../editor/annotations/annotation-commands.js';
import type { AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { listAnnotations, type AnnotationListing } from './panel-model.js';

/** How long after the last text edit the list catches up. */
const LIST_DELAY_MS = 250;

export interface AnnotationsView {
  table: AnnotationTable;
  listing: AnnotationListing;
  activeId: string | null;
  /**
   * The words a placed annotation covers now (stored quotes catch up only when saved); undefined
   * for an orphan. Read on demand: the panel shows a few dozen of thousands.
   */
  words: (id: string) => string | undefined;
}

/** The session's annotations in document order, with the active one. */
export function useAnnotations(session: AnnotationSession): AnnotationsView {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let activeId = session.activeId();
    const bump = () => {
      if (timer) clearTimeout(timer);
      timer = null;
      setVersion((v) => v + 1);
    };
    const off = session.subscribe((previous) => {
      const state = session.state;
      const activeChanged = session.activeId() !== activeId;
      activeId = session.activeId();
      if (!previous || activeChanged || annotationTable(previous) !== annotationTable(state)) bump();
      else if (previous.doc !== state.doc) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(bump, LIST_DELAY_MS);
      }
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [session]);
  return useMemo(() => {
    const doc = session.state.doc;
    const table = session.table();
    const ranges = annotationRanges(doc);
    const known = new Map<string, string>();
    const words = (id: string): string | undefined => {
      const range = ranges.get(id);
      if (!range) return undefined;
      let text = known.get(id);
      if (text === undefined) known.set(id, (text = textOf(doc, range)));
      return text;
    };
    return { table, listing: listAnnotations(table, ranges), activeId: session.activeId(), words };
    // `version` is the signal that the session changed.
  }, [session, version]);
}

/** Where the selected words are on screen, or null when nothing is selected or the text lost focus. */
export interface SelectionBox {
  top: number;
  left: number;
  bottom: number;
}

/** The screen box of the selected words, updated as the selection moves or the text scrolls. */
export function useSelectionBox(session: AnnotationSession, scroller: HTMLElement | null): SelectionBox | null {
  const [box, setBox] = useState<SelectionBox | null>(null);
  useEffect(() => {
    // While the mouse is selecting, the toolbar waits: it appears when the words are chosen.
    let selecting = false;
    // Measuring asks the browser for layout: once per frame, after the change has been drawn,
    // never inside the transaction that made it.
    let frame = 0;
    const measureNow = () => {
      frame = 0;
      const { view } = session;
      const next = !selecting && session.hasSelectedWords() && view.hasFocus() ? boxOf(session) : null;
      setBox((current) => (sameBox(current, next) ? current : next));
    };
    const measure = () => {
      if (frame === 0) frame = requestAnimationFrame(measureNow);
    };
    const startSelecting = () => {
      selecting = true;
      measure();
    };
    const stopSelecting = () => {
      if (!selecting) return;
      selecting = false;
      measure();
    };
    const off = session.subscribe(measure);
    const dom = session.view.dom;
    dom.addEventListener('focus', measure);
    dom.addEventListener('blur', measure);
    dom.addEventListener('mousedown', startSelecting);
    window.addEventListener('mouseup', stopSelecting);
    scroller?.addEventListener('scroll', measure, { passive: true });
    measure();
    return () => {
      off();
      cancelAnimationFrame(frame);
      dom.removeEventListener('focus', measure);
      dom.removeEventListener('blur', measure);
      dom.removeEventListener('mousedown', startSelecting);
      window.removeEventListener('mouseup', stopSelecting);
      scroller?.removeEventListener('scroll', measure);
    };
  }, [session, scroller]);
  return box;
}

function boxOf(session: AnnotationSession): SelectionBox {
  const { from, to } = session.state.selection;
  const start = session.view.coordsAtPos(from, 1);
  const end = session.view.coordsAtPos(to, -1);
  return { top: Math.min(start.top, end.top), left: Math.min(start.left, end.left), bottom: Math.max(start.bottom, end.bottom) };
}

function sameBox(a: SelectionBox | null, b: SelectionBox | null): boolean {
  return a === b || (a !== null && b !== null && a.top === b.top && a.left === b.left && a.bottom === b.bottom);
}
