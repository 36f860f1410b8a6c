/**
 * Documents open read-only: the text is the source of record. Selecting, marking, finding,
 * copying and moving through the text all work; typing, deleting, pasting, cutting, dropping and
 * dragging change nothing. The analyst turns on edit mode on purpose ("Edit text"), and then the
 * text changes as in any editor; each change reaches main as a revision (./text-revision.ts).
 *
 * Three layers keep the words as published, each catching what the one before cannot:
 * - DOM events: `beforeinput`, paste, cut, drop and `dragstart` are cancelled, so the browser
 *   never changes the page's text behind ProseMirror (a drag inside a selection would move words).
 * - ProseMirror props: text input and key presses that would type are swallowed.
 * - `filterTransaction`: any transaction that would change the text is refused unless edit mode
 *   is on or it carries a revision note (a damage repair). Marking (annotation marks, the
 *   annotation table's steps) and selection always pass.
 */
import { isHistoryTransaction } from 'prosemirror-history';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { AddMarkStep, RemoveMarkStep, Step } from 'prosemirror-transform';
import type { EditorView } from 'prosemirror-view';
import { editorSchema } from '../../shared/editor-schema.js';
import { AnnotationTableStep, CheckStep } from './annotations/annotation-table.js';
import { isMainsDocument, revisionNoteOf } from './text-revision.js';

/** Whether the text may be edited. */
interface EditModeState {
  editing: boolean;
}

const editModeKey = new PluginKey<EditModeState>('editMode');

/** What the analyst is told when they try to change a read-only text. */
export const READ_ONLY_HINT = 'The text is read-only, as published. To change its words, turn on Edit text (Ctrl+Shift+E).';

/** Said when Ctrl+Z or redo would take back a text edit outside edit mode. */
export const UNDO_TEXT_HINT = 'The next undo would change the words: turn on Edit text (Ctrl+Shift+E) to undo text edits.';

/** True when the document in `state` is in edit mode. */
export function isEditing(state: EditorState): boolean {
  return editModeKey.getState(state)?.editing ?? false;
}

/** A transaction that turns edit mode on or off. */
export function setEditing(tr: Transaction, editing: boolean): Transaction {
  return tr.setMeta(editModeKey, { editing } satisfies EditModeState).setMeta('addToHistory', false);
}

/** True when a step changes marking only: annotation marks, or annotation details. */
function isMarkingStep(step: Step): boolean {
  if (step instanceof AnnotationTableStep || step instanceof CheckStep) return true;
  if (step instanceof AddMarkStep || step instanceof RemoveMarkStep) return step.mark.type === editorSchema.marks.annotation;
  // prosemirror-transform's MarkSetStep (not exported): the inverse of a mark step over text with
  // mixed marks, which undo of removing or moving an annotation across paragraphs makes.
  const inner = (step as { steps?: unknown }).steps;
  if (Array.isArray(inner) && inner.length > 0 && inner.every((s) => s instanceof Step)) return inner.every(isMarkingStep);
  return false;
}

/** True when `tr` would change the document's text (or its blocks, or their formatting). */
export function changesText(tr: Transaction): boolean {
  return tr.steps.some((step) => !isMarkingStep(step));
}

/** Input types of `beforeinput` that only move or select, which read-only text still allows. */
const HARMLESS_INPUT = new Set(['historyUndo', 'historyRedo']);

/**
 * The read-only guard. `onRefused` is told (the same hint at most once a second) when something tried to change
 * the text outside edit mode, so the analyst learns why nothing happened.
 */
export function readOnlyPlugin(onRefused: (hint: string) => void): Plugin<EditModeState> {
  let last = { hint: '', at: 0 };
  const refuse = (hint = READ_ONLY_HINT): true => {
    const now = Date.now();
    // Held keys and repeated drops say it once a second; another hint is said at once.
    if (hint !== last.hint || now - last.at > 1_000) {
      onRefused(hint);
      last = { hint, at: now };
    }
    return true;
  };
  const readOnly = (view: EditorView) => !isEditing(view.state);
  return new Plugin<EditModeState>({
    key: editModeKey,
    state: {
      init: () => ({ editing: false }),
      apply: (tr, value) => (tr.getMeta(editModeKey) as EditModeState | undefined) ?? value,
    },
    filterTransaction(tr, state) {
      if (isEditing(state) || !tr.docChanged || revisionNoteOf(tr) || isMainsDocument(tr) || !changesText(tr)) return true;
      // Undo of an edit made in edit mode, or anything else the props above did not stop.
      refuse(isHistoryTransaction(tr) ? UNDO_TEXT_HINT : READ_ONLY_HINT);
      return false;
    },
    props: {
      attributes: (state): Record<string, string> => (isEditing(state) ? { class: 'editing', 'aria-readonly': 'false' } : { 'aria-readonly': 'true' }),
      handleTextInput: (view) => (readOnly(view) ? refuse() : false),
      handleKeyPress: (view, event) => (readOnly(view) && event.charCode !== 0 && !event.ctrlKey && !event.metaKey ? refuse() : false),
      handleKeyDown(view, event) {
        if (!readOnly(view)) return false;
        // Keys that delete or split would change the text: ProseMirror's keymap must not see them.
        if (['Backspace', 'Delete', 'Enter'].includes(event.key) && !event.altKey) return refuse();
        return false;
      },
      handlePaste: (view) => (readOnly(view) ? refuse() : false),
      handleDrop: (view) => (readOnly(view) ? refuse() : false),
      handleDOMEvents: {
        beforeinput(view, event) {
          if (!readOnly(view) || HARMLESS_INPUT.has(event.inputType)) return false;
          event.preventDefault();
          return refuse();
        },
        // A drag of selected words would move them; in read-only text a drag does nothing.
        dragstart(view, event) {
          if (!readOnly(view)) return false;
          event.preventDefault();
          return true;
        },
        cut(view, event) {
          if (!readOnly(view)) return false;
          event.preventDefault();
          return refuse();
        },
      },
    },
  });
}
