/**
 * The workbench's state and the user's actions on it: which project and document are open, the
 * save status, the open dialog, and the message shown to the analyst. Components only render it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DocumentMetaPatch, ImportOutcome, MenuCommand, OpenedDocument, ProjectView, SaveStatus, Settings, Theme } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';
import type { StoredDocument } from '../../shared/model/document.js';
import { api, pathForFile, subscribe } from '../api/client.js';
import { ContentSync, type Refusal } from '../editor/content-sync.js';
import type { EditorController } from '../editor/editor-controller.js';
import { useAnnotationTools } from './annotations/use-annotation-tools.js';
import { readFileAsBase64 } from './read-file.js';
import { describeError, valueOr } from './errors.js';
import type { FirstAnswers } from './first-answers.js';
import { mergeWithMain } from './other-windows.js';
import { onDraftsChange, saveDrafts } from './pending-drafts.js';
import { truthfulStatus } from './truthful-status.js';

/** Which dialog is open, if any. */
export type DialogState =
  | { kind: 'newProject' }
  | { kind: 'openProject' }
  | { kind: 'newDocument' }
  | { kind: 'renameDocument'; documentId: string; title: string }
  | { kind: 'deleteDocument'; documentId: string; title: string }
  | { kind: 'reimport'; documentId: string; title: string; encoding: string }
  | { kind: 'restoreOriginal'; documentId: string; title: string }
  | { kind: 'about' }
  | { kind: 'exportReport' }
  | null;

const NO_STATUS: SaveStatus = { state: 'saved', savedAt: null, error: null };

/** The last path segment, without `.factmark`: a project's default name. */
export function projectNameFromPath(path: string): string {
  const base = path.replace(/[\\/]+$/, '').split(/[\\/]/).pop() ?? '';
  return base.replace(/\.factmark$/i, '') || 'Untitled project';
}

