/**
 * The Electron main process entry (dist/main/electron-main.cjs): hands the real electron module
 * and the production options to the desktop wiring, and reports a failed start.
 * `FACTMARK_USER_DATA_DIR` moves the settings folder (the Electron end-to-end tests use it).
 * What the app needs only later (import formats, reports) is loaded on first use (issue #7,
 * tests/unit/startup-graph.test.ts): keep this module's static imports to what starting needs.
 */
import * as electron from 'electron';
import { version } from '../package.json';
import { bundlePaths } from './desktop/bundle-paths.js';
import { enableCompileCache } from './desktop/compile-cache.js';
import { startDesktop } from './desktop/start-desktop.js';

const userDataDir = process.env.FACTMARK_USER_DATA_DIR;
// Before anything loads on first use (import formats, reports): see compile-cache.ts.
enableCompileCache(userDataDir ?? electron.app.getPath('userData'));

startDesktop(electron, {
  ...bundlePaths(__dirname),
  // The services (the project store, its validation, the editor schema: most of the bundle's
  // evaluation) load once Electron is ready: a second instance, which only hands its arguments to
  // the first and quits, never evaluates them, and the first evaluates them while Electron starts
  // its GPU and network processes.
  createServices: async (serviceOptions) => (await import('./services/app-services.js')).createAppServices(serviceOptions),
  version,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  isDev: !electron.app.isPackaged,
  isDefaultApp: process.defaultApp === true,
  ...(userDataDir ? { userDataDir } : {}),
}).catch((error: unknown) => {
  console.error('factmark: startup failed', error);
  electron.dialog.showErrorBox('Factmark could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
