/**
 * The theme setting's effects in main: Electron's `nativeTheme` (which sets the page's
 * `prefers-color-scheme`, native dialogs and the window background) and the application menu,
 * whose View → Theme shows the setting checked. Both follow every successful `setTheme`, whether
 * the renderer or the menu asked for it.
 */
import type { MenuCommand, Theme } from '../../shared/contract.js';
import { dispatch, type Handlers } from '../ipc/dispatch.js';
import type { ElectronParts } from './electron-parts.js';
import { buildMenuTemplate } from './menu.js';

/** What the menu needs besides the theme. */
export interface ThemeAndMenuOptions {
  platform: NodeJS.Platform;
  isDev: boolean;
  /** Sends a menu command to the renderer. */
  send: (command: MenuCommand) => void;
  /** Tells the user something failed. */
  showError: (message: string, detail: string) => Promise<void>;
}

/**
 * Applies the saved theme, installs the menu, and returns `handlers` with a `setTheme` that also
 * updates both (register these handlers, not the originals).
 */
export async function installThemeAndMenu(
  electron: Pick<ElectronParts, 'app' | 'Menu' | 'nativeTheme'>,
  handlers: Handlers,
  options: ThemeAndMenuOptions,
): Promise<Handlers> {
  const { app, Menu, nativeTheme } = electron;
  const themed: Handlers = {
    ...handlers,
    setTheme: async (theme) => {
      const settings = await handlers.setTheme(theme);
      apply(settings.theme);
      return settings;
    },
  };
  const setThemeFromMenu = async (theme: Theme): Promise<void> => {
    const result = await dispatch(themed, 'setTheme', [theme]);
    if (!result.ok) await options.showError('Factmark could not change the theme.', result.error.message);
  };
  function apply(theme: Theme): void {
    nativeTheme.themeSource = theme;
    const template = buildMenuTemplate({
      platform: options.platform,
      isDev: options.isDev,
      appName: app.getName(),
      theme,
      send: options.send,
      actions: { setTheme: (chosen) => void setThemeFromMenu(chosen) },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  apply((await handlers.getSettings()).theme);
  return themed;
}
