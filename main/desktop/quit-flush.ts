/**
 * Quitting never loses work silently. When the app is about to quit (every window is closed by
 * then, so each page has already handed its last edit to main), the services write what is
 * pending and release the project; only then does the app really quit. If that write fails with
 * changes still unsaved, the user chooses: Cancel (the app stays, with the changes in memory and
 * a window to retry from) or Quit Anyway.
 *
 * This runs on `will-quit` rather than `before-quit`: `before-quit` fires while windows are still
 * open, so an edit a page sends while unloading would arrive after the project was closed.
 */
import type { AppServices } from '../services/types.js';
import type { ElectronParts } from './electron-parts.js';

/** The buttons of the "could not save" question, in order. */
const BUTTONS = ['Cancel', 'Quit Anyway'];

/**
 * Makes quitting wait for `services.shutdown()`. `reopenWindow` runs when the user cancels the
 * quit after a failed save (every window is closed by then).
 */
export function flushBeforeQuit(electron: Pick<ElectronParts, 'app' | 'dialog'>, services: AppServices, reopenWindow: () => void): void {
  const { app, dialog } = electron;
  let state: 'running' | 'flushing' | 'flushed' = 'running';

  const quitNow = (): void => {
    state = 'flushed';
    app.quit();
  };

  async function flush(): Promise<void> {
    const hadUnsavedChanges = services.hasUnsavedChanges();
    try {
      await services.shutdown();
      return quitNow();
    } catch (error) {
      console.error('factmark: saving before quit failed', error);
      if (!hadUnsavedChanges) return quitNow();
      const { response } = await dialog.showMessageBox({
        type: 'warning',
        buttons: BUTTONS,
        defaultId: 0,
        cancelId: 0,
        message: 'Factmark could not save your latest changes.',
        detail: `${error instanceof Error ? error.message : String(error)}\n\nCancel keeps Factmark open with your changes, so you can try again (for example after freeing disk space). Quit Anyway loses the changes made since the last save.`,
      });
      if (BUTTONS[response] === 'Quit Anyway') return quitNow();
      state = 'running';
      reopenWindow();
    }
  }

  app.on('will-quit', (event) => {
    if (state === 'flushed') return;
    event.preventDefault();
    if (state === 'running') {
      state = 'flushing';
      void flush();
    }
  });
}
