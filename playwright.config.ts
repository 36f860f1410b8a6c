// End-to-end tests. `chromium`: the real renderer bundle against the real services through the
// browser host, in the Chromium tests/tools/test-tools.ts finds (FACTMARK_CHROMIUM, the system's,
// or Playwright's own; `npm run test:tools` installs one where none is).
// `electron`: the desktop app itself; those tests skip themselves, with the reason, where no
// Electron binary exists.
import { defineConfig } from '@playwright/test';
import { requireTestTool } from './tests/tools/test-tools.js';

/** The Chromium the browser tests and the benchmarks launch; loading this file fails, saying how to get one, when there is none. */
export const CHROMIUM_PATH = requireTestTool('chromium');

export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
        },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
});
