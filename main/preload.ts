/**
 * The preload: exposes `window.factmark` (see main/desktop/preload-surface.ts) to the page
 * through contextBridge, and nothing else. It runs sandboxed, so its bundle may require only
 * `electron`.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildPreloadSurface } from './desktop/preload-surface.js';

/** The file-system path of a dropped file, or '' for anything that is not a File. */
function pathForFile(file: unknown): string {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return '';
  }
}

contextBridge.exposeInMainWorld('factmark', buildPreloadSurface(ipcRenderer, pathForFile));
