/**
 * The real desktop startup sequence (`startDesktop`) run against the recording stand-in of
 * electron's parts, with fake services and a temporary renderer bundle on disk.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, DROPPED_FILE_CHANNEL, callChannel, eventChannel, type Settings } from '../../../shared/contract.js';
import type { Handlers } from '../../../main/ipc/dispatch.js';
import { startDesktop, type DesktopOptions } from '../../../main/desktop/start-desktop.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/content-security-policy.js';
import { checkWebPreferences } from '../../../main/security/window-options.js';
import type { AppServices, EventSink, ServiceOptions } from '../../../main/services/types.js';
import { createElectronStandIn, standInEvent, type ElectronStandIn } from './electron-stand-in.js';

const APP_FRAME = { url: 'app://factmark/index.html', parent: null };
/** The one project on the fake services' recent list. */
const RECENT_PROJECT = '/home/analyst/Claims.factmark';
const INDEX_HTML = '<!doctype html><title>Factmark</title>';

let work: string;
let stand: ElectronStandIn;
let services: AppServices & { handlers: Handlers };
let serviceOptions: ServiceOptions | null;

/** Fake services: every handler is a spy; settings say "dark". */
function fakeServices(): AppServices & { handlers: Handlers } {
  let settings: Settings = { theme: 'dark', recentProjects: [{ path: RECENT_PROJECT, name: 'Claims', openedAt: '2026-11-27T17:29:22.000Z' }] };
  const handlers = Object.fromEntries(CALL_NAMES.map((name) => [name, vi.fn(() => null)])) as unknown as Handlers;
  handlers.getAppInfo = vi.fn(() => ({ name: 'Factmark', version: '9.9.9', host: 'desktop' as const, platform: 'linux', nativeDialogs: true }));
  handlers.getSettings = vi.fn(() => settings);
  handlers.setTheme = vi.fn((theme) => (settings = { ...settings, theme }));
  return {
    handlers,
    openFromHost: vi.fn(async (path: string) => ({ path, project: {} as never })),
    hasUnsavedChanges: vi.fn(() => true),
    shutdown: vi.fn(async () => undefined),
  };
}

function options(overrides: Partial<DesktopOptions> = {}): DesktopOptions {
  return {
    preloadPath: join(work, 'dist', 'main', 'preload.cjs'),
    rendererRoot: join(work, 'dist', 'renderer'),
    createServices: async (given) => {
      serviceOptions = given;
      return services;
    },
    version: '9.9.9',
    argv: ['/opt/Factmark/factmark'],
    cwd: '/home/analyst',
    platform: 'linux',
    isDev: false,
    isDefaultApp: false,
    ...overrides,
  };
}

/** Runs startDesktop to the end: `beforeReady` plays events that arrive before `ready`. */
async function start(overrides: Partial<DesktopOptions> = {}, beforeReady: () => void = () => undefined): Promise<void> {
  const started = startDesktop(stand.electron, options(overrides));
  beforeReady();
  stand.ready();
  await started;
}

const lastMenu = () => stand.menus.at(-1)!.template as Electron.MenuItemConstructorOptions[];
const themeItems = () => (lastMenu().find((m) => m.label === 'View')!.submenu as Electron.MenuItemConstructorOptions[]).find((m) => m.label === 'Theme')!.submenu as Electron.MenuItemConstructorOptions[];
const windowContents = () => stand.windows[0]!.webContents;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-desktop-'));
  await mkdir(join(work, 'dist', 'renderer'), { recursive: true });
  await writeFile(join(work, 'dist', 'renderer', 'index.html'), INDEX_HTML);
  await writeFile(join(work, 'dist', 'renderer', 'app.js'), 'export {};');
  await writeFile(join(work, 'dist', 'package.json'), '{"secret": true}');
  await writeFile(join(work, 'dist', 'renderer', 'package.json.map'), '{}');
  stand = createElectronStandIn(join(work, 'userData'));
  services = fakeServices();
  serviceOptions = null;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(work, { recursive: true, force: true });
});

