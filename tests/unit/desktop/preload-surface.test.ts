/** window.factmark: exactly the contract's calls and events plus pathForFile (which tells main what it found), and nothing leaks. */
import { describe, expect, it, vi } from 'vitest';
import { buildPreloadSurface, type IpcRendererLike } from '../../../main/desktop/preload-surface.js';
import { CALL_NAMES, DROPPED_FILE_CHANNEL, EVENT_NAMES, callChannel, eventChannel, eventSubscriberName } from '../../../shared/contract.js';

/** An ipcRenderer stand-in that records invocations and lets a test emit events. */
function fakeIpc() {
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipc = {
    invoke: vi.fn(async (channel: string, ...args: unknown[]) => ({ ok: true, value: { channel, args } })),
    on: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    }),
    removeListener: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => void) => listeners.get(channel)?.delete(listener)),
    sendSync: vi.fn((_channel: string, ..._args: unknown[]): unknown => null),
  } satisfies IpcRendererLike;
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({ sender: 'the IPC event object', ports: [] }, payload));
  return { ipc, emit, listeners };
}

describe('buildPreloadSurface', () => {
  it('has exactly one function per call, one subscriber per event, and pathForFile', () => {
    const surface = buildPreloadSurface(fakeIpc().ipc, () => '');
    const expected = [...CALL_NAMES, ...EVENT_NAMES.map(eventSubscriberName), 'pathForFile'];
    expect(Object.keys(surface).sort()).toEqual(expected.sort());
    for (const value of Object.values(surface)) expect(typeof value).toBe('function');
    expect(surface).not.toHaveProperty('invoke');
    expect(surface).not.toHaveProperty('ipcRenderer');
  });

  it.each(CALL_NAMES)('%s invokes its own channel with the arguments as given', async (name) => {
    const { ipc } = fakeIpc();
    const surface = buildPreloadSurface(ipc, () => '') as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    const result = await surface[name]!('first', { second: 2 });
    expect(ipc.invoke).toHaveBeenCalledExactlyOnceWith(callChannel(name), 'first', { second: 2 });
    expect(result).toEqual({ ok: true, value: { channel: callChannel(name), args: ['first', { second: 2 }] } });
  });

  it('turns a call that cannot reach main into an INTERNAL error value, not a rejection', async () => {
    const { ipc } = fakeIpc();
    ipc.invoke.mockRejectedValueOnce(new Error("No handler registered for 'factmark:call:saveNow'"));
    const surface = buildPreloadSurface(ipc, () => '');
    expect(await surface.saveNow()).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('saveNow') } });
  });

  it.each(EVENT_NAMES)('the %s subscriber hands listeners the payload only, and unsubscribes', (event) => {
    const { ipc, emit, listeners } = fakeIpc();
    const surface = buildPreloadSurface(ipc, () => '') as unknown as Record<string, (listener: (...args: unknown[]) => void) => () => void>;
    const listener = vi.fn();
    const unsubscribe = surface[eventSubscriberName(event)]!(listener);
    emit(eventChannel(event), { state: 'saved' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ state: 'saved' });
    unsubscribe();
    expect(listeners.get(eventChannel(event))!.size).toBe(0);
    emit(eventChannel(event), 'later');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('answers pathForFile through the given function', () => {
    const pathForFile = vi.fn((file: unknown) => (file === 'dropped' ? '/data/Claims.factmark' : ''));
    const surface = buildPreloadSurface(fakeIpc().ipc, pathForFile);
    expect(surface.pathForFile('dropped')).toBe('/data/Claims.factmark');
    expect(surface.pathForFile({})).toBe('');
  });

  it('tells main each path pathForFile finds, synchronously and before answering, and nothing for a non-file', () => {
    const { ipc } = fakeIpc();
    const order: string[] = [];
    ipc.sendSync.mockImplementation((channel: string, ...args: unknown[]) => void order.push(`${channel} ${String(args[0])}`));
    const surface = buildPreloadSurface(ipc, (file) => (file === 'dropped' ? '/data/speech.docx' : ''));
    order.push(`answer ${surface.pathForFile('dropped')}`);
    surface.pathForFile({ name: '/etc/passwd' });
    expect(order).toEqual([`${DROPPED_FILE_CHANNEL} /data/speech.docx`, 'answer /data/speech.docx']);
    expect(ipc.sendSync).toHaveBeenCalledExactlyOnceWith(DROPPED_FILE_CHANNEL, '/data/speech.docx');
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('still answers the path when main cannot be told', () => {
    const { ipc } = fakeIpc();
    ipc.sendSync.mockImplementation(() => {
      throw new Error('An object could not be cloned.');
    });
    expect(buildPreloadSurface(ipc, () => '/data/speech.docx').pathForFile('dropped')).toBe('/data/speech.docx');
  });
});
