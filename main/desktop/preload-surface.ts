/**
 * The object the preload exposes as `window.factmark`: one named function per contract call, one
 * `onX` subscriber per event, and `pathForFile` — nothing else. The renderer gets neither
 * `ipcRenderer` nor a way to name a channel, and event listeners get the payload only, never
 * Electron's event object (which would reach back into the IPC machinery).
 */
import { CALL_NAMES, EVENT_NAMES, callChannel, eventChannel, eventSubscriberName, type PreloadSurface } from '../../shared/contract.js';
import { fail } from '../../shared/result.js';

/** A listener of `ipcRenderer.on`. */
type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's `ipcRenderer` the surface uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * Builds the preload's surface on `ipc`. A call that cannot reach main (no handler yet, arguments
 * that cannot be cloned) answers with an `INTERNAL` error value instead of a rejected promise.
 * `pathForFile` is Electron's `webUtils.getPathForFile`, made total ('' for anything not a file).
 */
export function buildPreloadSurface(ipc: IpcRendererLike, pathForFile: (file: unknown) => string): PreloadSurface {
  const surface: Record<string, unknown> = {};
  for (const name of CALL_NAMES) {
    surface[name] = async (...args: unknown[]) => {
      try {
        return await ipc.invoke(callChannel(name), ...args);
      } catch (error) {
        return fail('INTERNAL', `Factmark's main process did not answer "${name}": ${error instanceof Error ? error.message : String(error)}`);
      }
    };
  }
  for (const event of EVENT_NAMES) {
    surface[eventSubscriberName(event)] = (listener: (payload: unknown) => void) => {
      const forward: IpcListener = (_event, payload) => listener(payload);
      ipc.on(eventChannel(event), forward);
      return () => {
        ipc.removeListener(eventChannel(event), forward);
      };
    };
  }
  surface.pathForFile = (file: unknown) => pathForFile(file);
  return surface as PreloadSurface;
}
