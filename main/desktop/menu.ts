/**
 * The native application menu as data. Commands that need the UI (new project, open, save,
 * close, new document, export report, find, about) go to the renderer as `menuCommand` events;
 * editing, zoom, full screen and window handling use Electron's roles. Accelerators:
 *   CmdOrCtrl+N  New Project…          Shift+CmdOrCtrl+N  New Document…
 *   CmdOrCtrl+O  Open Project…         CmdOrCtrl+S        Save
 *   CmdOrCtrl+W  Close Project         CmdOrCtrl+Q        Quit (File → Exit on Windows and Linux)
 *   CmdOrCtrl+F  Find…                 CmdOrCtrl+E        Export Report…
 * CmdOrCtrl+W closes the project on every platform, macOS included: Factmark has one window, and
 * closing it on macOS would leave a running app with nothing to show.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { THEMES, type MenuCommand, type Theme } from '../../shared/contract.js';

/** What the menu is built from. */
export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  /** Adds reload and developer tools to the View menu. */
  isDev: boolean;
  appName: string;
  /** The theme setting, shown checked in View → Theme. */
  theme: Theme;
  /** Sends a command to the renderer. */
  send: (command: MenuCommand) => void;
  /** What the menu does itself, in main. */
  actions: { setTheme: (theme: Theme) => void };
}

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** The menu template for `options.platform`, ready for `Menu.buildFromTemplate`. */
export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const command = (label: string, accelerator: string | undefined, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => options.send(name),
  });
  // Keys the page handles itself (single keys act only on selected words): shown, never registered.
  const pageKey = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({ ...command(label, accelerator, name), registerAccelerator: false });
  const quit: MenuItemConstructorOptions = { role: 'quit', accelerator: 'CmdOrCtrl+Q', ...(isMac ? {} : { label: 'Exit' }) };

  const appMenu: MenuItemConstructorOptions = {
    label: options.appName,
    submenu: [{ role: 'about' }, separator, { role: 'services' }, separator, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, separator, quit],
  };
  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Project…', 'CmdOrCtrl+N', 'newProject'),
      command('New Document…', 'Shift+CmdOrCtrl+N', 'newDocument'),
      separator,
      command('Open Project…', 'CmdOrCtrl+O', 'openProject'),
      separator,
      command('Import Documents…', 'CmdOrCtrl+I', 'importFiles'),
      command('Export Report…', 'CmdOrCtrl+E', 'exportReport'),
      separator,
      command('Save', 'CmdOrCtrl+S', 'save'),
      command('Close Project', 'CmdOrCtrl+W', 'closeProject'),
      ...(isMac ? [] : [separator, quit]),
    ],
  };
  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'pasteAndMatchStyle' },
      { role: 'selectAll' },
      separator,
      command('Find…', 'CmdOrCtrl+F', 'find'),
      separator,
      // The text is read-only as published; this turns its editing on and off (revisions are kept).
      command('Edit Text', 'Shift+CmdOrCtrl+E', 'toggleEditText'),
    ],
  };
  const annotateMenu: MenuItemConstructorOptions = {
    label: 'Annotate',
    submenu: [
      pageKey('Mark as Claim', 'C', 'markClaim'),
      pageKey('Mark as Source Mention', 'S', 'markSourceMention'),
      pageKey('Add a Note', 'N', 'markNote'),
      separator,
      pageKey('Remove Annotation', 'X', 'removeAnnotation'),
      separator,
      pageKey('Next Annotation', 'Alt+Down', 'nextAnnotation'),
      pageKey('Previous Annotation', 'Alt+Up', 'previousAnnotation'),
    ],
  };
  const developerItems: MenuItemConstructorOptions[] = options.isDev
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, separator]
    : [];
  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...developerItems,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
      separator,
      {
        label: 'Theme',
        submenu: THEMES.map((theme) => ({
          label: THEME_LABELS[theme],
          type: 'radio' as const,
          checked: theme === options.theme,
          click: () => options.actions.setTheme(theme),
        })),
      },
    ],
  };
  const helpMenu: MenuItemConstructorOptions = { label: 'Help', submenu: [command('About Factmark', undefined, 'about')] };

  return isMac ? [appMenu, fileMenu, editMenu, annotateMenu, viewMenu, { role: 'windowMenu' }] : [fileMenu, editMenu, annotateMenu, viewMenu, helpMenu];
}
