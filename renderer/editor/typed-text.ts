/**
 * Typed characters go into the document as ProseMirror transactions, not through the browser's
 * own editing. ProseMirror normally lets the browser insert a typed character into the DOM and
 * reads the change back; in a long document the browser's typing command costs ~20 ms a key (it
 * lays out and walks the whole editable element) before ProseMirror even sees the change.
 * Inserting the character ourselves (what ProseMirror already does when the selection spans
 * blocks) leaves the browser one text node to update. Composition (IME, dead keys) is untouched:
 * ProseMirror does not ask for key presses while composing.
 */
import { Plugin, TextSelection, type Transaction } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';

/**
 * Where the browser's own selection is in the document, when it is in the editor. Right after a
 * click ProseMirror may not have read it yet; the browser would type there, so this does too.
 */
function domSelection(view: EditorView): { anchor: number; head: number } | null {
  const selection = (view.root as Document).getSelection?.();
  if (!selection?.anchorNode || !selection.focusNode || !view.dom.contains(selection.anchorNode) || !view.dom.contains(selection.focusNode)) return null;
  try {
    return { anchor: view.posAtDOM(selection.anchorNode, selection.anchorOffset), head: view.posAtDOM(selection.focusNode, selection.focusOffset) };
  } catch {
    return null;
  }
}

/** A transaction on the selection the analyst sees, to type over. */
function typing(view: EditorView): Transaction {
  const tr = view.state.tr;
  const seen = domSelection(view);
  const { anchor, head } = tr.selection;
  if (seen && (seen.anchor !== anchor || seen.head !== head)) tr.setSelection(TextSelection.create(tr.doc, seen.anchor, seen.head));
  return tr;
}

export function typedTextPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyPress(view, event) {
        const text = String.fromCharCode(event.charCode);
        if (event.charCode === 0 || /[\r\n]/.test(text)) return false;
        const tr = typing(view);
        const { from, to } = tr.selection;
        const insert = () => tr.insertText(text).scrollIntoView();
        if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) view.dispatch(insert());
        return true;
      },
    },
  });
}
