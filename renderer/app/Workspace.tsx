/** The open project: header, document list, the document itself, and the save status. */
import type { ProjectView } from '../../shared/contract.js';
import { DocumentEditor } from '../editor/DocumentEditor.js';
import { ConflictBanner, SaveIndicator } from './SaveIndicator.js';
import { DocumentList } from './DocumentList.js';
import { PlusIcon } from './icons.js';
import { ThemePicker } from './ThemePicker.js';
import type { Workbench } from './use-workbench.js';

export function Workspace({ view, workbench }: { view: ProjectView; workbench: Workbench }) {
  const { document: doc, saveStatus, actions, sync, settings } = workbench;
  return (
    <div class="workspace">
      <header class="topbar">
        <img src="icon.svg" alt="" width={22} height={22} />
        <h1 class="project-name" dir="auto" title={view.path}>{view.project.name}</h1>
        <SaveIndicator status={saveStatus} />
        <span class="spacer" />
        <button onClick={() => void actions.save()} title="Save now (Ctrl+S)">Save</button>
        <ThemePicker theme={settings.theme} onChange={(t) => void actions.setTheme(t)} />
        <button onClick={() => void actions.closeProject()} title="Close project (Ctrl+W)">Close project</button>
      </header>
      {saveStatus.error?.code === 'CHANGED_ON_DISK' && <ConflictBanner onChoose={(c) => void actions.resolveConflict(c)} />}
      <div class="panes">
        <DocumentList documents={view.project.documents} activeId={doc?.id ?? null} workbench={workbench} />
        <main class="reader" aria-label="Document">
          {doc ? (
            <article class="document">
              <header class="document-head">
                <h2 dir="auto">{doc.title}</h2>
                <p class="document-meta">
                  <span title="SHA-256 of the document's text: the same text always gives the same fingerprint">
                    Fingerprint <code>{doc.fingerprint.slice(0, 12)}…</code>
                  </span>
                </p>
              </header>
              <DocumentEditor document={doc} sync={sync} />
            </article>
          ) : (
            <div class="placeholder">
              <p>{view.project.documents.length > 0 ? 'Choose a document on the left to read and mark it up.' : 'Add the first document: paste the text of an article, transcript or statement.'}</p>
              <button class="primary with-icon" onClick={() => actions.setDialog({ kind: 'newDocument' })}>
                <PlusIcon /> New document
              </button>
            </div>
          )}
        </main>
      </div>
    </div>
  );
}
