/**
 * The real desktop app in a real Electron (Playwright `_electron`): what the Node stand-in cannot
 * show. These tests need an Electron binary, which cannot be downloaded on the build machines:
 * they run where `ELECTRON_OVERRIDE_DIST_PATH` names one (or `npm install` fetched one) and skip
 * themselves, saying why, everywhere else. They never `require('electron')`, which would try to
 * download it. They need the build (`npm run build`) and, on Linux without a display, `xvfb-run`.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CALL_NAMES, EVENT_NAMES, eventSubscriberName } from '../../shared/contract.js';
import { CONTENT_SECURITY_POLICY } from '../../main/security/content-security-policy.js';

/** The Electron executable the `electron` package would use, or null when there is none. */
function electronBinary(): string | null {
  const packageDir = resolve('node_modules/electron');
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, relative ?? 'electron') : relative ? join(packageDir, 'dist', relative) : null;
  return binary !== null && existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const ENTRY_URL = 'app://factmark/index.html';

test.describe('Factmark desktop', () => {
  test.skip(binary === null, 'No Electron binary on this machine (cannot be downloaded here); set ELECTRON_OVERRIDE_DIST_PATH to run');
  test.skip(!existsSync('dist/main/electron-main.cjs'), 'The app is not built: run `npm run build` first');

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    userData = await mkdtemp(join(tmpdir(), 'factmark-electron-'));
    app = await electron.launch({
      executablePath: binary!,
      // Chromium refuses to start its OS sandbox as root (CI); the renderer stays sandboxed JS-wise.
      args: ['.', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, FACTMARK_USER_DATA_DIR: userData },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    await rm(userData, { recursive: true, force: true });
  });

  test('opens one window titled Factmark with the renderer from app://', async () => {
    await expect(page).toHaveTitle('Factmark');
    expect(page.url()).toBe(ENTRY_URL);
    expect(app.windows()).toHaveLength(1);
    expect(await page.evaluate(() => [...document.scripts].map((s) => s.src))).toEqual(['app://factmark/app.js']);
  });

  test('window.factmark has exactly the contract: calls, event subscribers and pathForFile', async () => {
    const keys = await page.evaluate(() => Object.keys((window as unknown as { factmark: object }).factmark).sort());
    expect(keys).toEqual([...CALL_NAMES, ...EVENT_NAMES.map(eventSubscriberName), 'pathForFile'].sort());
  });

  test('the page has neither Node nor Electron: no require, process, module, Buffer, electron or ipcRenderer', async () => {
    const names = ['require', 'process', 'module', 'Buffer', 'electron', 'ipcRenderer'];
    const types = await page.evaluate((globals) => globals.map((name) => typeof (globalThis as Record<string, unknown>)[name]), names);
    expect(types).toEqual(names.map(() => 'undefined'));
  });

  test('a contract call reaches the services and answers as the desktop host', async () => {
    const info = await page.evaluate(() => (window as unknown as { factmark: { getAppInfo(): Promise<unknown> } }).factmark.getAppInfo());
    expect(info).toMatchObject({ ok: true, value: { name: 'Factmark', host: 'desktop', nativeDialogs: true } });
  });

  test('main takes no path the page makes up: importing /etc/passwd, a project anywhere, and a made-up File are refused', async () => {
    const answers = await page.evaluate(async (folder) => {
      type Answer = { ok: boolean; error?: { code: string } };
      const factmark = (window as unknown as { factmark: { importFiles(p: string[], o: object): Promise<Answer>; createProject(r: object): Promise<Answer>; pathForFile(f: unknown): string } }).factmark;
      return {
        imported: await factmark.importFiles(['/etc/passwd'], {}),
        created: await factmark.createProject({ path: `${folder}/Anywhere.factmark`, name: 'Anywhere' }),
        madeUp: factmark.pathForFile(new File(['x'], '/etc/passwd')),
      };
    }, userData);
    expect(answers).toEqual({ imported: { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }, created: { ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) }, madeUp: '' });
    expect(existsSync(join(userData, 'Anywhere.factmark'))).toBe(false);
  });

  test('app:// answers with the Content-Security-Policy and refuses paths outside the bundle', async () => {
    const answers = await page.evaluate(async () => {
      const index = await fetch('app://factmark/index.html');
      const outside = await fetch('app://factmark/%2e%2e/main/electron-main.cjs');
      return { csp: index.headers.get('content-security-policy'), outside: outside.status };
    });
    expect(answers).toEqual({ csp: CONTENT_SECURITY_POLICY, outside: 404 });
  });

  test('navigation away from the app is blocked', async () => {
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1_000);
    expect(page.url()).toBe(ENTRY_URL);
  });

  test('window.open opens no window', async () => {
    const opened = await page.evaluate((url) => window.open(url) === null, ENTRY_URL);
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });
});
