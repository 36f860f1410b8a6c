/**
 * Registers the contract's calls on `ipcMain`: one handler per call, each of which first checks
 * that the message comes from the app's own top-level page and then goes through the one
 * dispatch wrapper (argument validation, error values). Nothing else listens on IPC.
 */
import type { IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES, callChannel } from '../../shared/contract.js';
import { fail } from '../../shared/result.js';
import { dispatch, type Handlers } from '../ipc/dispatch.js';
import { APP_ORIGIN } from '../security/app-origin.js';
import { isTrustedSender } from '../security/sender.js';
import type { ElectronParts } from './electron-parts.js';

/** Registers one `ipcMain.handle` per contract call, answering with `handlers`. */
export function registerIpcHandlers(ipcMain: ElectronParts['ipcMain'], handlers: Handlers): void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(callChannel(name), (event, ...args: unknown[]) => {
      if (!fromAppPage(event)) return fail('FORBIDDEN', `"${name}" may only be called by Factmark's own window.`);
      return dispatch(handlers, name, args);
    });
  }
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
