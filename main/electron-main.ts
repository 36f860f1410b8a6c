/**
 * The Electron main process entry (dist/main/electron-main.cjs): hands the real electron module
 * and the production options to the desktop wiring, and reports a failed start.
 * `FACTMARK_USER_DATA_DIR` moves the settings folder (the Electron end-to-end tests use it).
 */
import * as electron from 'electron';
import { version } from '../package.json';
import { bundlePaths } from './desktop/bundle-paths.js';
import { startDesktop } from './desktop/start-desktop.js';
import { createAppServices } from './services/app-services.js';

startDesktop(electron, {
  ...bundlePaths(__dirname),
  createServices: createAppServices,
  version,
  argv: process.argv,
  cwd: process.cwd(),
  platform: process.platform,
  isDev: !electron.app.isPackaged,
  isDefaultApp: process.defaultApp === true,
  ...(process.env.FACTMARK_USER_DATA_DIR ? { userDataDir: process.env.FACTMARK_USER_DATA_DIR } : {}),
}).catch((error: unknown) => {
  console.error('factmark: startup failed', error);
  electron.dialog.showErrorBox('Factmark could not start', error instanceof Error ? error.message : String(error));
  electron.app.exit(1);
});
