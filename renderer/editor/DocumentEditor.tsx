/**
 * Shows one document in a ProseMirror view with its annotations, reports its edits (content and
 * refreshed annotation anchors) for saving, and hands the panels a controller, an annotation
 * session and a find controller. The text is read-only unless `editing` is on (./read-only.ts);
 * each change of the text is sent with the reason it was made, for main's revisions.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { useEffect, useRef } from 'preact/hooks';
import { documentNode } from '../../shared/annotations/table.js';
import type { StoredDocument } from '../../shared/model/document.js';
import { annotationKeymap } from './annotations/annotation-keymap.js';
import { annotationPlugin, annotationsAt } from './annotations/annotation-plugin.js';
import { annotationTable, annotationTablePlugin, withTable } from './annotations/annotation-table.js';
import { documentSenders } from './document-sender.js';
import { AnnotationSession, type AnnotationHost } from './annotations/annotation-session.js';
import type { AppearanceContext } from './annotations/appearance.js';
import { AnnotationPainter } from './annotations/painter.js';
import { createEditor } from './create-editor.js';
import type { ContentSync } from './content-sync.js';
import { damagePlugin } from './damage-plugin.js';
import { editorController, type EditorController } from './editor-controller.js';
import { findController, findPlugin, type FindController } from './find/index.js';
import { changesText, isEditing, readOnlyPlugin, setEditing } from './read-only.js';
import { isMainsDocument, revisionNoteOf, signed } from './text-revision.js';
import { windowingPlugin } from './windowing.js';

/** A right-click in the text that the annotation menu should answer. */
export interface TextMenuRequest {
  x: number;
  y: number;
  annotationId: string | null;
}

export interface DocumentEditorProps {
  document: StoredDocument;
  sync: ContentSync;
  /** What annotation changes need from the application; a stable object. */
  annotationHost: AnnotationHost;
  /** What annotation colours mean now. */
  appearance: AppearanceContext;
  /** True while the analyst edits the text on purpose ("Edit text"); otherwise it is read-only. */
  editing: boolean;
  /** Receives the controller when the editor is ready, and null when it goes away. */
  onController: (controller: EditorController | null) => void;
  /** Receives the annotation session when the editor is ready, and null when it goes away. */
  onSession: (session: AnnotationSession | null) => void;
  /** A right-click on selected words or on an annotation. */
  onTextMenu: (request: TextMenuRequest) => void;
  /** Receives the find controller when the editor is ready, and null when it goes away. */
  onFind: (find: FindController | null) => void;
}

/** The editor's document carrying its annotation table: what is sent to main. */
const snapshotOf = (state: EditorState): ProseMirrorNode => withTable(state.doc, annotationTable(state));

export function DocumentEditor({ document: doc, sync, annotationHost, appearance, editing, onController, onSession, onTextMenu, onFind }: DocumentEditorProps) {
  const mountRef = useRef<HTMLDivElement>(null);
  const painterRef = useRef<AnnotationPainter | null>(null);
  const appearanceRef = useRef(appearance);
  appearanceRef.current = appearance;
  const viewRef = useRef<EditorView | null>(null);

  useEffect(() => {
    const mount = mountRef.current;
    if (!mount) return;
    let session: AnnotationSession | null = null;
    const painter = new AnnotationPainter(appearanceRef.current);
    painterRef.current = painter;
    const view = createEditor({
      mount,
      doc: documentNode(doc.content, []),
      label: `Text of ${doc.title}`,
      onChange: (next, tr) => isMainsDocument(tr) || sync.changed(doc.id, () => snapshotOf(next), changesText(tr) ? signed(revisionNoteOf(tr) ?? { reason: 'edit' }) : undefined),
      plugins: [
        readOnlyPlugin((hint) => annotationHost.notify(hint)),
        annotationTablePlugin(doc.annotations),
        annotationKeymap(() => session),
        annotationPlugin(painter, {
          onUpdate: (_view, previous) => session?.changed(previous),
          onContextMenu: (editorView, event) => {
            const at = editorView.posAtCoords({ left: event.clientX, top: event.clientY });
            const annotationId = at ? (annotationsAt(editorView.state.doc, at.pos)[0] ?? null) : null;
            if (!annotationId && editorView.state.selection.empty) return;
            event.preventDefault();
            onTextMenu({ x: event.clientX, y: event.clientY, annotationId });
          },
        }),
        damagePlugin(doc.damage),
        findPlugin(),
        windowingPlugin(),
      ],
    });
    viewRef.current = view;
    sync.begin(doc, snapshotOf(view.state), documentSenders, () => snapshotOf(view.state));
    session = new AnnotationSession(view, annotationHost, painter);
    onController(editorController(view));
    onSession(session);
    onFind(findController(view));
    return () => {
      onController(null);
      onSession(null);
      onFind(null);
      painterRef.current = null;
      viewRef.current = null;
      void sync.close(doc.id);
      view.destroy();
    };
    // One editor per loaded document object: a reload from disk gives a new object and a new editor.
    // Later updates of the same document (metadata, a damage check) reach it through the controller.
  }, [doc.id, doc.createdAt, sync, onController, onSession, annotationHost, onTextMenu, onFind]);

  useEffect(() => {
    painterRef.current?.setContext(appearance);
  }, [appearance]);

  useEffect(() => {
    const view = viewRef.current;
    if (view && isEditing(view.state) !== editing) view.dispatch(setEditing(view.state.tr, editing));
  }, [editing, doc.id, doc.createdAt]);

  return <div ref={mountRef} class="editor-mount" dir={doc.meta.direction} />;
}
