/**
 * Where the built app's pieces lie relative to the main bundle (esbuild.config.mjs writes
 * dist/main/electron-main.cjs, dist/main/preload.cjs and dist/renderer/). A unit test checks
 * these names against the build configuration, so a renamed output cannot leave the window
 * pointing at nothing.
 */
import { join } from 'node:path';

/** The built files the desktop needs. */
export interface BundlePaths {
  /** The preload script every window runs. */
  preloadPath: string;
  /** The folder the `app://factmark/` protocol serves. */
  rendererRoot: string;
}

/** The {@link BundlePaths} for a main bundle that lives in the folder `mainBundleDir`. */
export function bundlePaths(mainBundleDir: string): BundlePaths {
  return { preloadPath: join(mainBundleDir, 'preload.cjs'), rendererRoot: join(mainBundleDir, '..', 'renderer') };
}
