/** Shows one document in a ProseMirror view, reports its edits, and hands panels a controller. */
import { useEffect, useRef } from 'preact/hooks';
import { contentOf, tableOf } from '../../shared/annotations/table.js';
import type { StoredDocument } from '../../shared/model/document.js';
import { createEditor } from './create-editor.js';
import type { ContentSync } from './content-sync.js';
import { damagePlugin } from './damage-plugin.js';
import { editorController, type EditorController } from './editor-controller.js';

export interface DocumentEditorProps {
  document: StoredDocument;
  sync: ContentSync;
  /** Receives the controller when the editor is ready, and null when it goes away. */
  onController: (controller: EditorController | null) => void;
}

export function DocumentEditor({ document: doc, sync, onController }: DocumentEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    const view = createEditor({
      mount,
      content: doc.content,
      label: `Text of ${doc.title}`,
      onChange: (next) => sync.changed(doc.id, () => ({ content: contentOf(next), annotations: Object.values(tableOf(next)) })),
      plugins: [damagePlugin(doc.damage)],
    });
    onController(editorController(view));
    return () => {
      onController(null);
      void sync.flush();
      view.destroy();
    };
    // One editor per loaded document object: a reload from disk gives a new object and a new editor.
    // Later updates of the same document (metadata, a damage check) reach it through the controller.
  }, [doc.id, doc.createdAt, sync, onController]);

  return <div ref={mountRef} class="editor-mount" dir={doc.meta.direction} />;
}
