/**
 * The main window: secure webPreferences (checked before the window exists), the app's entry
 * page from `app://factmark/`, and the size and place the user left it at.
 */
import type { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/app-origin.js';
import { checkWebPreferences, secureWebPreferences } from '../security/window-options.js';
import type { ElectronParts } from './electron-parts.js';
import { fitBoundsToDisplays } from './fit-bounds.js';
import type { WindowState, WindowStateStore } from './window-state-store.js';

/** The window's size on first launch and the smallest size it allows. */
const WINDOW_SIZES = { preferred: { width: 1280, height: 820 }, minimum: { width: 760, height: 480 } };

/** The page background of the renderer's light and dark themes (`--bg`), shown before it paints. */
const BACKGROUND = { light: '#f6f5f1', dark: '#17191c' };

/** How long the window must keep still before its new place is written. */
const STATE_SAVE_DELAY_MS = 500;

/** What the main window is made from. */
export interface MainWindowOptions {
  /** Absolute path of the built preload script. */
  preloadPath: string;
  /** Where the window's size and place are remembered. */
  stateStore: WindowStateStore;
}

/**
 * Creates, places and loads the main window; it shows itself once the page has painted.
 * Throws before creating anything if the webPreferences would be weaker than
 * {@link secureWebPreferences}, and when the entry page cannot be loaded.
 */
export async function createMainWindow(
  electron: Pick<ElectronParts, 'BrowserWindow' | 'screen' | 'nativeTheme'>,
  options: MainWindowOptions,
): Promise<BrowserWindow> {
  const webPreferences = secureWebPreferences(options.preloadPath);
  const violations = checkWebPreferences({ ...webPreferences });
  if (violations.length > 0) throw new Error(`Refusing to open a window with weakened security: ${violations.join('; ')}.`);

  const saved = await options.stateStore.load();
  const bounds = fitBoundsToDisplays(
    saved?.bounds ?? null,
    electron.screen.getAllDisplays().map((display) => display.workArea),
    electron.screen.getPrimaryDisplay().workArea,
    WINDOW_SIZES,
  );
  const window = new electron.BrowserWindow({
    ...bounds,
    minWidth: WINDOW_SIZES.minimum.width,
    minHeight: WINDOW_SIZES.minimum.height,
    title: 'Factmark',
    show: false,
    backgroundColor: electron.nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences,
  });
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  // The renderer's `beforeunload` hands its last edit to main and asks the browser to wait; in
  // Electron that request would silently cancel closing and quitting. Main owns saving (the quit
  // flow flushes), so the page is always allowed to unload.
  window.webContents.on('will-prevent-unload', (event) => event.preventDefault());
  rememberPlacement(window, options.stateStore);
  await window.loadURL(APP_ENTRY_URL);
  return window;
}

/** Saves the window's placement shortly after it moves or resizes, and at once when it closes. */
function rememberPlacement(window: BrowserWindow, store: WindowStateStore): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    store.save(state).catch((error: unknown) => console.warn('factmark: could not remember the window placement', error));
  };
  const saveSoon = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, STATE_SAVE_DELAY_MS);
  };
  window.on('move', saveSoon);
  window.on('resize', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
