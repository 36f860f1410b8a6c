/**
 * The built main bundle (dist/main/electron-main.cjs), loaded as Electron would load it but with
 * the recording stand-in answering `require('electron')`, and the real services behind it: shows
 * that the bundle starts, that the paths it computes from its own folder find the built preload
 * and renderer, and that a call goes through to the services. The services, zod and the contract's
 * schemas load only once Electron is ready (`import()`s esbuild turns into lazy module starts): that
 * path is proven here in the bundle itself. Skipped when nothing is built.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { callChannel } from '../../../shared/contract.js';
import { createElectronStandIn, standInEvent } from './electron-stand-in.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN_BUNDLE = join(ROOT, 'dist/main/electron-main.cjs');
let userData = '';

afterAll(async () => {
  if (userData) await rm(userData, { recursive: true, force: true });
});

describe.skipIf(!existsSync(MAIN_BUNDLE))('the built main bundle (skipped when dist/ is not built)', () => {
  it('starts against the stand-in, points the window at built files, and serves calls', async () => {
    userData = await mkdtemp(join(tmpdir(), 'factmark-built-main-'));
    const stand = createElectronStandIn(userData);
    const require = createRequire(MAIN_BUNDLE);
    const electronPath = require.resolve('electron');
    const argv = process.argv;
    require.cache[electronPath] = { id: electronPath, filename: electronPath, loaded: true, exports: stand.electron } as unknown as NodeJS.Module;
    try {
      process.argv = [process.execPath];
      require(MAIN_BUNDLE);
    } finally {
      process.argv = argv;
      delete require.cache[electronPath];
    }
    // Before ready: the lock is taken, and nothing answers calls yet.
    expect(stand.log).toContain('app.requestSingleInstanceLock');
    expect(stand.ipcHandlers.size).toBe(0);
    stand.ready();
    await vi.waitFor(() => expect(stand.windows[0]?.loadedUrl).toBe('app://factmark/index.html'));

    const preload = (stand.windows[0]!.options.webPreferences as { preload: string }).preload;
    expect(preload).toBe(join(ROOT, 'dist/main/preload.cjs'));
    expect(existsSync(preload)).toBe(true);
    const index = await stand.protocolHandlers.get('app')!({ url: 'app://factmark/', method: 'GET' });
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Factmark</title>');
    expect((await stand.protocolHandlers.get('app')!({ url: 'app://factmark/app.js', method: 'GET' })).status).toBe(200);

    const info = await stand.invoke(callChannel('getAppInfo'), { url: 'app://factmark/index.html', parent: null });
    expect(info).toMatchObject({ ok: true, value: { name: 'Factmark', host: 'desktop', nativeDialogs: true } });
    // Arguments are checked by the schemas loaded on the first call.
    const refused = await stand.invoke(callChannel('openProject'), { url: 'app://factmark/index.html', parent: null }, 42);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });

    stand.app.emit('will-quit', standInEvent());
    await vi.waitFor(() => expect(stand.log).toContain('app.quit'));
  });
});
