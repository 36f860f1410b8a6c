/** Shows one document in a ProseMirror view and reports its edits to the content sync. */
import type { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'preact/hooks';
import type { StoredDocument } from '../../shared/model/document.js';
import { createEditor } from './create-editor.js';
import type { ContentSync } from './content-sync.js';

export interface DocumentEditorProps {
  document: StoredDocument;
  sync: ContentSync;
}

export function DocumentEditor({ document: doc, sync }: DocumentEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const view = createEditor({
      mount,
      content: doc.content,
      label: `Text of ${doc.title}`,
      onChange: (next) => sync.changed(doc.id, () => next.toJSON() as StoredDocument['content']),
    });
    viewRef.current = view;
    return () => {
      void sync.flush();
      view.destroy();
      viewRef.current = null;
    };
    // One editor per loaded document object: a reload from disk gives a new object and a new editor.
  }, [doc, sync]);

  return <div ref={mountRef} class="editor-mount" dir={doc.meta.direction} />;
}
