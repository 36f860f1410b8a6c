/**
 * Builds the ProseMirror editor for one document: the shared schema, undo history, the base
 * keymap, typed characters inserted by ProseMirror (./typed-text.ts), and a callback on every
 * change of the document.
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Plugin, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { documentKeys } from './document-keys.js';
import { typedTextPlugin } from './typed-text.js';

export interface EditorOptions {
  /** The element the editor mounts into. */
  mount: HTMLElement;
  /** The document to edit (its annotation details live in the annotation table plugin). */
  doc: ProseMirrorNode;
  /** Accessible name of the editable text, e.g. the document title. */
  label: string;
  /** Called after each change of the document or its annotations, with the new state and the change. */
  onChange: (state: EditorState, transaction: Transaction) => void;
  /** Plugins beside the editing basics (annotations, damage underlines, find); they come first. */
  plugins?: Plugin[];
}

/** Creates an editor view; the caller destroys it. */
export function createEditor({ mount, doc, label, onChange, plugins = [] }: EditorOptions): EditorView {
  const state = EditorState.create({
    doc,
    plugins: [...plugins, typedTextPlugin(), history(), keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }), documentKeys(), keymap(baseKeymap)],
  });
  // The view builds its DOM in a detached element that joins the page once complete: inserting a
  // long document's thousands of nodes into a connected tree costs the browser several times more.
  const dom = document.createElement('div');
  const view: EditorView = new EditorView({ mount: dom }, {
    state,
    attributes: { class: 'document-text', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'false' },
    dispatchTransaction(transaction) {
      const next = view.state.apply(transaction);
      view.updateState(next);
      if (transaction.docChanged) onChange(next, transaction);
    },
  });
  mount.appendChild(dom);
  return view;
}
