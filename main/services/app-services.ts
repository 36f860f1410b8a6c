/**
 * The services behind the contract: one object that owns the open project and the user's settings
 * and composes every contract call. The calls on a project's content are the handler groups of its
 * use-case modules (documents, codebook, sources, rating scales, claims), given the open project;
 * what stays here is what this object owns: the app's facts, settings, opening and closing the
 * project, saving, reports and links. Hosts (Electron desktop, browser host, tests) create it with
 * their own event sink and abilities; nothing here imports `electron`.
 */
import type { ProjectView, SaveStatus, Settings } from '../../shared/contract.js';
import { FactmarkError } from '../../shared/result.js';
import type { Handlers } from '../ipc/dispatch.js';
import { isSafeExternalUrl } from '../security/navigation.js';
import { claimHandlers } from './claims/claims.js';
import { ProjectStore } from './store/project-store.js';
import { codebookHandlers } from './store/use-cases/codebook.js';
import { documentHandlers } from './store/use-cases/document-handlers.js';
import { ratingScaleHandlers } from './store/use-cases/rating-scales.js';
import { sourceHandlers } from './store/use-cases/sources.js';
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
    ...documentHandlers(requireProject, options.emit),
    saveNow: () => (store ? store.saveNow() : CLEAN_STATUS),
    resolveConflict: async (choice) => {
      await requireProject().resolveConflict(choice);
      return store?.view() ?? null;
    },
    pickFilesToImport: () => (options.abilities?.pickFilesToImport ?? (() => unsupported('The import dialog')))(),
    ...codebookHandlers(requireProject),
    ...sourceHandlers(requireProject),
    ...ratingScaleHandlers(requireProject),
    ...claimHandlers(requireProject),
    // Reports (their formats, markdown-it, the PDF layout) load on the first report, not at startup.
    buildReport: async (request) => (await import('./export/report-file.js')).buildReportFile(requireProject(), request, new Date().toISOString(), options.abilities?.printHtmlToPdf),
    setReportAddress: async (url) => (await import('./export/report-address.js')).saveReportAddress(requireProject, url),
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
