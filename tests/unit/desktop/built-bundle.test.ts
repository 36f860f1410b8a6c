/**
 * The built desktop bundle (dist/main/electron-main.cjs) run through its startup with the recording
 * Electron stand-in: the services, zod and the contract's schemas load only once Electron is ready
 * (issue #7: `import()`s that esbuild turns into lazy module starts), and that lazy path works in
 * the bundle itself — a window opens and the first contract calls are answered, a malformed one
 * refused by the lazily loaded schemas. Skipped when dist/ is not built (`npm test` builds it).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callChannel } from '../../../shared/contract.js';
import { createElectronStandIn } from './electron-stand-in.js';

const BUNDLE = resolve(import.meta.dirname, '../../../dist/main/electron-main.cjs');
const APP_FRAME = { url: 'app://factmark/index.html', parent: null };

let work = '';
afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.skipIf(!existsSync(BUNDLE))('the built desktop bundle (skipped when dist/ is not built)', () => {
  it('opens its window and answers the first calls once Electron is ready', async () => {
    work = await mkdtemp(join(tmpdir(), 'factmark-built-bundle-'));
    const stand = createElectronStandIn(join(work, 'userData'));
    const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
    const load = moduleWithLoad._load;
    moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
      return request === 'electron' ? stand.electron : load.call(this, request, ...rest);
    };
    const userDataBefore = process.env.FACTMARK_USER_DATA_DIR;
    process.env.FACTMARK_USER_DATA_DIR = join(work, 'userData');
    try {
      createRequire(import.meta.url)(BUNDLE);
    } finally {
      moduleWithLoad._load = load;
      if (userDataBefore === undefined) delete process.env.FACTMARK_USER_DATA_DIR;
      else process.env.FACTMARK_USER_DATA_DIR = userDataBefore;
    }
    // Before ready: the lock is taken and nothing answers calls yet.
    expect(stand.log).toContain('app.requestSingleInstanceLock');
    expect(stand.ipcHandlers.size).toBe(0);

    stand.ready();
    await expect.poll(() => stand.windows.length, { timeout: 10_000 }).toBe(1);
    await expect(stand.invoke(callChannel('getAppInfo'), APP_FRAME)).resolves.toMatchObject({ ok: true, value: { host: 'desktop' } });
    await expect(stand.invoke(callChannel('getOpenProject'), APP_FRAME)).resolves.toEqual({ ok: true, value: null });
    await expect(stand.invoke(callChannel('openProject'), APP_FRAME, 42)).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
