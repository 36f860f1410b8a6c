/**
 * The object the preload exposes as `window.factmark`: one named function per contract call, one
 * `onX` subscriber per event, and `pathForFile` — nothing else. The renderer gets neither
 * `ipcRenderer` nor a way to name a channel, and event listeners get the payload only, never
 * Electron's event object (which would reach back into the IPC machinery). `pathForFile` tells
 * main each path it finds, synchronously, so main accepts a dropped file in the call that follows.
 */
import { CALL_NAMES, DROPPED_FILE_CHANNEL, EVENT_NAMES, callChannel, eventChannel, eventSubscriberName, type PreloadSurface } from '../../shared/contract.js';
import { fail } from '../../shared/result.js';

/** A listener of `ipcRenderer.on`. */
type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** The part of Electron's `ipcRenderer` the surface uses. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  sendSync(channel: string, ...args: unknown[]): unknown;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
}

/**
 * Builds the preload's surface on `ipc`. A call that cannot reach main (no handler yet, arguments
 * that cannot be cloned) answers with an `INTERNAL` error value instead of a rejected promise.
 * `pathForFile` is Electron's `webUtils.getPathForFile`, made total ('' for anything not a file);
 * a path it finds is sent to main on {@link DROPPED_FILE_CHANNEL} before it is returned. Only a real
 * File has a path there, so the page cannot have main accept a path it made up.
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
  surface.pathForFile = (file: unknown) => {
    const path = pathForFile(file);
    if (path === '') return path;
    try {
      ipc.sendSync(DROPPED_FILE_CHANNEL, path);
    } catch {
      // Main did not hear of it: the call with this path is refused there, saying why.
    }
    return path;
  };
  return surface as PreloadSurface;
}
