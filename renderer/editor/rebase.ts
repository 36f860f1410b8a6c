/**
 * Merging a window's unsent work with a document as main holds it, when another window (a second
 * tab of the browser host, a second desktop window) changed the same document meanwhile. The
 * merge is record by record: every annotation either window added, changed or removed is kept as
 * that window left it, and where both changed the same annotation this window's change wins (it
 * is the later one: it has not reached main yet). Nothing is merged by position: annotations this
 * window changed are placed again on main's text from their refreshed anchors, which is exact when
 * the text is the same and falls back to the anchoring ladder (never other words) when it is not.
 *
 * Claim numbers a window gave while another window gave the same number to another claim are
 * renumbered past every number the project has issued, and said so: until main accepted it, a
 * number had not been published anywhere.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { projectDocument } from '../../shared/anchoring/index.js';
import { rewriteAnnotationMarks } from '../../shared/annotations/apply-marks.js';
import { reconcileDocument } from '../../shared/annotations/reconcile.js';
import { refreshAnchors } from '../../shared/annotations/refresh.js';
import { contentOf, documentNode, tableOf } from '../../shared/annotations/table.js';
import type { Annotation } from '../../shared/model/annotation.js';
import type { StoredDocument } from '../../shared/model/document.js';

/** The merged document, and what the analyst should be told about it. */
export interface Rebased {
  document: StoredDocument;
  /** Main's document as a node carrying its annotation table: what the next patch is made on. */
  main: ProseMirrorNode;
  /** The merged document as a node carrying its annotation table: what is sent. */
  merged: ProseMirrorNode;
  /** True when this window's changes are in it: it must be sent to main. */
  localChanges: boolean;
  /** Both windows changed the words: this window's text was kept (main keeps the other as a revision). */
  textConflict: boolean;
  /** Claims given a new number, as `C15 → C16`. */
  renumbered: string[];
  /** Annotations another window removed while this one changed them: kept, with this window's changes (their names, as `Claim C3`). */
  keptAfterRemoval: string[];
}

/** How an annotation is named to the analyst. */
function nameOf(annotation: Annotation): string {
  if (annotation.kind === 'claim') return `Claim ${annotation.shortId}`;
  return annotation.kind === 'note' ? `a note on “${annotation.anchor.quote.exact.slice(0, 40)}”` : `a source mention on “${annotation.anchor.quote.exact.slice(0, 40)}”`;
}

function claimNumber(annotation: Annotation): number {
  return annotation.kind === 'claim' ? Number(annotation.shortId.slice(1)) : 0;
}

/**
 * Merges `ours` (the editor's document, with its annotation table), made from `base` (what main
 * last accepted from this window, or opened it with), into `main` (the document as main holds it
 * now). `lastClaimNumber` is the highest claim number the project has issued.
 */
export function rebaseOnMain(main: StoredDocument, base: ProseMirrorNode, ours: ProseMirrorNode, lastClaimNumber: number): Rebased {
  const baseTable = tableOf(base);
  const ourTable = tableOf(ours);
  const refreshed = new Map(refreshAnchors(ours).map((a) => [a.id, a]));
  const changed = Object.keys(ourTable).filter((id) => ourTable[id] !== baseTable[id]);
  const removed = new Set(Object.keys(baseTable).filter((id) => !(id in ourTable)));
  const ourText = projectDocument(ours).text;
  const textChangedHere = ourText !== projectDocument(base).text;
  const textConflict = textChangedHere && projectDocument(documentNode(main.content, [])).text !== projectDocument(base).text;

  // Records: main's, less what this window removed, with what it added or changed. One this window
  // changed that the other removed is kept: nothing typed here is lost, and the analyst is told.
  const merged = new Map(main.annotations.filter((a) => !removed.has(a.id)).map((a) => [a.id, a]));
  const keptAfterRemoval = changed.filter((id) => id in baseTable && !merged.has(id)).map((id) => nameOf(ourTable[id]!));
  for (const id of changed) merged.set(id, refreshed.get(id)!);

  // Claim numbers given here that another claim holds in main's document.
  const renumbered: string[] = [];
  const holders = new Map(main.annotations.filter((a) => a.kind === 'claim').map((a) => [a.kind === 'claim' ? a.shortId : '', a.id]));
  let next = Math.max(lastClaimNumber, ...[...merged.values()].map(claimNumber));
  for (const id of changed) {
    const annotation = merged.get(id)!;
    if (annotation.kind !== 'claim') continue;
    const holder = holders.get(annotation.shortId);
    if (holder === undefined || holder === id) continue;
    const shortId = `C${(next += 1)}`;
    renumbered.push(`${annotation.shortId} → ${shortId}`);
    merged.set(id, { ...annotation, shortId });
  }

  // The text: this window's when it changed its words (its marks followed its edits), else main's,
  // with the marks of the annotations this window changed taken off to go on again from their
  // anchors. Reconciling trusts the marks there are, places every annotation without one (from its
  // anchor: exact, or the ladder, or an orphan) and drops the marks of removed ones.
  const mainNode = documentNode(main.content, main.annotations);
  const content = textChangedHere ? contentOf(ours) : contentOf(rewriteAnnotationMarks(mainNode, { remove: new Set(changed) }));
  const reconciled = reconcileDocument(content, [...merged.values()]);
  const localChanges = changed.length > 0 || removed.size > 0 || textChangedHere;
  return {
    document: { ...main, content: reconciled.content, annotations: reconciled.annotations },
    main: mainNode,
    merged: documentNode(reconciled.content, reconciled.annotations),
    localChanges,
    textConflict,
    renumbered,
    keptAfterRemoval,
  };
}

/** The message shown after a merge. */
export function mergeMessage({ localChanges, textConflict, renumbered, keptAfterRemoval }: Pick<Rebased, 'localChanges' | 'textConflict' | 'renumbered' | 'keptAfterRemoval'>): string {
  const parts = [localChanges ? 'Another window changed this document: its changes and yours are both kept.' : 'Updated with changes made in another window.'];
  if (textConflict) parts.push('Both windows changed the words; yours are kept here, and the other window’s are in the document’s revisions.');
  if (renumbered.length > 0) parts.push(`Claim numbers taken in the other window were given anew here: ${renumbered.join(', ')}.`);
  if (keptAfterRemoval.length > 0) parts.push(`The other window removed ${keptAfterRemoval.join(', ')} while you changed it here; it is kept with your changes. Remove it again if it should go.`);
  return parts.join(' ');
}
