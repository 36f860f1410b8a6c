/**
 * The workbench's annotation state: the open editor's annotation session, what colours mean
 * ("colour by", remembered on this machine), the card that should take the keyboard, the text's
 * right-click menu, the find bar (find, then mark a match), and the claim numbering. Claim short ids are handed out here, project-wide,
 * from the highest number main has seen and every claim made since, so a number is never given twice.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tagRows } from '../../../shared/codebook/tree.js';
import type { ProjectView } from '../../../shared/contract.js';
import type { StoredDocument } from '../../../shared/model/document.js';
import { activeScale } from '../../../shared/model/queries.js';
import type { AnnotationHost, AnnotationSession } from '../../editor/annotations/annotation-session.js';
import { COLOUR_BY, type AppearanceContext, type ColourBy } from '../../editor/annotations/appearance.js';
import type { TextMenuRequest } from '../../editor/DocumentEditor.js';
import type { FindController } from '../../editor/find/index.js';

const COLOUR_BY_KEY = 'factmark.colourBy';

function storedColourBy(): ColourBy {
  const stored = globalThis.localStorage?.getItem(COLOUR_BY_KEY);
  return (COLOUR_BY as readonly string[]).includes(stored ?? '') ? (stored as ColourBy) : 'kind';
}

/** The number of a claim short id (`C12` → 12), or 0. */
function claimNumber(shortId: string): number {
  return Number(/^C(\d+)$/.exec(shortId)?.[1] ?? 0);
}

export function useAnnotationTools({ project, document, notify }: { project: ProjectView | null; document: StoredDocument | null; notify: (message: string) => void }) {
  const [session, setSession] = useState<AnnotationSession | null>(null);
  const [colourBy, setColourByState] = useState<ColourBy>(storedColourBy);
  // The card of a new annotation takes the keyboard once; the request is cleared when it has.
  const [focusRequest, setFocusRequest] = useState<{ id: string; count: number } | null>(null);
  const focusTaken = useCallback(() => setFocusRequest(null), []);
  const [textMenu, setTextMenu] = useState<TextMenuRequest | null>(null);
  const [find, setFind] = useState<FindController | null>(null);
  const [findOpen, setFindOpen] = useState(false);
  /** Opens the find bar, or puts the keyboard back in it when it is open. */
  const openFind = useCallback(() => {
    setFindOpen(true);
    globalThis.document?.getElementById('find-input')?.focus();
  }, []);
  const closeFind = useCallback(() => setFindOpen(false), []);
  const lastClaimNumber = useRef(0);
  const tags = useMemo(() => project?.project.tags ?? [], [project]);
  // Number keys follow the order the codebook shows its tags in.
  const orderedTags = useMemo(() => tagRows(tags).map((row) => row.tag), [tags]);
  const orderRef = useRef<string[]>([]);
  orderRef.current = orderedTags.map((t) => t.id);

  // Main's count, and the claims of each opened document, only ever raise the counter.
  useEffect(() => {
    lastClaimNumber.current = Math.max(lastClaimNumber.current, project?.project.lastClaimNumber ?? 0);
  }, [project]);
  useEffect(() => {
    for (const a of document?.annotations ?? []) if (a.kind === 'claim') lastClaimNumber.current = Math.max(lastClaimNumber.current, claimNumber(a.shortId));
  }, [document]);
  useEffect(() => {
    if (!project) lastClaimNumber.current = 0;
  }, [project]);

  const host = useMemo<AnnotationHost>(
    () => ({
      nextShortId: () => `C${++lastClaimNumber.current}`,
      tagOrder: () => orderRef.current,
      notify,
      onCreated: (id) => setFocusRequest((previous) => ({ id, count: (previous?.count ?? 0) + 1 })),
    }),
    [notify],
  );

  const appearance = useMemo<AppearanceContext>(() => {
    const scale = project ? activeScale(project.project) : null;
    return {
      colourBy,
      tags: new Map(tags.map((t) => [t.id, t])),
      levels: new Map((scale?.levels ?? []).map((l) => [l.id, l])),
      sources: new Map((project?.project.sources ?? []).map((s) => [s.id, s])),
    };
  }, [colourBy, tags, project]);

  const setColourBy = useCallback((next: ColourBy) => {
    setColourByState(next);
    globalThis.localStorage?.setItem(COLOUR_BY_KEY, next);
  }, []);

  const levels = useMemo(() => [...appearance.levels.values()], [appearance]);
  return { session, setSession, host, appearance, setColourBy, focusRequest, focusTaken, find, setFind, findOpen, openFind, closeFind, textMenu, setTextMenu, tags: orderedTags, levels };
}

export type AnnotationTools = ReturnType<typeof useAnnotationTools>;
