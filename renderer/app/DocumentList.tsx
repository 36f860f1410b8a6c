/** The project's documents, newest last, with rename and delete for each. */
import type { DocumentSummary } from '../../shared/model/document.js';
import { ImportIcon, PencilIcon, PlusIcon, TrashIcon } from './icons.js';
import type { Workbench } from './use-workbench.js';

export function DocumentList({ documents, activeId, workbench }: { documents: DocumentSummary[]; activeId: string | null; workbench: Workbench }) {
  const { actions } = workbench;
  return (
    <nav class="sidebar" aria-labelledby="documents-title">
      <div class="sidebar-head">
        <h2 id="documents-title">
          Documents <span class="count">{documents.length}</span>
        </h2>
        <div class="sidebar-actions">
          <button class="with-icon" onClick={() => actions.setDialog({ kind: 'newDocument' })} title="Paste or type a new document">
            <PlusIcon /> New document
          </button>
          <button
            class="with-icon"
            onClick={() => workbench.runMenuCommand('importFiles')}
            title="Import .txt, .md, .html, .docx or .pdf files (or drop them on the window)"
          >
            <ImportIcon /> Import…
          </button>
        </div>
        <input
          id="import-files-input"
          type="file"
          multiple
          hidden
          aria-label="Files to import"
          accept=".txt,.md,.markdown,.html,.htm,.docx,.pdf,text/plain,text/markdown,text/html,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const files = [...(input.files ?? [])];
            input.value = '';
            if (files.length > 0) void actions.importUploads(files);
          }}
        />
      </div>
      {documents.length === 0 ? (
        <p class="muted empty">No documents yet. Add one by pasting its text.</p>
      ) : (
        <ul class="document-list">
          {documents.map((doc) => (
            <li key={doc.id} class={doc.id === activeId ? 'active' : ''}>
              <button class="document-open" aria-current={doc.id === activeId ? 'page' : undefined} onClick={() => void actions.selectDocument(doc.id)} dir="auto">
                {doc.title}
              </button>
              <span class="document-tools">
                <button class="icon-button" aria-label={`Rename ${doc.title}`} title="Rename" onClick={() => actions.setDialog({ kind: 'renameDocument', documentId: doc.id, title: doc.title })}>
                  <PencilIcon />
                </button>
                <button class="icon-button" aria-label={`Delete ${doc.title}`} title="Delete" onClick={() => actions.setDialog({ kind: 'deleteDocument', documentId: doc.id, title: doc.title })}>
                  <TrashIcon />
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
