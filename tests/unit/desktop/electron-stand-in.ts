/**
 * A tiny recording stand-in for the electron parts `startDesktop` receives, so the real startup
 * sequence runs in Node. It records what the app asked of Electron (schemes, handlers, windows,
 * menus, dialogs) and lets a test play Electron's side (ready, events, IPC messages, requests).
 *
 * What it cannot prove — only the Electron tests (tests/electron) or a person can:
 *  - that Electron behaves as the wiring assumes: event order, that `will-navigate` or the window
 *    open handler fire for a given page action, that `app://` loads with these privileges, that
 *    `protocol.handle` answers module scripts, that the sandboxed preload can require what it does;
 *  - that the real `webPreferences`, permission and CSP settings take effect in Chromium;
 *  - native dialogs, menus and accelerators as the user sees them, window placement on real
 *    displays, the macOS `open-file` and single-instance behaviour of the OS;
 *  - that its own shape matches Electron's: it is cast to `ElectronParts`, so the compiler does
 *    not check it (the wiring itself is type-checked against Electron's real types).
 */
import { EventEmitter } from 'node:events';
import type { ElectronParts } from '../../../main/desktop/electron-parts.js';

/** An event with `preventDefault`, as Electron passes to listeners. */
export interface StandInEvent {
  url?: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

/** A fresh event, optionally with a URL (navigation events carry one). */
export function standInEvent(url?: string): StandInEvent {
  return { ...(url === undefined ? {} : { url }), defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
}

/** A webContents: an event emitter that records what is sent and the window-open handler. */
export class StandInWebContents extends EventEmitter {
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void { this.sent.push([channel, payload]); }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void { this.windowOpenHandler = handler; }
}

/** A permission request or check handler, called as Electron would. */
type PermissionHandler = (...args: unknown[]) => boolean | void;

/** Builds a stand-in; `userData` is the folder `app.getPath` answers with. */
export function createElectronStandIn(userData: string) {
  const log: string[] = [];
  const windows: StandInWindow[] = [];
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcListeners = new Map<string, (event: { senderFrame: unknown; returnValue?: unknown }, ...args: unknown[]) => void>();
  const protocolHandlers = new Map<string, (request: { url: string; method: string }) => Promise<Response>>();
  const permission: { request?: PermissionHandler; check?: PermissionHandler } = {};
  const dialogs = { calls: [] as [string, unknown][], messageBoxResponse: 0, openPaths: ['/picked/Claims.factmark'] };
  const opened: string[] = [];
  const menus: { template: unknown[] }[] = [];
  let markReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    isReady: false,
    hasLock: true,
    enableSandbox: () => log.push('app.enableSandbox'),
    setPath: (name: string, path: string) => log.push(`app.setPath ${name} ${path}`),
    getPath: () => userData,
    getName: () => 'Factmark',
    requestSingleInstanceLock: () => (log.push('app.requestSingleInstanceLock'), app.hasLock),
    quit: () => log.push('app.quit'),
    whenReady: () => readyPromise,
  });

  class StandInWindow extends EventEmitter {
    static getAllWindows = () => windows.filter((w) => !w.destroyed);
    static getFocusedWindow = () => null;
    readonly webContents = new StandInWebContents();
    loadedUrl: string | null = null;
    destroyed = false;
    visible = false;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      log.push('new BrowserWindow');
      app.emit('web-contents-created', standInEvent(), this.webContents);
    }
    async loadURL(url: string) { this.loadedUrl = url; this.emit('ready-to-show'); }
    show() { this.visible = true; }
    focus() { log.push('window.focus'); }
    isMinimized() { return false; }
    restore() {}
    maximize() {}
    isMaximized() { return false; }
    isDestroyed() { return this.destroyed; }
    getNormalBounds() { const { x, y, width, height } = this.options; return { x, y, width, height }; }
    close() { this.emit('close'); this.destroyed = true; }
  }

  const parts = {
    app,
    BrowserWindow: StandInWindow,
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, handler);
      },
      on: (channel: string, listener: (event: { senderFrame: unknown; returnValue?: unknown }, ...args: unknown[]) => void) => {
        if (ipcListeners.has(channel)) throw new Error(`The stand-in takes one listener per channel, and '${channel}' has one`);
        ipcListeners.set(channel, listener);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => {
        if (app.isReady) throw new Error('registerSchemesAsPrivileged must be called before the app is ready');
        log.push(`protocol.registerSchemesAsPrivileged ${JSON.stringify(schemes)}`);
      },
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    Menu: { buildFromTemplate: (template: unknown[]) => ({ template }), setApplicationMenu: (menu: { template: unknown[] }) => menus.push(menu) },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => (dialogs.calls.push(['open', args.at(-1)]), { canceled: false, filePaths: dialogs.openPaths }),
      showSaveDialog: async (...args: unknown[]) => (dialogs.calls.push(['save', args.at(-1)]), { canceled: true, filePath: '' }),
      showMessageBox: async (...args: unknown[]) => (dialogs.calls.push(['message', args.at(-1)]), { response: dialogs.messageBoxResponse, checkboxChecked: false }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: PermissionHandler) => (permission.request = handler),
        setPermissionCheckHandler: (handler: PermissionHandler) => (permission.check = handler),
      },
    },
    shell: { openExternal: async (url: string) => void opened.push(url) },
    nativeTheme: { themeSource: 'system', shouldUseDarkColors: false },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    },
  };

  return {
    electron: parts as unknown as ElectronParts,
    log,
    windows,
    ipcHandlers,
    ipcListeners,
    protocolHandlers,
    permission,
    dialogs,
    opened,
    menus,
    nativeTheme: parts.nativeTheme,
    app,
    /** Plays Electron becoming ready. */
    ready(): void {
      app.isReady = true;
      log.push('app ready');
      markReady();
    },
    /** Sends an IPC call as a frame at `frameUrl` (top-level unless `parent` is given) would. */
    invoke(channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]): Promise<unknown> {
      const handler = ipcHandlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return Promise.resolve(handler({ senderFrame: frame }, ...args));
    },
    /** Sends a synchronous IPC message (`ipcRenderer.sendSync`) as a frame would; answers what the listener set as `returnValue`. */
    sendSync(channel: string, frame: { url: string; parent: unknown } | null, ...args: unknown[]): unknown {
      const listener = ipcListeners.get(channel);
      if (!listener) throw new Error(`No listener on '${channel}'`);
      const event: { senderFrame: unknown; returnValue?: unknown } = { senderFrame: frame };
      listener(event, ...args);
      if (!('returnValue' in event)) throw new Error(`The listener on '${channel}' left the sender waiting: no returnValue`);
      return event.returnValue;
    },
  };
}

/** The stand-in as a test uses it. */
export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;
