/**
 * The desktop app's startup sequence, written against the electron parts it receives so that a
 * unit test runs this very sequence against a recording stand-in. In order:
 *  1. before `ready`: the privileged `app://` scheme, the user-data folder, the global sandbox,
 *     the single-instance lock (a second launch hands its project to the first and exits), the
 *     projects asked for (argv, macOS `open-file`, second launches; queued until ready), the guard
 *     on every webContents, and quitting on the last window outside macOS;
 *  2. on `ready`: permissions (all denied), the `app://` protocol, the services, the theme and
 *     menu, the IPC handlers (taking only paths the user chose), the flush-on-quit, the main window;
 *     then the queued projects open.
 */
import { join } from 'node:path';
import { eventChannel } from '../../shared/contract.js';
import { APP_SCHEME } from '../security/app-origin.js';
import { decidePermission } from '../security/permissions.js';
import type { AppServices, EventSink, ServiceOptions } from '../services/types.js';
import { createAppProtocolHandler } from './app-protocol.js';
import type { BundlePaths } from './bundle-paths.js';
import { chosenPathsOnly } from './chosen-paths-only.js';
import type { ElectronParts } from './electron-parts.js';
import { createHostAbilities } from './host-abilities.js';
import { registerIpcHandlers } from './ipc-handlers.js';
import { projectPathFromArgv } from './project-path-from-argv.js';
import { createProjectRequests } from './project-requests.js';
import { flushBeforeQuit } from './quit-flush.js';
import { createPathGrants } from './path-grants.js';
import { installThemeAndMenu } from './theme-and-menu.js';
import { guardWebContents } from './web-contents-guard.js';
import { createMainWindow } from './window.js';
import { createJsonWindowStateStore } from './window-state-store.js';

/** What the desktop app is started with (production values come from main/electron-main.ts). */
export interface DesktopOptions extends BundlePaths {
  /** Creates the services (production: `createAppServices`; tests: a fake). */
  createServices: (options: ServiceOptions) => Promise<AppServices>;
  /** The app's version, from package.json. */
  version: string;
  /** The command line (`process.argv`) and the folder it was given in. */
  argv: readonly string[];
  cwd: string;
  platform: NodeJS.Platform;
  /** Development build: the View menu gets reload and developer tools. */
  isDev: boolean;
  /** Started as `electron <app path>` (`process.defaultApp`): argv[1] is the app, not a project. */
  isDefaultApp: boolean;
  /** Overrides Electron's user-data folder (settings, window placement); tests use a temp folder. */
  userDataDir?: string;
}

/**
 * Starts the desktop app. Resolves once the main window has loaded and the projects asked for at
 * launch are open, or at once (after `app.quit()`) when another instance already runs.
 * Rejects when startup fails; the caller reports it and exits.
 */
export async function startDesktop(electron: ElectronParts, options: DesktopOptions): Promise<void> {
  const { app, BrowserWindow, dialog, ipcMain, protocol, session } = electron;

  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  if (options.userDataDir !== undefined) app.setPath('userData', options.userDataDir);
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const showError = async (message: string, detail: string): Promise<void> => {
    await dialog.showMessageBox({ type: 'error', message, detail });
  };
  const stateStore = createJsonWindowStateStore(join(app.getPath('userData'), 'window-state.json'));
  let windowsAllowed = false;
  const bringWindowForward = (): void => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) {
      if (windowsAllowed) {
        createMainWindow(electron, { preloadPath: options.preloadPath, stateStore }).catch((error: unknown) => showError('Factmark could not open its window.', messageOf(error)));
      }
      return;
    }
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };

  const projects = createProjectRequests();
  const launchProject = projectPathFromArgv(options.argv, options.cwd, options.isDefaultApp);
  if (launchProject !== null) projects.request(launchProject);
  app.on('open-file', (event, path) => {
    event.preventDefault();
    projects.request(path);
  });
  app.on('second-instance', (_event, argv, workingDirectory) => {
    bringWindowForward();
    const path = projectPathFromArgv(argv, workingDirectory, options.isDefaultApp);
    if (path !== null) projects.request(path);
  });
  const abilities = createHostAbilities(electron);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, abilities.openExternal));
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });

  await app.whenReady();

  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(decidePermission(permission, details.requestingUrl)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => decidePermission(permission, requestingOrigin));
  protocol.handle(APP_SCHEME, createAppProtocolHandler(options.rendererRoot));

  const emit: EventSink = (event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(eventChannel(event), payload);
    }
  };
  const services = await options.createServices({ host: 'desktop', settingsDir: app.getPath('userData'), version: options.version, emit, abilities });
  const handlers = await installThemeAndMenu(electron, services.handlers, {
    platform: options.platform,
    isDev: options.isDev,
    send: (command) => emit('menuCommand', command),
    showError,
  });
  const grants = createPathGrants();
  registerIpcHandlers(ipcMain, chosenPathsOnly(handlers, grants), grants);
  flushBeforeQuit(electron, services, bringWindowForward);

  windowsAllowed = true;
  await createMainWindow(electron, { preloadPath: options.preloadPath, stateStore });
  app.on('activate', bringWindowForward);
  await projects.serve(async (path) => {
    // Asked for on the command line or by the operating system: the user's choice.
    grants.grant(path);
    try {
      await services.openFromHost(path);
    } catch (error) {
      await showError('Factmark could not open this project.', `${path}\n\n${messageOf(error)}`);
    }
  });
}

/** The message of a thrown value, as the user should read it. */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
