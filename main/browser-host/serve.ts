/**
 * `npm run browser`: starts the browser host over the built renderer and prints its address with
 * the run's token. Options: `--port N` (default: a free port), `--settings-dir DIR` (default: the
 * user's config folder), `--open PROJECT` (open a project at start).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAppServices } from '../services/app-services.js';
import { startBrowserHost } from './server.js';
import { version } from '../../package.json';

/** The per-user settings folder of the browser host, apart from the desktop app's. */
function defaultSettingsDir(): string {
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'Factmark', 'browser-host');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Factmark', 'browser-host');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'factmark', 'browser-host');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'settings-dir': { type: 'string' }, open: { type: 'string' } },
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port takes a number from 0 to 65535, not ${values.port}`);
  const settingsDir = resolve(values['settings-dir'] ?? defaultSettingsDir());
  const host = await startBrowserHost({
    staticDir: resolve(__dirname, '..', 'renderer'),
    port,
    createServices: (emit) => createAppServices({ host: 'browser', settingsDir, version, emit }),
  });
  if (values.open) await host.services.openFromHost(resolve(values.open));
  console.log(`Factmark is running at ${host.url}`);
  console.log('Open that address in a browser on this computer. Press Ctrl+C to stop (your work is saved first).');
  const stop = (): void => {
    host.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('factmark: could not save before stopping:', error instanceof Error ? error.message : error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`factmark: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
