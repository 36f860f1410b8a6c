/**
 * Builds the ProseMirror editor for one document: the shared schema, undo history, the base
 * keymap, and a callback on every change of the document.
 */
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, type Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { editorSchema } from '../../shared/editor-schema.js';
import type { ContentNode } from '../../shared/model/document.js';

export interface EditorOptions {
  /** The element the editor mounts into. */
  mount: HTMLElement;
  content: ContentNode;
  /** Accessible name of the editable text, e.g. the document title. */
  label: string;
  onChange: (doc: ProseMirrorNode) => void;
  /** Plugins beside the editing basics (damage underlines, later annotations). */
  plugins?: Plugin[];
}

/** Creates an editor view; the caller destroys it. */
export function createEditor({ mount, content, label, onChange, plugins = [] }: EditorOptions): EditorView {
  const state = EditorState.create({
    doc: ProseMirrorNode.fromJSON(editorSchema, content),
    plugins: [
      history(),
      keymap({ 'Mod-z': undo, 'Shift-Mod-z': redo, 'Mod-y': redo }),
      keymap(baseKeymap),
      ...plugins,
    ],
  });
  const view: EditorView = new EditorView(mount, {
    state,
    attributes: { class: 'document-text', role: 'textbox', 'aria-multiline': 'true', 'aria-label': label, spellcheck: 'false' },
    dispatchTransaction(transaction) {
      const next = view.state.apply(transaction);
      view.updateState(next);
      if (transaction.docChanged) onChange(next.doc);
    },
  });
  return view;
}