describe('startDesktop: before ready', () => {
  it('registers app:// as a privileged standard, secure scheme before the app is ready, and sandboxes every renderer', async () => {
    await start();
    const scheme = stand.log.findIndex((entry) => entry.startsWith('protocol.registerSchemesAsPrivileged'));
    expect(scheme).toBeGreaterThanOrEqual(0);
    expect(scheme).toBeLessThan(stand.log.indexOf('app ready'));
    expect(stand.log.indexOf('app.enableSandbox')).toBeLessThan(stand.log.indexOf('app ready'));
    expect(stand.log[scheme]).toBe(`protocol.registerSchemesAsPrivileged ${JSON.stringify([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])}`);
  });

  it('moves the user-data folder before taking the single-instance lock (the lock lives there)', async () => {
    await start({ userDataDir: '/tmp/factmark-test-profile' });
    expect(stand.log.indexOf('app.setPath userData /tmp/factmark-test-profile')).toBeLessThan(stand.log.indexOf('app.requestSingleInstanceLock'));
  });

  it('quits at once, registering nothing, when another instance holds the lock', async () => {
    stand.app.hasLock = false;
    await startDesktop(stand.electron, options());
    expect(stand.log).toContain('app.quit');
    expect(stand.ipcHandlers.size).toBe(0);
    expect(stand.windows).toHaveLength(0);
    expect(serviceOptions).toBeNull();
  });
});

