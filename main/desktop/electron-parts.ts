/**
 * The parts of the `electron` module the desktop wiring uses. They arrive as an argument (the
 * real module in main/electron-main.ts, a recording stand-in in the unit tests), so the startup
 * sequence runs in plain Node where no Electron binary exists.
 */
import type * as Electron from 'electron';

/** The main-process modules {@link startDesktop} receives. */
export type ElectronParts = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'Menu' | 'dialog' | 'session' | 'shell' | 'nativeTheme' | 'screen'
>;
