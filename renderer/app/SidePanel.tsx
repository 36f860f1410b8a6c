/**
 * The panel beside the text, in three tabs: the document's annotations, the project's codebook,
 * and the document's information. Choosing an annotation in the text, or making one, brings the
 * Annotations tab forward. Tabs follow the WAI-ARIA tabs pattern (arrow keys move between them).
 */
import { useEffect, useState } from 'preact/hooks';
import type { ProjectView } from '../../shared/contract.js';
import { CodebookPanel } from './codebook/CodebookPanel.js';
import { lazyPart } from './lazy-part.js';
import { lazyModule, preloadWhenIdle } from './use-lazy.js';
import type { Workbench } from './use-workbench.js';

// A project without a document open shows the codebook; the other tabs load on first use (or once
// the page is idle): the annotations panel brings the claim forms and ProseMirror with it.
const annotationsModule = lazyModule(() => import('./annotations/AnnotationsPanel.js'));
const sourcesModule = lazyModule(() => import('./sources/SourcesPanel.js'));
const documentInfoModule = lazyModule(() => import('./DocumentInfo.js'));
const AnnotationsPanel = lazyPart(annotationsModule, (module) => module.AnnotationsPanel, 'annotations panel');
const SourcesPanel = lazyPart(sourcesModule, (module) => module.SourcesPanel, 'sources panel');
const DocumentInfo = lazyPart(documentInfoModule, (module) => module.DocumentInfo, 'document information');

const TABS = [
  { id: 'annotations', label: 'Annotations' },
  { id: 'codebook', label: 'Codebook' },
  { id: 'sources', label: 'Sources' },
  { id: 'document', label: 'Document' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function SidePanel({ view, workbench }: { view: ProjectView; workbench: Workbench }) {
  const { document: doc, annotations: tools, actions } = workbench;
  const [tab, setTab] = useState<TabId>('annotations');
  const { session } = tools;
  useEffect(() => preloadWhenIdle(annotationsModule, sourcesModule, documentInfoModule), []);

  useEffect(() => {
    if (!session) return undefined;
    let active = session.activeId();
    return session.subscribe(() => {
      const next = session.activeId();
      if (next && next !== active) setTab('annotations');
      active = next;
    });
  }, [session]);
  useEffect(() => {
    if (tools.focusRequest) setTab('annotations');
  }, [tools.focusRequest]);

  const tabs = TABS.filter((t) => doc || t.id === 'codebook' || t.id === 'sources');
  const shown: TabId = tabs.some((t) => t.id === tab) ? tab : 'codebook';
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const at = tabs.findIndex((t) => t.id === shown);
    const step = (event.key === 'ArrowRight') === (window.document.dir !== 'rtl') ? 1 : -1;
    const next = tabs[(at + step + tabs.length) % tabs.length]!;
    setTab(next.id);
    window.document.getElementById(`side-tab-${next.id}`)?.focus();
  };

  return (
    <aside class="info-panel side-panel" aria-label="Side panel">
      <div class="side-tabs" role="tablist" aria-label="Side panel" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            id={`side-tab-${t.id}`}
            role="tab"
            aria-selected={t.id === shown}
            aria-controls={`side-panel-${t.id}`}
            tabIndex={t.id === shown ? 0 : -1}
            class={t.id === shown ? 'active' : undefined}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id={`side-panel-${shown}`} role="tabpanel" aria-labelledby={`side-tab-${shown}`} class="side-tab-body">
        {shown === 'annotations' && session && (
          <AnnotationsPanel session={session} tags={tools.tags} levels={tools.levels} context={tools.appearance} onColourBy={tools.setColourBy} focusRequest={tools.focusRequest} onFocusTaken={tools.focusTaken} project={view} documentId={doc?.id ?? ''} onProjectView={actions.applyProjectView} />
        )}
        {shown === 'codebook' && <CodebookPanel project={view.project} onProjectView={actions.applyProjectView} onTagsRemapped={(remap) => session?.remapTags(remap)} flushEdits={() => workbench.sync.flush()} />}
        {shown === 'sources' && <SourcesPanel
            project={view.project}
            onProjectView={actions.applyProjectView}
            flushEdits={() => workbench.sync.flush()}
            onSourcesRemapped={(remap) => Object.entries(remap).forEach(([from, into]) => session?.repointSource(from, into))}
          />}
        {shown === 'document' && doc && <DocumentInfo document={doc} workbench={workbench} />}
      </div>
    </aside>
  );
}
