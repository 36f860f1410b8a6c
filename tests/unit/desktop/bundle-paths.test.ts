/**
 * The files the desktop window points to are the files the build writes: the paths the code
 * computes are checked against the outputs named in esbuild.config.mjs and package.json, and
 * against dist/ itself when a build exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundlePaths } from '../../../main/desktop/bundle-paths.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const config = readFileSync(join(ROOT, 'esbuild.config.mjs'), 'utf8');
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };

/** The `outfile` esbuild writes for `entry`. */
function outfileOf(entry: string): string {
  const match = new RegExp(`entryPoints: \\['${entry}'\\][^}]*?outfile: '([^']+)'`).exec(config);
  if (!match) throw new Error(`esbuild.config.mjs has no build for ${entry}`);
  return join(ROOT, match[1]!);
}

/** The file esbuild writes for the renderer's `entry`, named `name` in the split build's `outdir`. */
function splitOutputOf(entry: string, name: string): string {
  const match = new RegExp(`entryPoints: \\{ ${name}: '${entry}' \\},\\s*outdir: '([^']+)'`).exec(config);
  if (!match) throw new Error(`esbuild.config.mjs has no split build with ${name}: ${entry}`);
  return join(ROOT, match[1]!, `${name}.js`);
}

/** The destination esbuild.config.mjs copies `source` to. */
function copyTargetOf(source: string): string {
  const match = new RegExp(`cpSync\\('${source}', '([^']+)'`).exec(config);
  if (!match) throw new Error(`esbuild.config.mjs does not copy ${source}`);
  return join(ROOT, match[1]!);
}

const mainBundle = outfileOf('main/electron-main.ts');
const paths = bundlePaths(join(mainBundle, '..'));
const built = [mainBundle, paths.preloadPath, join(paths.rendererRoot, 'index.html'), join(paths.rendererRoot, 'app.js')];

describe('bundle paths', () => {
  it('package.json starts Electron at the main bundle', () => {
    expect(join(ROOT, packageJson.main)).toBe(mainBundle);
  });

  it('the window preload is the preload bundle', () => {
    expect(paths.preloadPath).toBe(outfileOf('main/preload.ts'));
    expect(paths.preloadPath.endsWith('.cjs')).toBe(true);
  });

  it('the app:// protocol serves the folder the renderer is built into', () => {
    expect(join(paths.rendererRoot, 'index.html')).toBe(copyTargetOf('renderer/index.html'));
    expect(join(paths.rendererRoot, 'app.js')).toBe(splitOutputOf('renderer/main.tsx', 'app'));
  });

  it.skipIf(!existsSync(join(ROOT, 'dist')))('the built files exist in dist/ (skipped when nothing is built)', () => {
    expect(built.filter((file) => !existsSync(file))).toEqual([]);
  });
});
