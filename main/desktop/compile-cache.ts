/**
 * V8's code cache on disk (Node's `module.enableCompileCache`, Node ≥ 22.1, so Electron 45's main
 * process has it): the libraries the app loads on first use — pdf.js for a PDF import, the
 * dist/vendor/ files for HTML, Word and Markdown, pdfkit and fontkit for a PDF report — are
 * compiled once and read back as bytecode on later launches. It starts after the main bundle
 * itself has been compiled, so it does not shorten startup; it shortens the first import or
 * export of each launch. Feature-detected: where the API is missing (Node 20), nothing happens.
 */
import * as nodeModule from 'node:module';
import { isAbsolute, join } from 'node:path';

/** `module.enableCompileCache` as Node 22 declares it (the Node 20 types here lack it). */
export type EnableCompileCache = (directory?: string) => { status: number; message?: string; directory?: string };

/** The folder inside the user-data folder that holds the cache. */
export const COMPILE_CACHE_FOLDER = 'compile-cache';

/**
 * Turns the cache on in `<userDataDir>/compile-cache` (in the user's own folder, not the shared
 * temporary one Node uses by default). Never throws: a cache that cannot start only costs speed.
 * Skipped in an AppImage, whose files lie under a new mount path each launch, so every launch
 * would add entries no later launch reads. Returns whether the cache was asked to start.
 */
export function enableCompileCache(userDataDir: string, options: { enable?: EnableCompileCache | undefined; env?: NodeJS.ProcessEnv } = {}): boolean {
  const enable = 'enable' in options ? options.enable : (nodeModule as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  const env = options.env ?? process.env;
  if (typeof enable !== 'function' || env.APPIMAGE !== undefined || !isAbsolute(userDataDir)) return false;
  try {
    enable(join(userDataDir, COMPILE_CACHE_FOLDER));
    return true;
  } catch {
    return false;
  }
}
