/**
 * Registers the contract's calls on `ipcMain`: one handler per call, each of which first checks
 * that the message comes from the app's own top-level page and then goes through the one
 * dispatch wrapper (argument validation, error values). Besides them, one listener hears the
 * preload report a dropped file's path, from the app's page only, and grants it. Nothing else
 * listens on IPC.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, DROPPED_FILE_CHANNEL, callChannel } from '../../shared/contract.js';
import { fail } from '../../shared/result.js';
import { dispatch, type Handlers } from '../ipc/dispatch.js';
import { APP_ORIGIN } from '../security/app-origin.js';
import { isTrustedSender } from '../security/sender.js';
import type { ElectronParts } from './electron-parts.js';
import type { PathGrants } from './path-grants.js';

/** Registers one `ipcMain.handle` per contract call, answering with `handlers`, and the dropped-file listener, granting into `grants`. */
export function registerIpcHandlers(ipcMain: ElectronParts['ipcMain'], handlers: Handlers, grants: PathGrants): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, ...args: unknown[]) => {
      if (!fromAppPage(event)) return fail('FORBIDDEN', `"${name}" may only be called by Factmark's own window.`);
      return dispatch(handlers, name, args);
    });
  }
  ipcMain.on(DROPPED_FILE_CHANNEL, (event, path: unknown) => {
    if (fromAppPage(event) && typeof path === 'string') grants.grant(path);
    // The preload waits for this answer (sendSync): it must come whatever was sent.
    event.returnValue = null;
  });
}

/** True when `event` comes from the app's top-level page; false too when its frame is gone. */
function fromAppPage(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  try {
    const frame = event.senderFrame;
    return isTrustedSender(frame?.url, APP_ORIGIN, frame?.parent === null);
  } catch {
    // Electron throws when a frame was disposed (navigated away or destroyed) mid-message.
    return false;
  }
}