describe('startDesktop: IPC', () => {
  it('registers exactly one handler per contract call and no other, and one listener: the preload reporting a dropped file', async () => {
    await start();
    expect([...stand.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    expect([...stand.ipcListeners.keys()]).toEqual([DROPPED_FILE_CHANNEL]);
  });

  it.each([
    ['no sender frame (destroyed)', null],
    ['a foreign site', { url: 'https://app.evil.test/', parent: null }],
    ['a file: page', { url: 'file:///home/analyst/evil.html', parent: null }],
    ['a look-alike host', { url: 'app://factmark.evil/index.html', parent: null }],
    ['an iframe inside the app page', { url: 'app://factmark/index.html', parent: {} }],
  ])('answers FORBIDDEN to %s and never reaches the handler', async (_label, frame) => {
    await start();
    const result = await stand.invoke(callChannel('openProject'), frame, '/home/analyst/Claims.factmark');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(services.handlers.openProject).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN when the sender frame was disposed mid-message', async () => {
    await start();
    const disposed = { get url(): string { throw new Error('Render frame was disposed before WebFrameMain could be accessed'); }, parent: null };
    expect(await stand.invoke(callChannel('saveNow'), disposed)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(services.handlers.saveNow).not.toHaveBeenCalled();
  });

  it('passes a call from the app page through dispatch: validated, handled, wrapped', async () => {
    await start();
    expect(await stand.invoke(callChannel('getAppInfo'), APP_FRAME)).toEqual({ ok: true, value: expect.objectContaining({ version: '9.9.9' }) });
    expect(await stand.invoke(callChannel('openProject'), APP_FRAME, 42)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(services.handlers.openProject).not.toHaveBeenCalled();
    expect(await stand.invoke(callChannel('openProject'), APP_FRAME, RECENT_PROJECT)).toEqual({ ok: true, value: null });
    expect(services.handlers.openProject).toHaveBeenCalledWith(RECENT_PROJECT);
  });

  it('sends service events to the window on the event channel', async () => {
    await start();
    const emit = serviceOptions!.emit as EventSink;
    emit('projectChanged', null);
    expect(windowContents().sent).toContainEqual([eventChannel('projectChanged'), null]);
  });
});

describe('startDesktop: main takes only paths the user chose', () => {
  const call = (name: Parameters<typeof callChannel>[0], ...args: unknown[]) => stand.invoke(callChannel(name), APP_FRAME, ...args);
  const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.stringMatching(/^Factmark opens only the files and folders you chose/) } };

  it('refuses paths the page names, before any handler runs', async () => {
    await start();
    expect(await call('importFiles', ['/etc/passwd'], {})).toMatchObject(forbidden);
    expect(await call('createProject', { path: '/etc/cron.d/Evil.factmark', name: 'Evil' })).toMatchObject(forbidden);
    expect(await call('openProject', '/home/analyst/Other.factmark')).toMatchObject(forbidden);
    expect(services.handlers.importFiles).not.toHaveBeenCalled();
    expect(services.handlers.createProject).not.toHaveBeenCalled();
    expect(services.handlers.openProject).not.toHaveBeenCalled();
  });

  it('takes what the dialogs answered, and nothing beside it', async () => {
    services.handlers.pickFilesToImport = vi.fn(async () => ['/home/analyst/speech.docx']);
    services.handlers.pickProjectToCreate = vi.fn(async () => '/home/analyst/Election.factmark');
    services.handlers.pickProjectToOpen = vi.fn(async () => '/home/analyst/Polls.factmark');
    await start();
    await call('pickFilesToImport');
    await call('pickProjectToCreate');
    await call('pickProjectToOpen');
    expect(await call('importFiles', ['/home/analyst/speech.docx'], {})).toEqual({ ok: true, value: null });
    expect(await call('importFiles', ['/home/analyst/speech.docx', '/home/analyst/.ssh/id_ed25519'], {})).toMatchObject(forbidden);
    expect(await call('createProject', { path: '/home/analyst/Election.factmark', name: 'Election' })).toEqual({ ok: true, value: null });
    expect(await call('openProject', '/home/analyst/Polls.factmark')).toEqual({ ok: true, value: null });
    expect(services.handlers.importFiles).toHaveBeenCalledExactlyOnceWith(['/home/analyst/speech.docx'], {});
  });

  it('takes a file the preload reports dropped by the app page, and not one reported by another frame', async () => {
    await start();
    expect(stand.sendSync(DROPPED_FILE_CHANNEL, APP_FRAME, '/home/analyst/page.html')).toBeNull();
    expect(stand.sendSync(DROPPED_FILE_CHANNEL, { url: 'https://app.evil.test/', parent: null }, '/etc/shadow')).toBeNull();
    expect(stand.sendSync(DROPPED_FILE_CHANNEL, APP_FRAME, { not: 'a path' })).toBeNull();
    expect(await call('importFiles', ['/home/analyst/page.html'], {})).toEqual({ ok: true, value: null });
    expect(await call('importFiles', ['/etc/shadow'], {})).toMatchObject(forbidden);
  });

  it('takes the project asked for on the command line', async () => {
    await start({ argv: ['/opt/Factmark/factmark', '/home/analyst/Launch.factmark'] });
    expect(services.openFromHost).toHaveBeenCalledWith('/home/analyst/Launch.factmark');
    expect(await call('openProject', '/home/analyst/Launch.factmark')).toEqual({ ok: true, value: null });
  });
});

describe('startDesktop: the app:// protocol', () => {
  const request = (url: string, method = 'GET') => stand.protocolHandlers.get('app')!({ url, method });

  it('serves index.html for app://factmark/ with the CSP header and its MIME type', async () => {
    await start();
    const response = await request('app://factmark/');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await request('app://factmark/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://factmark/../package.json',
    'app://factmark/%2e%2e/package.json',
    'app://factmark/%2E%2E%2Fpackage.json',
    'app://factmark/..%2fpackage.json',
    'app://factmark/..\\package.json',
    'app://factmark/missing.js',
    'app://factmark//etc/passwd',
    'app://evil/index.html',
    'app://factmark.evil/index.html',
  ])('refuses %s with 404 and the CSP', async (url) => {
    await start();
    const response = await request(url);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers 404 to methods other than GET', async () => {
    await start();
    expect((await request('app://factmark/index.html', 'POST')).status).toBe(404);
  });
});

describe('startDesktop: windows and web contents', () => {
  it('opens one window with the secure webPreferences, the built preload and the app entry page', async () => {
    await start();
    expect(stand.windows).toHaveLength(1);
    const window = stand.windows[0]!;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(checkWebPreferences(prefs)).toEqual([]);
    expect(prefs.preload).toBe(options().preloadPath);
    expect(window.options).toMatchObject({ title: 'Factmark', show: false });
    expect(window.loadedUrl).toBe('app://factmark/index.html');
    expect(window.visible).toBe(true);
  });

  it('reopens the window where it was left, and writes its place when it closes', async () => {
    const stateFile = join(work, 'userData', 'window-state.json');
    await mkdir(join(work, 'userData'));
    await writeFile(stateFile, JSON.stringify({ bounds: { x: 300, y: 200, width: 1000, height: 700 }, maximized: false }));
    await start();
    expect(stand.windows[0]!.options).toMatchObject({ x: 300, y: 200, width: 1000, height: 700, minWidth: 760, minHeight: 480 });
    await rm(stateFile);
    stand.windows[0]!.close();
    await vi.waitFor(async () => expect(JSON.parse(await readFile(stateFile, 'utf8'))).toEqual({ bounds: { x: 300, y: 200, width: 1000, height: 700 }, maximized: false }));
  });

  it('blocks navigation and redirects away from the app, and allows its own pages', async () => {
    await start();
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://factmark.evil/', 'javascript:alert(1)']) {
        const event = standInEvent(url);
        windowContents().emit(name, event);
        expect(event.defaultPrevented, `${name} ${url}`).toBe(true);
      }
      const own = standInEvent('app://factmark/index.html');
      windowContents().emit(name, own);
      expect(own.defaultPrevented).toBe(false);
    }
  });

  it('denies every window.open, sending only safe links to the browser', async () => {
    await start();
    const open = windowContents().windowOpenHandler!;
    expect(open({ url: 'https://example.com/report' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(open({ url: 'app://factmark/index.html' })).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(stand.opened).toEqual(['https://example.com/report']);
  });

  it('refuses <webview> attachment', async () => {
    await start();
    const event = standInEvent();
    windowContents().emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('lets a page unload even when it asks to stay (main flushes on quit instead)', async () => {
    await start();
    const event = standInEvent();
    windowContents().emit('will-prevent-unload', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', async () => {
    await start();
    const answers: unknown[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      stand.permission.request!(windowContents(), permission, (granted: boolean) => answers.push(granted), { requestingUrl: 'app://factmark/index.html' });
      answers.push(stand.permission.check!(windowContents(), permission, 'app://factmark', {}));
    }
    expect(answers).toEqual(new Array(10).fill(false));
  });

  it('macOS: reopens the window when the dock icon is clicked with none open', async () => {
    await start({ platform: 'darwin' });
    stand.windows[0]!.close();
    stand.app.emit('activate', standInEvent(), false);
    await vi.waitFor(() => expect(stand.windows.filter((w) => !w.destroyed)).toHaveLength(1));
    expect(stand.windows).toHaveLength(2);
  });

  it('quits when the last window closes, except on macOS', async () => {
    await start();
    stand.app.emit('window-all-closed');
    expect(stand.log.filter((e) => e === 'app.quit')).toHaveLength(1);
    const mac = createElectronStandIn(join(work, 'userData'));
    stand = mac;
    await start({ platform: 'darwin' });
    mac.app.emit('window-all-closed');
    expect(mac.log).not.toContain('app.quit');
  });
});

describe('startDesktop: services, theme and menu', () => {
  it('creates the desktop services with native dialogs and a link opener that checks the scheme', async () => {
    await start();
    expect(serviceOptions).toMatchObject({ host: 'desktop', settingsDir: join(work, 'userData'), version: '9.9.9' });
    const abilities = serviceOptions!.abilities!;
    expect(await abilities.pickProjectToOpen!()).toBe('/picked/Claims.factmark');
    expect(stand.dialogs.calls[0]).toMatchObject(['open', { properties: ['openDirectory', 'openFile'], filters: [{ extensions: ['factmark'] }] }]);
    expect(await abilities.pickProjectToCreate!()).toBeNull();
    await expect(abilities.openExternal!('javascript:alert(1)')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await abilities.openExternal!('HTTPS://Example.COM/a');
    expect(stand.opened).toEqual(['https://example.com/a']);
  });

  it('applies the saved theme and shows it checked in View → Theme', async () => {
    await start();
    expect(stand.nativeTheme.themeSource).toBe('dark');
    expect(themeItems().map((item) => [item.label, item.checked])).toEqual([['System', false], ['Light', false], ['Dark', true]]);
  });

  it('follows setTheme calls from the renderer and from the menu', async () => {
    await start();
    expect(await stand.invoke(callChannel('setTheme'), APP_FRAME, 'light')).toMatchObject({ ok: true, value: { theme: 'light' } });
    expect(stand.nativeTheme.themeSource).toBe('light');
    expect(themeItems().find((item) => item.checked)!.label).toBe('Light');
    themeItems().find((item) => item.label === 'System')!.click!({} as never, undefined, {} as never);
    await vi.waitFor(() => expect(stand.nativeTheme.themeSource).toBe('system'));
  });

  it('sends menu commands to the renderer', async () => {
    await start();
    const file = lastMenu().find((m) => m.label === 'File')!.submenu as Electron.MenuItemConstructorOptions[];
    file.find((item) => item.accelerator === 'CmdOrCtrl+S')!.click!({} as never, undefined, {} as never);
    expect(windowContents().sent).toContainEqual([eventChannel('menuCommand'), 'save']);
  });
});

describe('startDesktop: projects asked for from outside', () => {
  it('opens the project named on the command line once the window is up', async () => {
    await start({ argv: ['/opt/Factmark/factmark', '--no-sandbox', 'Claims.factmark'] });
    expect(services.openFromHost).toHaveBeenCalledWith('/home/analyst/Claims.factmark');
  });

  it('queues macOS open-file events that arrive before ready and opens them after', async () => {
    let openedBeforeReady = true;
    await start({ platform: 'darwin' }, () => {
      const event = standInEvent();
      stand.app.emit('open-file', event, '/Users/analyst/Early.factmark');
      expect(event.defaultPrevented).toBe(true);
      openedBeforeReady = vi.mocked(services.openFromHost).mock.calls.length > 0;
    });
    expect(openedBeforeReady).toBe(false);
    expect(services.openFromHost).toHaveBeenCalledWith('/Users/analyst/Early.factmark');
    stand.app.emit('open-file', standInEvent(), '/Users/analyst/Later.factmark');
    expect(services.openFromHost).toHaveBeenLastCalledWith('/Users/analyst/Later.factmark');
  });

  it('brings the window forward and opens the project a second launch names', async () => {
    await start();
    stand.app.emit('second-instance', standInEvent(), ['/opt/Factmark/factmark', '--flag', 'Second.factmark'], '/home/analyst/work', {});
    expect(stand.log).toContain('window.focus');
    expect(services.openFromHost).toHaveBeenCalledWith('/home/analyst/work/Second.factmark');
  });

  it('tells the user when a project cannot be opened', async () => {
    vi.mocked(services.openFromHost).mockRejectedValueOnce(new Error('This folder is not a Factmark project.'));
    await start({ argv: ['/opt/Factmark/factmark', '/home/analyst/Photos'] });
    expect(stand.dialogs.calls).toContainEqual(['message', expect.objectContaining({ type: 'error', detail: expect.stringContaining('not a Factmark project') })]);
  });
});

describe('startDesktop: quitting', () => {
  it('holds the quit until the services have flushed, then quits', async () => {
    await start();
    let finishShutdown: () => void = () => undefined;
    vi.mocked(services.shutdown).mockImplementationOnce(() => new Promise<void>((resolve) => (finishShutdown = resolve)));
    const first = standInEvent();
    stand.app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(services.shutdown).toHaveBeenCalledTimes(1);
    expect(stand.log).not.toContain('app.quit');
    finishShutdown();
    await vi.waitFor(() => expect(stand.log).toContain('app.quit'));
    const second = standInEvent();
    stand.app.emit('will-quit', second);
    expect(second.defaultPrevented).toBe(false);
    expect(services.shutdown).toHaveBeenCalledTimes(1);
  });

  it('asks before losing unsaved work when the flush fails; Cancel keeps the app and reopens its window', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await start();
    vi.mocked(services.shutdown).mockRejectedValueOnce(new Error('No space left on the disk.'));
    stand.windows[0]!.close();
    stand.dialogs.messageBoxResponse = 0;
    stand.app.emit('will-quit', standInEvent());
    await vi.waitFor(() => expect(stand.windows.filter((w) => !w.destroyed)).toHaveLength(1));
    expect(stand.dialogs.calls).toContainEqual(['message', expect.objectContaining({ buttons: ['Cancel', 'Quit Anyway'], detail: expect.stringContaining('No space left') })]);
    expect(stand.log).not.toContain('app.quit');
    expect(logged).toHaveBeenCalledWith('factmark: saving before quit failed', expect.any(Error));
  });

  it('quits when the user chooses Quit Anyway after a failed flush', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await start();
    vi.mocked(services.shutdown).mockRejectedValueOnce(new Error('No space left on the disk.'));
    stand.dialogs.messageBoxResponse = 1;
    stand.app.emit('will-quit', standInEvent());
    await vi.waitFor(() => expect(stand.log).toContain('app.quit'));
  });

  it('quits without asking when the flush fails with nothing unsaved', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await start();
    vi.mocked(services.hasUnsavedChanges).mockReturnValue(false);
    vi.mocked(services.shutdown).mockRejectedValueOnce(new Error('The project lock could not be released.'));
    stand.app.emit('will-quit', standInEvent());
    await vi.waitFor(() => expect(stand.log).toContain('app.quit'));
    expect(stand.dialogs.calls.filter(([kind]) => kind === 'message')).toEqual([]);
  });
});
