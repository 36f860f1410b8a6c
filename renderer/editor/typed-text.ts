/**
 * Typed characters go into the document as ProseMirror transactions, not through the browser's
 * own editing. ProseMirror normally lets the browser insert a typed character into the DOM and
 * reads the change back; in a long document the browser's typing command costs ~20 ms a key (it
 * lays out and walks the whole editable element) before ProseMirror even sees the change.
 * Inserting the character ourselves (what ProseMirror already does when the selection spans
 * blocks) leaves the browser one text node to update. Composition (IME, dead keys) is untouched:
 * ProseMirror does not ask for key presses while composing.
 */
import { Plugin } from 'prosemirror-state';

export function typedTextPlugin(): Plugin {
  return new Plugin({
    props: {
      handleKeyPress(view, event) {
        const text = String.fromCharCode(event.charCode);
        if (event.charCode === 0 || /[\r\n]/.test(text)) return false;
        const { from, to } = view.state.selection;
        const insert = () => view.state.tr.insertText(text).scrollIntoView();
        if (!view.someProp('handleTextInput', (handle) => handle(view, from, to, text, insert))) view.dispatch(insert());
        return true;
      },
    },
  });
}