/** The workbench's state and actions, starting from what main answered before the first render. */
export function useWorkbench(first: FirstAnswers) {
  const { info } = first;
  const [settings, setSettings] = useState<Settings>(first.settings ?? { theme: 'system', recentProjects: [] });
  const [project, setProject] = useState<ProjectView | null>(first.project);
  const [document, setDocument] = useState<StoredDocument | null>(null);
  const [saveStatus, setSaveStatus] = useState<SaveStatus>(NO_STATUS);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState(first.problem);
  /** News that is no error (another window's work merged in): shown apart, as a status. */
  const [news, setNews] = useState('');
  /** Counts document loads, so a reload from disk remounts the editor even for the same document. */
  const [loadCount, setLoadCount] = useState(0);
  const editor = useRef<EditorController | null>(null);
  const setEditorController = useCallback((controller: EditorController | null) => {
    editor.current = controller;
  }, []);

  const annotations = useAnnotationTools({ project, document, notify: setNotice });
  /** True while the open document's text is being edited on purpose; every document opens read-only. */
  const [editingText, setEditingText] = useState(false);
  useEffect(() => setEditingText(false), [document?.id]);
  useEffect(() => setNews(''), [document?.id]);

  const [editsInPage, setEditsInPage] = useState(false);
  const [refusals, setRefusals] = useState<readonly Refusal[]>([]);
  const [unsavedDrafts, setUnsavedDrafts] = useState(0);
  useEffect(() => onDraftsChange(setUnsavedDrafts), []);
  /** The shown document and the project's claim counter, for merges with another window's edits (./other-windows.ts). */
  const shown = useRef<StoredDocument | null>(null);
  shown.current = document;
  const lastClaimNumber = useRef(0);
  /** The messages of the refusals now standing. */
  const refusedMessages = useRef(new Set<string>());
  lastClaimNumber.current = Math.max(lastClaimNumber.current, project?.project.lastClaimNumber ?? 0);
  /**
   * A claim number another window gave first (in another document, so no merge saw it): the claim
   * here takes the next free number, said as news, and the edit is sent again.
   */
  const renumberTaken = (refusal: Refusal): void => {
    const { claimNumber } = refusal;
    if (refusal.code !== 'CLAIM_NUMBER_TAKEN' || !claimNumber || shown.current?.id !== refusal.documentId) return;
    lastClaimNumber.current = Math.max(lastClaimNumber.current, Number(claimNumber.next.slice(1)));
    const next = lastClaimNumber.current;
    setProject((view) => (view && view.project.lastClaimNumber < next ? { ...view, project: { ...view.project, lastClaimNumber: next } } : view));
    if (editor.current?.renumberClaim(claimNumber.taken, claimNumber.next)) {
      setNews(`Claim number ${claimNumber.taken} was given to another claim in another window meanwhile; this claim is now ${claimNumber.next}.`);
    }
  };
  const sync: ContentSync = useMemo(
    () =>
      new ContentSync(
        async (id, patch) => {
          const result = await api.patchDocumentContent(id, patch);
          if (result.ok) setSaveStatus(result.value);
          return result;
        },
        setNotice,
        setEditsInPage,
        undefined,
        undefined,
        null,
        {
          gather: saveDrafts,
          onRefusal: (list) => {
            // A refusal that is over (its edits saved since) no longer needs its message on top.
            if (list.length === 0) setNotice((shown) => (refusedMessages.current.has(shown) ? '' : shown));
            refusedMessages.current = new Set(list.map((refusal) => refusal.message));
            setRefusals(list);
            for (const refusal of list) renumberTaken(refusal);
          },
          onStale: (stale) =>
            void mergeWithMain(stale, {
              sync,
              lastClaimNumber: () => lastClaimNumber.current,
              shownDocumentId: () => shown.current?.id ?? null,
              show: (merged, node) => {
                setDocument(merged);
                if (editor.current) editor.current.showMerged(node);
                else setLoadCount((n) => n + 1);
              },
              notify: setNews,
            }),
        },
      ),
    [],
  );

  const showProject = useCallback((view: ProjectView | null) => {
    setProject(view);
    setDocument(null);
    setNotice('');
  }, []);

  const refreshSettings = useCallback(async () => {
    const next = valueOr(await api.getSettings(), setNotice);
    if (next) setSettings(next);
  }, []);

  const openPath = useCallback(async (path: string): Promise<string | void> => {
    await sync.flush();
    const result = await api.openProject(path);
    if (!result.ok) return describeError(result.error);
    showProject(result.value);
    setDialog(null);
    await refreshSettings();
  }, [sync, showProject, refreshSettings]);

  const createAt = useCallback(async (path: string, name: string): Promise<string | void> => {
    await sync.flush();
    const result = await api.createProject({ path, name });
    if (!result.ok) return describeError(result.error);
    showProject(result.value);
    setDialog(null);
    await refreshSettings();
  }, [sync, showProject, refreshSettings]);

  /**
   * Shows the text main answered after replacing the open document's text (read again, restored):
   * the editor opens again on it, with main's notices about where the annotations went.
   */
  const showNewText = (result: Result<OpenedDocument>): string | void => {
    if (!result.ok) return describeError(result.error);
    setDialog(null);
    if (result.value.notices.length > 0) setNotice(result.value.notices.join(' '));
    sync.opened(result.value);
    setDocument(result.value.document);
    setLoadCount((n) => n + 1);
  };

  const actions = {
    newProject: async () => {
      if (!info?.nativeDialogs) return setDialog({ kind: 'newProject' });
      const path = valueOr(await api.pickProjectToCreate(), setNotice);
      if (path) {
        const problem = await createAt(path, projectNameFromPath(path));
        if (problem) setNotice(problem);
      }
    },
    openProject: async () => {
      if (!info?.nativeDialogs) return setDialog({ kind: 'openProject' });
      const path = valueOr(await api.pickProjectToOpen(), setNotice);
      if (path) {
        const problem = await openPath(path);
        if (problem) setNotice(problem);
      }
    },
    openRecent: async (path: string) => {
      const problem = await openPath(path);
      if (problem) setNotice(problem);
    },
    forgetRecent: async (path: string) => {
      const next = valueOr(await api.forgetRecentProject(path), setNotice);
      if (next) setSettings(next);
    },
    openPath,
    createAt,
    closeProject: async () => {
      await sync.flush();
      const result = await api.closeProject();
      if (!result.ok) return setNotice(describeError(result.error));
      showProject(null);
      await refreshSettings();
    },
    selectDocument: async (id: string) => {
      if (document?.id === id) return;
      await sync.flush();
      const opened = valueOr(await api.getDocument(id), setNotice);
      if (opened) {
        if (opened.notices.length > 0) setNotice(opened.notices.join(' '));
        sync.opened(opened);
        setDocument(opened.document);
        setLoadCount((n) => n + 1);
      }
    },
    /** Adds pasted or typed text as a document; rich HTML from the clipboard keeps its structure. */
    createDocument: async (title: string, text: string, html?: string): Promise<string | void> => {
      const result = await api.importPasted({ title, text, ...(html ? { html } : {}) });
      if (!result.ok) return describeError(result.error);
      setDialog(null);
      await reloadProject();
      await actions.selectDocument(result.value.id);
    },
    /** File → Import: the native dialog on the desktop; in a browser the page passes chosen files. */
    importFiles: async () => {
      if (!project) return setNotice('Open or create a project first, then import documents into it.');
      const paths = valueOr(await api.pickFilesToImport(), setNotice);
      if (paths && paths.length > 0) await showImported(await api.importFiles(paths, {}));
    },
    importUploads: async (files: File[]) => {
      if (!project) return setNotice('Open or create a project first, then import documents into it.');
      const outcomes: ImportOutcome[] = [];
      for (const file of files) {
        const result = await api.importFileContent({ fileName: file.name, base64: await readFileAsBase64(file) });
        outcomes.push({ fileName: file.name, document: result.ok ? result.value : null, error: result.ok ? null : result.error });
      }
      await showImported({ ok: true, value: outcomes });
    },
    updateMeta: async (patch: DocumentMetaPatch): Promise<string | void> => {
      if (!document) return;
      const result = await api.updateDocumentMeta(document.id, patch);
      if (!result.ok) return describeError(result.error);
      setDocument(result.value);
      await reloadProject();
    },
    checkDamage: async () => {
      if (!document) return;
      await sync.flush();
      const checked = valueOr(await api.checkDocumentDamage(document.id), setNotice);
      if (!checked) return;
      setDocument(checked);
      editor.current?.setWarnings(checked.damage);
    },
    /** Reads the document's original file again with another encoding (confirmed in a dialog first). */
    reimport: async (documentId: string, encoding: string): Promise<string | void> => {
      await sync.flush();
      return showNewText(await api.reimportDocument(documentId, encoding));
    },
    /** Brings back the text as imported, as a 'restore' revision (confirmed in a dialog first). */
    restoreOriginal: async (documentId: string): Promise<string | void> => {
      await sync.flush();
      return showNewText(await api.restoreOriginal(documentId));
    },
    revealWarning: (index: number) => {
      if (!editor.current?.revealWarning(index)) setNotice('Those words are no longer in the text. Run the check again to refresh the list.');
    },
    repairWarning: async (index: number, replacement: string) => {
      if (!editor.current?.repairWarning(index, replacement)) return setNotice('Those words are no longer in the text. Run the check again to refresh the list.');
      await actions.checkDamage();
    },
    renameDocument: async (id: string, title: string): Promise<string | void> => {
      const result = await api.renameDocument(id, title);
      if (!result.ok) return describeError(result.error);
      setDialog(null);
      if (document?.id === id) setDocument({ ...document, title: result.value.title });
      await reloadProject();
    },
    deleteDocument: async (id: string): Promise<string | void> => {
      await sync.flush();
      const result = await api.deleteDocument(id);
      if (!result.ok) return describeError(result.error);
      setDialog(null);
      if (document?.id === id) setDocument(null);
      await reloadProject();
    },
    save: async () => {
      await sync.flush();
      const status = valueOr(await api.saveNow(), setNotice);
      if (status) setSaveStatus(status);
    },
    resolveConflict: async (choice: 'overwrite' | 'reload') => {
      await sync.flush();
      const result = await api.resolveConflict(choice);
      if (!result.ok) return setNotice(describeError(result.error));
      if (choice === 'reload') {
        const reopenedId = document?.id;
        showProject(result.value);
        if (reopenedId) await actions.selectDocument(reopenedId);
      }
    },
    setTheme: async (theme: Theme) => {
      const next = valueOr(await api.setTheme(theme), setNotice);
      if (next) setSettings(next);
    },
    /** A drop: a project folder opens; documents are imported into the open project. */
    dropFiles: async (files: FileList) => {
      const dropped = [...files];
      const paths = dropped.map((file) => pathForFile(file));
      const projectPath = paths.find((path) => /\.factmark([\\/]|$)/i.test(path));
      if (projectPath) {
        const problem = await openPath(projectPath);
        if (problem) setNotice(problem);
        return;
      }
      if (!project) return setNotice('Open or create a project first, then drop documents on it to import them.');
      if (paths.every((path) => path !== '')) return showImported(await api.importFiles(paths, {}));
      await actions.importUploads(dropped);
    },
    /** Shows the project as main returned it after a change made elsewhere (the codebook panel). */
    applyProjectView: (view: ProjectView) => setProject(view),
    setDialog,
    dismissNotice: () => setNotice(''),
    dismissNews: () => setNews(''),
  };

  /** Lists what an import brought in, says what it refused and why, and opens the last new document. */
  async function showImported(result: Awaited<ReturnType<typeof api.importFiles>>): Promise<void> {
    if (!result.ok) return setNotice(describeError(result.error));
    const refused = result.value.filter((o) => o.error);
    if (refused.length > 0) setNotice(refused.map((o) => `${o.fileName}: ${o.error!.message}`).join(' '));
    await reloadProject();
    const last = [...result.value].reverse().find((o) => o.document);
    if (last?.document) await actions.selectDocument(last.document.id);
  }

  async function reloadProject(): Promise<void> {
    const view = valueOr(await api.getOpenProject(), setNotice);
    if (view !== undefined) setProject(view);
  }

  const runMenuCommand = (command: MenuCommand): void => {
    const run: Record<MenuCommand, () => unknown> = {
      newProject: actions.newProject,
      openProject: actions.openProject,
      closeProject: actions.closeProject,
      save: actions.save,
      newDocument: () => project && setDialog({ kind: 'newDocument' }),
      importFiles: () => (info?.nativeDialogs ? actions.importFiles() : window.document.getElementById('import-files-input')?.click()),
      exportReport: () => (project ? setDialog({ kind: 'exportReport' }) : setNotice('Open a project first, then export a report of it.')),
      about: () => setDialog({ kind: 'about' }),
      find: () => document && annotations.openFind(),
      toggleEditText: () => {
        if (!document) return setNotice('Open a document first: its text opens read-only.');
        setNotice('');
        setEditingText((on) => !on);
      },
      markClaim: () => annotations.session?.mark('claim'),
      markSourceMention: () => annotations.session?.mark('sourceMention'),
      markNote: () => annotations.session?.mark('note'),
      removeAnnotation: () => {
        const target = annotations.session?.target();
        if (target) annotations.session?.remove(target.id);
        else setNotice('No annotation chosen: click one in the text or in the Annotations panel.');
      },
      nextAnnotation: () => annotations.session?.step(1),
      previousAnnotation: () => annotations.session?.step(-1),
    };
    void run[command]();
  };

  useEffect(() => {
    const offStatus = subscribe('saveStatus', setSaveStatus);
    const offProject = subscribe('projectChanged', showProject);
    const offSettings = subscribe('settingsChanged', setSettings);
    const offDocument = subscribe('documentChanged', (change) => {
      lastClaimNumber.current = Math.max(lastClaimNumber.current, change.lastClaimNumber);
      // New claims here number on from the other window's (the annotation tools read the project's counter).
      setProject((view) => (view && view.project.lastClaimNumber < change.lastClaimNumber ? { ...view, project: { ...view.project, lastClaimNumber: change.lastClaimNumber } } : view));
      sync.changedElsewhere(change.documentId, change.version);
    });
    return () => {
      offStatus();
      offProject();
      offSettings();
      offDocument();
    };
  }, [refreshSettings, showProject, sync]);

  // Menu commands use the latest state, so the subscription is renewed with it.
  useEffect(() => subscribe('menuCommand', runMenuCommand));

  // Before the frame is painted, so that a dark theme never shows light first.
  useLayoutEffect(() => {
    window.document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  useEffect(() => {
    // Leaving hands everything over at once: card fields being typed, then the pending edits. The
    // sends start before the page goes (IPC is sent at once; HTTP requests are kept alive), so
    // only work main refused, which leaving would lose, makes the browser ask.
    const saveBeforeLeaving = (event: BeforeUnloadEvent) => {
      void sync.flush();
      if (sync.refusals().length > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', saveBeforeLeaving);
    return () => window.removeEventListener('beforeunload', saveBeforeLeaving);
  }, [sync]);

  const shownStatus = truthfulStatus(saveStatus, { editsInPage: editsInPage || unsavedDrafts > 0, refusals });

  return { info, settings, project, document, loadCount, saveStatus: shownStatus, dialog, notice, news, sync, actions, runMenuCommand, setEditorController, annotations, editingText };
}

export type Workbench = ReturnType<typeof useWorkbench>;
