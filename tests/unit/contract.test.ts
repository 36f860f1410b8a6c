/**
 * The contract, the preload surface, the IPC registrations and the services agree: every call the
 * contract names travels from window.factmark through ipcMain and the dispatch wrapper to a real
 * handler, and nothing else exists on any of the three.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, DROPPED_FILE_CHANNEL, EVENT_NAMES, callChannel, eventSubscriberName, type PreloadSurface } from '../../shared/contract.js';
import { argumentSchemas } from '../../shared/contract-validation.js';
import { registerIpcHandlers } from '../../main/desktop/ipc-handlers.js';
import type { ElectronParts } from '../../main/desktop/electron-parts.js';
import { createPathGrants } from '../../main/desktop/path-grants.js';
import { buildPreloadSurface } from '../../main/desktop/preload-surface.js';
import { createAppServices } from '../../main/services/app-services.js';
import type { AppServices } from '../../main/services/types.js';

type Listener = (event: unknown, ...args: unknown[]) => unknown;

let work: string;
let services: AppServices;
let surface: PreloadSurface;
const registered = new Map<string, Listener>();
const listening = new Map<string, Listener>();
/** The frame every call comes from: the app's own top-level page. */
const appFrame = { senderFrame: { url: 'app://factmark/index.html', parent: null } };

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-contract-'));
  services = await createAppServices({ host: 'desktop', settingsDir: work, version: '9.9.9', emit: () => {} });
  const ipcMain = {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    on: (channel: string, listener: Listener) => listening.set(channel, listener),
  } as unknown as ElectronParts['ipcMain'];
  registerIpcHandlers(ipcMain, services.handlers, createPathGrants());
  // The preload's invoke goes straight to the registered main-side handler, as Electron's IPC would.
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => registered.get(channel)!(appFrame, ...args),
    sendSync: (channel: string, ...args: unknown[]) => {
      const event: { senderFrame: unknown; returnValue?: unknown } = { ...appFrame };
      listening.get(channel)!(event, ...args);
      return event.returnValue;
    },
    on: () => {},
    removeListener: () => {},
  };
  surface = buildPreloadSurface(ipcRenderer, () => '');
});

afterAll(async () => {
  await services.shutdown();
  await rm(work, { recursive: true, force: true });
});

describe('the contract end to end', () => {
  it('names the same calls in the contract, the validators, the services, ipcMain and the preload', () => {
    const calls = [...CALL_NAMES].sort();
    expect(Object.keys(argumentSchemas).sort()).toEqual(calls);
    expect(Object.keys(services.handlers).sort()).toEqual(calls);
    expect([...registered.keys()].sort()).toEqual(CALL_NAMES.map(callChannel).sort());
    expect([...listening.keys()]).toEqual([DROPPED_FILE_CHANNEL]);
    const subscribers = EVENT_NAMES.map(eventSubscriberName);
    expect(Object.keys(surface).sort()).toEqual([...calls, ...subscribers, 'pathForFile'].sort());
  });

  it('carries a call from window.factmark to the services and back', async () => {
    expect(await surface.getAppInfo()).toMatchObject({ ok: true, value: { name: 'Factmark', version: '9.9.9', host: 'desktop' } });
    const created = await surface.createProject({ path: join(work, 'Contract'), name: 'Contract' });
    expect(created).toMatchObject({ ok: true, value: { project: { name: 'Contract' } } });
  });

  it('rejects bad arguments from the page with INVALID_ARGUMENT', async () => {
    const unsafe = surface as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    expect(await unsafe.renameDocument!({ toString: () => 'x' }, 5)).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
