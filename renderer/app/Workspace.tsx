/** The open project: header, document list, the document itself, the side panel and the save status. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ProjectView } from '../../shared/contract.js';
import { ConflictBanner, SaveIndicator } from './SaveIndicator.js';
import { DocumentList } from './DocumentList.js';
import { useOverview } from './overview/use-overview.js';
import { ImportIcon, PlusIcon } from './icons.js';
import { SidePanel } from './SidePanel.js';
import { ThemePicker } from './ThemePicker.js';
import { lazyModule, preloadWhenIdle, useLazy } from './use-lazy.js';
import type { Workbench } from './use-workbench.js';
import type { ExportReportDialogProps } from './report/ExportReportDialog.js';
import { lazyPart, NotLoaded } from './lazy-part.js';
import { Dialog } from './Dialog.js';

// Not needed to show a project: loaded on first use (or once the page is idle), from their own
// chunks. The editor brings ProseMirror; the export dialog markdown-it.
const editorModule = lazyModule(() => import('../editor/DocumentEditor.js'));
const findModule = lazyModule(() => import('./FindBar.js'));
const overviewModule = lazyModule(() => import('./overview/OverviewPane.js'));
const exportModule = lazyModule(() => import('./report/ExportReportDialog.js'));
const toolbarModule = lazyModule(() => import('./annotations/SelectionToolbar.js'));
const contextMenuModule = lazyModule(() => import('./annotations/ContextMenu.js'));

const LazyDocumentEditor = lazyPart(editorModule, (module) => module.DocumentEditor, 'editor');
const LazyFindBar = lazyPart(findModule, (module) => module.FindBar, 'find bar', true);
const LazyOverviewPane = lazyPart(overviewModule, (module) => module.OverviewPane, 'overview');
const LazySelectionToolbar = lazyPart(toolbarModule, (module) => module.SelectionToolbar, 'selection toolbar', true);
const LazyContextMenu = lazyPart(contextMenuModule, (module) => module.ContextMenu, 'menu', true);

function LazyExportReportDialog(props: ExportReportDialogProps) {
  const state = useLazy(exportModule);
  if (state.status === 'ready') return <state.module.ExportReportDialog {...props} />;
  return (
    <Dialog title="Export report" onClose={props.onClose}>
      <NotLoaded state={state} what="export dialog" />
      <div class="dialog-buttons">
        <button type="button" onClick={props.onClose}>Close</button>
      </div>
    </Dialog>
  );
}

export function Workspace({ view, workbench }: { view: ProjectView; workbench: Workbench }) {
  const { document: doc, saveStatus, actions, sync, settings, annotations: tools } = workbench;
  const [reader, setReader] = useState<HTMLElement | null>(null);
  const overview = useOverview(workbench);
  const closeMenu = useCallback(() => tools.setTextMenu(null), [tools.setTextMenu]);
  useEffect(() => preloadWhenIdle(editorModule, findModule, overviewModule, exportModule, toolbarModule, contextMenuModule), []);
  return (
    <div class="workspace">
      <header class="topbar">
        <img src="icon.svg" alt="" width={22} height={22} />
        <h1 class="project-name" dir="auto" title={view.path}>{view.project.name}</h1>
        <SaveIndicator status={saveStatus} />
        <span class="spacer" />
        <button aria-pressed={overview.open} onClick={overview.toggle} title="Counts of claims, verdicts and sources across the project">Overview</button>
        <button onClick={() => workbench.runMenuCommand('exportReport')} title="Export a report of the project (Ctrl+E)">Export…</button>
        <button onClick={() => void actions.save()} title="Save now (Ctrl+S)">Save</button>
        <ThemePicker theme={settings.theme} onChange={(t) => void actions.setTheme(t)} />
        <button onClick={() => void actions.closeProject()} title="Close project (Ctrl+W)">Close project</button>
      </header>
      {saveStatus.error?.code === 'CHANGED_ON_DISK' && <ConflictBanner onChoose={(c) => void actions.resolveConflict(c)} />}
      <div class="panes">
        <DocumentList documents={view.project.documents} activeId={doc?.id ?? null} workbench={workbench} />
        <main class="reader" aria-label="Document" ref={setReader}>
          {overview.open && <LazyOverviewPane view={view} flushEdits={() => sync.flush()} onProjectView={actions.applyProjectView} onOpenPlace={(place) => void overview.openPlace(place)} />}
          {doc && !overview.open && tools.findOpen && tools.find && (
            <LazyFindBar controller={tools.find} onMarkClaim={(range) => tools.session?.mark('claim', range)} onClose={tools.closeFind} />
          )}
          {doc ? (
            <article class="document" hidden={overview.open}>
              <header class="document-head">
                <div class="document-title-row">
                  <h2 dir="auto">{doc.title}</h2>
                  <button
                    class="edit-text-toggle"
                    aria-pressed={workbench.editingText}
                    onClick={() => workbench.runMenuCommand('toggleEditText')}
                    title="The text is read-only as published. Edit it on purpose; every change is kept as a revision (Ctrl+Shift+E)"
                  >
                    Edit text
                  </button>
                </div>
                <p class="document-meta" dir="auto">
                  {[doc.meta.outlet, doc.meta.author, doc.meta.published].filter(Boolean).join(' · ') || 'No source details yet'}
                </p>
                {workbench.editingText && (
                  <p class="edit-mode-banner">
                    <strong>Editing the text.</strong> Every change is kept as a revision beside the original as imported. Press Ctrl+Shift+E or “Edit text” to finish.
                  </p>
                )}
              </header>
              <LazyDocumentEditor
                key={`${doc.id}:${workbench.loadCount}`}
                document={doc}
                sync={sync}
                annotationHost={tools.host}
                appearance={tools.appearance}
                editing={workbench.editingText}
                onController={workbench.setEditorController}
                onSession={tools.setSession}
                onTextMenu={tools.setTextMenu}
                onFind={tools.setFind}
              />
              {tools.session && <LazySelectionToolbar session={tools.session} scroller={reader} editing={workbench.editingText} />}
              {tools.session && tools.textMenu && <LazyContextMenu session={tools.session} request={tools.textMenu} onClose={closeMenu} editing={workbench.editingText} />}
            </article>
          ) : (
            <div class="placeholder" hidden={overview.open}>
              <p>{view.project.documents.length > 0 ? 'Choose a document on the left to read and mark it up.' : 'Add the first document: paste its text, or import a file (.txt, .md, .html, .docx, .pdf).'}</p>
              <div class="placeholder-actions">
                <button class="primary with-icon" onClick={() => actions.setDialog({ kind: 'newDocument' })}>
                  <PlusIcon /> New document
                </button>
                <button class="with-icon" onClick={() => workbench.runMenuCommand('importFiles')}>
                  <ImportIcon /> Import files…
                </button>
              </div>
            </div>
          )}
        </main>
        <SidePanel view={view} workbench={workbench} />
      </div>
      {workbench.dialog?.kind === 'exportReport' && (
        <LazyExportReportDialog project={view.project} nativeDialogs={workbench.info?.nativeDialogs ?? false} flushEdits={() => sync.flush()} onProjectView={actions.applyProjectView} onClose={() => actions.setDialog(null)} />
      )}
    </div>
  );
}
