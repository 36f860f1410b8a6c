/**
 * What only the desktop can do for the services: native dialogs to pick a project, files to
 * import or where to save a report, printing the HTML report to PDF, and opening
 * links in the user's browser. Links are checked here once more, whoever asks: the renderer
 * that calls `openExternal` is untrusted.
 */
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { FactmarkError } from '../../shared/result.js';
import { isSafeExternalUrl } from '../security/navigation.js';
import type { HostAbilities } from '../services/types.js';
import type { ElectronParts } from './electron-parts.js';
import { htmlPrinter } from './print-to-pdf.js';

/** The file filter of the project dialogs. */
const PROJECT_FILTERS = [{ name: 'Factmark Project', extensions: ['factmark'] }];

/** The desktop's {@link HostAbilities}; dialogs attach to the focused window when there is one. */
export function createHostAbilities(electron: Pick<ElectronParts, 'app' | 'BrowserWindow' | 'dialog' | 'shell'>): Required<HostAbilities> {
  const { app, BrowserWindow, dialog, shell } = electron;
  /** Shows an open dialog, attached to the focused window when there is one. */
  const showOpen = (options: OpenDialogOptions) => {
    const parent = BrowserWindow.getFocusedWindow();
    return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
  };
  /** The path chosen in a save dialog, or null when cancelled. */
  const savePath = async (options: SaveDialogOptions): Promise<string | null> => {
    const parent = BrowserWindow.getFocusedWindow();
    const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    pickProjectToOpen: async () => {
      // A project is a folder; on Windows and Linux this shows a folder picker (a dialog cannot
      // pick both there), on macOS it picks the folder or a file inside it.
      const options: OpenDialogOptions = { title: 'Open Project', properties: ['openDirectory', 'openFile'], filters: PROJECT_FILTERS };
      const result = await showOpen(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    pickProjectToCreate: async () => {
      const options: SaveDialogOptions = {
        title: 'New Project',
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), 'Untitled.factmark'),
        filters: PROJECT_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      return savePath(options);
    },
    pickFilesToImport: async () => {
      const options: OpenDialogOptions = {
        title: 'Import Documents',
        buttonLabel: 'Import',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Documents', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'docx', 'pdf'] },
          { name: 'All Files', extensions: ['*'] },
        ],
      };
      const result = await showOpen(options);
      return result.canceled ? [] : result.filePaths;
    },
    pickReportPath: async ({ fileName, extension }) => {
      const options: SaveDialogOptions = {
        title: 'Export Report',
        buttonLabel: 'Export',
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [
          { name: `${extension.toUpperCase()} file`, extensions: [extension] },
          { name: 'All Files', extensions: ['*'] },
        ],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      return savePath(options);
    },
    printHtmlToPdf: htmlPrinter(electron),
    openExternal: async (url) => {
      const safe = isSafeExternalUrl(url);
      if (safe === null) throw new FactmarkError('FORBIDDEN', 'Only http, https and mailto links can be opened from Factmark.');
      await shell.openExternal(safe);
    },
  };
}
