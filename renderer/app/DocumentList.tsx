/** The project's documents, newest last, with rename and delete for each. */
import type { DocumentSummary } from '../../shared/model/document.js';
import { PencilIcon, PlusIcon, TrashIcon } from './icons.js';
import type { Workbench } from './use-workbench.js';

export function DocumentList({ documents, activeId, workbench }: { documents: DocumentSummary[]; activeId: string | null; workbench: Workbench }) {
  const { actions } = workbench;
  return (
    <nav class="sidebar" aria-labelledby="documents-title">
      <div class="sidebar-head">
        <h2 id="documents-title">
          Documents <span class="count">{documents.length}</span>
        </h2>
        <button class="with-icon" onClick={() => actions.setDialog({ kind: 'newDocument' })} title="Paste or type a new document">
          <PlusIcon /> New document
        </button>
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
