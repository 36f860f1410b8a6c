/**
 * The project's source library: a searchable list of sources with their grade, outlet, site and
 * uses; adding, editing, merging and deleting sources; possible duplicates pointed out with a way
 * to merge them; CSL-JSON import and export (what Zotero reads and writes). Every change goes
 * through the contract and the new project view is handed back to the workbench; a merge is also
 * reported, so the open editor can point its evidence and mentions at the source that remains.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ProjectView, SourceUse } from '../../../shared/contract.js';
import type { StoredProject } from '../../../shared/model/project.js';
import type { Source } from '../../../shared/model/source.js';
import type { Result } from '../../../shared/result.js';
import { api } from '../../api/client.js';
import { describeError } from '../errors.js';
import { ImportIcon, PlusIcon } from '../icons.js';
import { DeleteSourceDialog } from './DeleteSourceDialog.js';
import { DuplicatesNotice } from './DuplicatesNotice.js';
import { downloadText, exportFileName, importReport } from './library-files.js';
import { MergeSourceDialog } from './MergeSourceDialog.js';
import { SourceDialog } from './SourceDialog.js';
import { SourceList, type SourceActions } from './SourceList.js';
import { authorLine } from './source-labels.js';

export interface SourcesPanelProps {
  project: StoredProject;
  /** Receives the project as main has it after a change. */
  onProjectView: (view: ProjectView) => void;
  /** Receives the sources a merge replaced (`from → into`), for the open document's own copy of its annotations. */
  onSourcesRemapped?: (remap: Record<string, string>) => void;
  /** Hands edits still in the page to main, so uses include the last evidence added. */
  flushEdits: () => Promise<void>;
}

/** The dialog the panel has open, if any. */
type PanelDialog =
  | { kind: 'create' }
  | { kind: 'edit'; source: Source }
  | { kind: 'merge'; source: Source; intoId?: string }
  | { kind: 'delete'; source: Source }
  | null;

export function SourcesPanel({ project, onProjectView, onSourcesRemapped, flushEdits }: SourcesPanelProps) {
  const [usage, setUsage] = useState<Record<string, SourceUse[]> | null>(null);
  const [dialog, setDialog] = useState<PanelDialog>(null);
  const [query, setQuery] = useState('');
  const [error, setError] = useState('');
  const [report, setReport] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const { sources } = project;

  // Uses change with the project (sources, and evidence saved from the editor): count again on each new view.
  useEffect(() => {
    let current = true;
    void flushEdits()
      .then(() => api.sourceUsage())
      .then((result) => {
        if (!current) return;
        setUsage(result.ok ? result.value : null);
        if (!result.ok) setError(describeError(result.error));
      });
    return () => {
      current = false;
    };
    // Counted again for a new project view only (flushEdits is a new function on each render).
  }, [project]);

  /** Hands a successful change on and closes the dialog; returns the error to show otherwise. */
  const apply = (result: Result<ProjectView>, after?: () => void): string | void => {
    if (!result.ok) return describeError(result.error);
    setDialog(null);
    setError('');
    onProjectView(result.value);
    after?.();
  };
  // The row that held the focus is gone: bring the keyboard back to the panel.
  const refocus = () => requestAnimationFrame(() => heading.current?.focus());

  const actions: SourceActions = {
    edit: (source) => setDialog({ kind: 'edit', source }),
    merge: (source) => setDialog({ kind: 'merge', source }),
    remove: (source) => setDialog({ kind: 'delete', source }),
  };

  const merge = async (from: Source, intoId: string) => {
    await flushEdits();
    return apply(await api.mergeSources(from.id, intoId), () => {
      onSourcesRemapped?.({ [from.id]: intoId });
      refocus();
    });
  };

  const remove = async (source: Source) => {
    await flushEdits();
    return apply(await api.deleteSource(source.id), refocus);
  };

  const importFile = async (file: File) => {
    setReport('');
    const result = await api.importSources({ fileName: file.name, text: await file.text() });
    if (!result.ok) return setError(describeError(result.error));
    setError('');
    onProjectView(result.value.view);
    setReport(importReport(file.name, result.value));
  };

  const exportLibrary = async () => {
    const result = await api.exportSources();
    if (!result.ok) return setError(describeError(result.error));
    downloadText(exportFileName(project.name), result.value);
    setReport(`Exported ${sources.length.toLocaleString()} ${sources.length === 1 ? 'source' : 'sources'} as CSL-JSON.`);
  };

  const words = query.trim().toLocaleLowerCase();
  const shown = words ? sources.filter((s) => [s.title, s.publisher, authorLine(s), s.url, s.notes].join('\n').toLocaleLowerCase().includes(words)) : sources;

  return (
    <section class="source-library" aria-labelledby="sources-title">
      <div class="section-head">
        <h2 id="sources-title" ref={heading} tabIndex={-1}>
          Sources <span class="count">{sources.length}</span>
        </h2>
        <button class="with-icon" onClick={() => setDialog({ kind: 'create' })}>
          <PlusIcon /> Add source
        </button>
      </div>
      <div class="library-tools">
        <input type="search" aria-label="Search sources" placeholder="Search title, outlet, author, address" value={query} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
        <div class="library-files">
          <button class="with-icon" title="Add sources from a CSL-JSON file (Zotero: Export Library → CSL JSON)" onClick={() => fileInput.current?.click()}>
            <ImportIcon /> Import CSL-JSON…
          </button>
          <button title="Download the library as CSL-JSON, for Zotero and other reference managers" disabled={sources.length === 0} onClick={() => void exportLibrary()}>
            Export CSL-JSON
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          hidden
          accept=".json,application/json,application/vnd.citationstyles.csl+json"
          aria-label="CSL-JSON file to import"
          onChange={(e) => {
            const input = e.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {error && <p role="alert" class="form-error library-message">{error}</p>}
      <p role="status" class="library-message muted">{report}</p>
      <DuplicatesNotice sources={sources} onMerge={(source, intoId) => setDialog({ kind: 'merge', source, intoId })} />
      {sources.length === 0 ? (
        <p class="muted">No sources yet. Add the documents, statements, datasets and people your evidence comes from, or import a Zotero library as CSL-JSON.</p>
      ) : shown.length === 0 ? (
        <p class="muted">No source matches “{query.trim()}”.</p>
      ) : (
        <SourceList sources={shown} usage={usage} canMerge={sources.length > 1} actions={actions} />
      )}
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <SourceDialog
          key={dialog.kind === 'edit' ? dialog.source.id : 'new'}
          sources={sources}
          source={dialog.kind === 'edit' ? dialog.source : undefined}
          onSubmit={async (draft) => {
            if (dialog.kind === 'edit') return apply(await api.updateSource(dialog.source.id, draft));
            const added = await api.createSource(draft);
            return apply(added.ok ? { ok: true, value: added.value.view } : added);
          }}
          onOpenSource={(source) => setDialog({ kind: 'edit', source })}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'merge' && (
        <MergeSourceDialog
          sources={sources}
          source={dialog.source}
          suggestedIntoId={dialog.intoId}
          uses={usage?.[dialog.source.id]?.length}
          onSubmit={(intoId) => merge(dialog.source, intoId)}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog?.kind === 'delete' && (
        <DeleteSourceDialog
          source={dialog.source}
          uses={usage?.[dialog.source.id]}
          onConfirm={() => remove(dialog.source)}
          onMerge={() => setDialog({ kind: 'merge', source: dialog.source })}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
