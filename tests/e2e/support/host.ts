/** A fresh browser host for every test of a spec file: started before, stopped (saving first) after. */
import { test } from '@playwright/test';
import { startHost, type RunningHost } from '../browser-host.js';

/** Registers the host's start and stop around each test; call the result inside a test for the running host. */
export function useHost(): () => RunningHost {
  let host: RunningHost | undefined;
  test.beforeEach(async () => {
    host = await startHost();
  });
  test.afterEach(async () => {
    await host?.stop();
  });
  return () => {
    if (!host) throw new Error('The browser host is not running: call this inside a test.');
    return host;
  };
}
