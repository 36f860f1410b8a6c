/**
 * What the panels may ask of the open editor: show a damaged span, repair it as a recorded revision,
 * replace the damage warnings after a new check, and show another window's work merged in. Panels hold this, never the EditorView.
 * A repair changes the words of a read-only document on purpose: its transaction is a revision
 * (./text-revision.ts) whose detail names the warning it answers.
 */
import { TextSelection } from 'prosemirror-state';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorView } from 'prosemirror-view';
import { DAMAGE_LABELS, type DamageWarning } from '../../shared/model/damage.js';
import { findWarning, withWarnings } from './damage-plugin.js';
import { annotationTable, changeTable } from './annotations/annotation-table.js';
import { showMerged } from './show-merged.js';
import { asRevision } from './text-revision.js';

export interface EditorController {
  /** Selects the span of warning `index` and scrolls it into view; false when its words are gone. */
  revealWarning(index: number): boolean;
  /** Replaces the span of warning `index` with `replacement` as a revision (not a step of text undo); false when gone. */
  repairWarning(index: number, replacement: string): boolean;
  /** Shows a new set of warnings (offsets over the current text). */
  setWarnings(warnings: readonly DamageWarning[]): void;
  /** Shows the document merged with another window's work (./show-merged.ts), in place. */
  showMerged(merged: ProseMirrorNode): void;
  /**
   * Gives the claim numbered `taken` the number `next` (another window gave `taken` first); no
   * step of the undo history. False when no claim here has that number.
   */
  renumberClaim(taken: string, next: string): boolean;
}

/** The longest revision detail main accepts (shared/contract-validation.ts). */
const REVISION_DETAIL_MAX = 2_000;

export function editorController(view: EditorView): EditorController {
  return {
    revealWarning(index) {
      const placed = findWarning(view.state, index);
      if (!placed) return false;
      view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, placed.from, placed.to)).scrollIntoView());
      view.focus();
      return true;
    },
    repairWarning(index, replacement) {
      const placed = findWarning(view.state, index);
      if (!placed) return false;
      const { warning } = placed;
      const detail = `${DAMAGE_LABELS[warning.kind]} “${warning.excerpt}”: ${warning.message}`;
      // A repair is a recorded revision, not a step of the text's undo history: it is taken back
      // from the document's revisions (restore), never by Ctrl+Z in read-only text.
      const tr = view.state.tr.insertText(replacement, placed.from, placed.to).setMeta('addToHistory', false);
      view.dispatch(asRevision(tr, { reason: 'repair', detail: detail.slice(0, REVISION_DETAIL_MAX) }).scrollIntoView());
      return true;
    },
    setWarnings(warnings) {
      view.dispatch(withWarnings(view.state.tr, warnings));
    },
    showMerged: (merged) => showMerged(view, merged),
    renumberClaim(taken, next) {
      const table = annotationTable(view.state);
      const claim = Object.values(table).find((annotation) => annotation.kind === 'claim' && annotation.shortId === taken);
      if (claim?.kind !== 'claim') return false;
      view.dispatch(changeTable(view.state.tr, table, { [claim.id]: { ...claim, shortId: next } }).setMeta('addToHistory', false));
      return true;
    },
  };
}
