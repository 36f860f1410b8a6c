/**
 * The services behind the contract: one object that owns the open project and the user's settings
 * and implements every contract call. Hosts (Electron desktop, browser host, tests) create it with
 * their own event sink and abilities; nothing here imports `electron`.
 */
import type { ProjectView, SaveStatus, Settings } from '../../shared/contract.js';
import { FactmarkError } from '../../shared/result.js';
import type { Handlers } from '../ipc/dispatch.js';
import { isSafeExternalUrl } from '../security/navigation.js';
import { checkDamage } from './import/damage/index.js';
import { importBytes, importFile, importPasted } from './import/pipeline.js';
import { addImported } from './import/add-to-project.js';
import { contentToText } from '../../shared/text.js';
import { ProjectStore } from './store/project-store.js';
import { SettingsStore } from './settings-store.js';
import type { AppServices, ServiceOptions } from './types.js';

const CLEAN_STATUS: SaveStatus = { state: 'saved', savedAt: null, error: null };

/** Creates the services for one host. Settings are read once here. */
export async function createAppServices(options: ServiceOptions): Promise<AppServices> {
  const settings = await SettingsStore.open(options.settingsDir);
  const storeOptions = { autosaveDelayMs: options.autosaveDelayMs ?? 750 };
  let store: ProjectStore | null = null;
  let unsubscribeStatus: (() => void) | null = null;

  const settingsView = (): Settings => ({ theme: settings.theme, recentProjects: settings.recentProjects });

  /** Runs a settings change and tells every renderer the new settings. */
  async function changeSettings(change: () => Promise<void>): Promise<Settings> {
    await change();
    const view = settingsView();
    options.emit('settingsChanged', view);
    return view;
  }

  function requireProject(): ProjectStore {
    if (!store) throw new FactmarkError('NO_PROJECT_OPEN', 'No project is open. Create or open a project first.');
    return store;
  }

  /** Makes `next` the open project: closes the previous one (saving it) and remembers the new one. */
  async function adopt(next: ProjectStore): Promise<ProjectView> {
    try {
      await closeCurrent();
    } catch (error) {
      // The previous project could not be saved: it stays open, and the new one is released.
      await next.close();
      throw error;
    }
    store = next;
    unsubscribeStatus = next.onStatus((status) => options.emit('saveStatus', status));
    options.emit('saveStatus', next.status());
    // The recent list is a convenience: failing to update it must not fail the open.
    await changeSettings(() => settings.rememberProject({ path: next.path, name: next.project.name })).catch((error: unknown) =>
      console.error('factmark: could not update the recent projects list', error),
    );
    return next.view();
  }

  async function closeCurrent(): Promise<void> {
    if (!store) return;
    await store.close();
    unsubscribeStatus?.();
    unsubscribeStatus = null;
    store = null;
    options.emit('saveStatus', CLEAN_STATUS);
  }

  async function openProject(path: string): Promise<ProjectView> {
    if (store && store.path === ProjectStore.folderOf(path)) return store.view();
    return adopt(await ProjectStore.open(path, storeOptions));
  }

  /** Runs a change of the open project and returns the project as it is after it. */
  async function viewAfter(change: (project: ProjectStore) => Promise<unknown>): Promise<ProjectView> {
    const project = requireProject();
    await change(project);
    return project.view();
  }

  function unsupported(what: string): never {
    throw new FactmarkError('UNSUPPORTED', `${what} is available in the desktop app only. Type the path instead.`);
  }

  const handlers: Handlers = {
    getAppInfo: () => ({
      name: 'Factmark',
      version: options.version,
      host: options.host,
      platform: process.platform,
      nativeDialogs: Boolean(options.abilities?.pickProjectToOpen),
    }),
    getSettings: () => settingsView(),
    setTheme: (theme) => changeSettings(() => settings.setTheme(theme)),
    forgetRecentProject: (path) => changeSettings(() => settings.forgetProject(path)),
    createProject: async ({ path, name }) => adopt(await ProjectStore.create(path, name, storeOptions)),
    openProject,
    closeProject: async () => {
      await closeCurrent();
      return null;
    },
    getOpenProject: () => store?.view() ?? null,
    pickProjectToOpen: () => (options.abilities?.pickProjectToOpen ?? (() => unsupported('The open dialog')))(),
    pickProjectToCreate: () => (options.abilities?.pickProjectToCreate ?? (() => unsupported('The save dialog')))(),
    createDocument: ({ title, text }) => requireProject().createDocument(title, text),
    getDocument: (id) => requireProject().openedDocument(id),
    renameDocument: (id, title) => requireProject().renameDocument(id, title),
    deleteDocument: async (id) => {
      await requireProject().deleteDocument(id);
      return null;
    },
    updateDocumentContent: (id, content, annotations, revision) => {
      const project = requireProject();
      project.updateDocumentContent(id, content, annotations, revision);
      return project.status();
    },
    patchDocumentContent: async (id, patch) => {
      const project = requireProject();
      await project.patchDocumentContent(id, patch);
      options.emit('documentChanged', { documentId: id, version: patch.version, lastClaimNumber: project.project.lastClaimNumber });
      return project.status();
    },
    saveNow: () => (store ? store.saveNow() : CLEAN_STATUS),
    resolveConflict: async (choice) => {
      await requireProject().resolveConflict(choice);
      return store?.view() ?? null;
    },
    pickFilesToImport: () => (options.abilities?.pickFilesToImport ?? (() => unsupported('The import dialog')))(),
    importFiles: async (paths, { encoding }) => {
      const project = requireProject();
      const outcomes = [];
      for (const path of paths) {
        const fileName = path.split(/[\\/]/).pop() ?? path;
        try {
          const imported = await importFile(path, encoding === undefined ? {} : { encoding });
          outcomes.push({ fileName, document: await addImported(project, imported), error: null });
        } catch (error) {
          if (!(error instanceof FactmarkError)) throw error;
          outcomes.push({ fileName, document: null, error: error.toAppError() });
        }
      }
      return outcomes;
    },
    importFileContent: async ({ fileName, base64, encoding }) => {
      const project = requireProject();
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      return addImported(project, await importBytes(fileName, bytes, encoding === undefined ? {} : { encoding }));
    },
    reimportDocument: async (id, encoding) => {
      const project = requireProject();
      const document = await project.getDocument(id);
      const original = await project.readOriginal(id);
      if (!original || !['text', 'markdown', 'html'].includes(document.origin.format)) {
        throw new FactmarkError('UNSUPPORTED', `“${document.title}” was not imported from a text file, so there is no other encoding to read it with.`);
      }
      const again = await importBytes(document.origin.fileName, original, { encoding });
      // The annotations are placed again on the new text (orphans where they cannot be), and the
      // notices say how that went.
      return project.replaceDocumentText(id, { content: again.content, origin: again.origin, damage: again.damage });
    },
    listRevisions: (id) => requireProject().listRevisions(id),
    restoreOriginal: async (id) => {
      const project = requireProject();
      const [document, content] = await Promise.all([project.getDocument(id), project.originalContent(id)]);
      // As reading again does: the annotations are placed again, and the damage check runs on the restored text.
      return project.replaceDocumentText(id, { content, origin: document.origin, damage: checkDamage(contentToText(content)) }, { reason: 'restore' });
    },
    importPasted: async (paste) => requireProject().addDocument(await importPasted(paste)),
    updateDocumentMeta: async (id, { title, ...meta }) => {
      const project = requireProject();
      if (title !== undefined) await project.renameDocument(id, title);
      return project.updateDocumentMeta(id, meta);
    },
    checkDocumentDamage: async (id) => {
      const project = requireProject();
      const document = await project.getDocument(id);
      return project.setDocumentDamage(id, checkDamage(contentToText(document.content)));
    },
    createTag: (request) => viewAfter((project) => project.createTag(request)),
    updateTag: (id, patch) => viewAfter((project) => project.updateTag(id, patch)),
    deleteTag: (id) => viewAfter((project) => project.deleteTag(id)),
    mergeTags: (fromId, intoId) => viewAfter((project) => project.mergeTags(fromId, intoId)),
    tagUsage: () => requireProject().tagUsage(),
    createSource: async (draft) => {
      const project = requireProject();
      const source = await project.createSource(draft);
      return { view: project.view(), source };
    },
    updateSource: (id, draft) => viewAfter((project) => project.updateSource(id, draft)),
    deleteSource: (id) => viewAfter((project) => project.deleteSource(id)),
    mergeSources: (fromId, intoId) => viewAfter((project) => project.mergeSources(fromId, intoId)),
    sourceUsage: () => requireProject().sourceUsage(),
    importSources: async ({ fileName, text }) => {
      const project = requireProject();
      const imported = await project.importSources(fileName, text);
      return { view: project.view(), ...imported };
    },
    exportSources: () => requireProject().exportSources(),
    saveRatingScale: (scale) => viewAfter((project) => project.saveRatingScale(scale)),
    setActiveRatingScale: (id) => viewAfter((project) => project.setActiveRatingScale(id)),
    deleteRatingScale: (id) => viewAfter((project) => project.deleteRatingScale(id)),
    listClaims: () => requireProject().listClaims(),
    placeSpan: (documentId, anchor) => requireProject().placeSpan(documentId, anchor),
    // Reports (their formats, markdown-it, the PDF layout) load on the first report, not at startup.
    buildReport: async (request) => (await import('./export/report-file.js')).buildReportFile(requireProject(), request, new Date().toISOString(), options.abilities?.printHtmlToPdf),
    saveReport: async (request) => {
      const pickPath = options.abilities?.pickReportPath;
      if (!pickPath) unsupported('The export dialog');
      const { saveReportFile } = await import('./export/save-report.js');
      return saveReportFile(requireProject(), request, new Date().toISOString(), pickPath, options.abilities?.printHtmlToPdf);
    },
    openExternal: async (url) => {
      const safe = isSafeExternalUrl(url);
      if (!safe) throw new FactmarkError('FORBIDDEN', 'Only http, https and mailto links can be opened from Factmark.');
      const open = options.abilities?.openExternal;
      if (!open) unsupported('Opening links from the app');
      await open(safe);
      return null;
    },
  };

  return {
    handlers,
    openFromHost: async (path) => {
      const view = await openProject(path);
      options.emit('projectChanged', view);
      return view;
    },
    hasUnsavedChanges: () => store?.hasUnsavedChanges() ?? false,
    shutdown: closeCurrent,
  };
}
