/**
 * What starting the app loads (issue #7: the main-process bundle loads in ≤ 100 ms). The import
 * formats (linkedom and Readability, mammoth, markdown-it, pdf.js) and the PDF report (pdfkit,
 * fontkit, bidi-js) are `import()`ed where they are first used, never reached by a static import
 * from an entry point; esbuild then leaves their top-level code unrun at startup, and the libraries
 * sit in dist/vendor/ (esbuild.config.mjs) so the bundles do not even compile them.
 *
 * Two checks: the static import graph of the sources from each Node entry, and — when dist/ is
 * built — which files a fresh `node` actually loads when it loads dist/main/electron-main.cjs with
 * a stand-in electron (the same way the main-bundle bench case does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Packages only first use may load. */
const LAZY_PACKAGES = ['linkedom', '@mozilla/readability', 'mammoth', 'markdown-it', 'pdfjs-dist', 'pdfkit', 'fontkit', 'bidi-js'];

/** The specifiers a source file imports statically for their values (`import type` and `import()` left out). */
export function staticValueImports(source: string): string[] {
  const found: string[] = [];
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  for (const match of code.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) {
    if (match[1] === undefined) found.push(match[2]!);
  }
  return found;
}

/** The source file a relative specifier names (`./x.js` is `./x.ts` or `./x.tsx`), or null for a package or a JSON file. */
function sourceFileOf(importer: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(importer), specifier);
  if (specifier.endsWith('.json')) return null;
  for (const candidate of [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  throw new Error(`${relative(ROOT, importer)} imports ${specifier}, which is no source file`);
}

/** Every file reached from `entry` by static value imports, and every package those files import. */
export function staticGraph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [resolve(ROOT, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of staticValueImports(readFileSync(file, 'utf8'))) {
      const next = sourceFileOf(file, specifier);
      if (next !== null) queue.push(next);
      else if (!specifier.startsWith('.')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f).split('\\').join('/')).sort(), packages: [...packages].sort() };
}

describe('the static import graph', () => {
  it('reads static value imports only', () => {
    const source = `import { a } from './a.js';\nimport type { B } from './b.js';\nexport { c } from 'c';\nexport type { D } from 'd';\nimport {\n  e,\n  f,\n} from 'e';\nimport 'side';\n// import x from 'commented';\nconst g = await import('./g.js');`;
    expect(staticValueImports(source)).toEqual(['./a.js', 'c', 'e', 'side']);
  });

  it('the renderer shows an empty project without zod, markdown-it, ProseMirror or the anchoring code', () => {
    // The page's first chunks hold what an empty project shows; the editor (with the patch maker
    // and the annotation tools), the document's side-panel tabs, the export dialog and the schemas
    // come on first use (esbuild.config.mjs splits at every `import()`).
    const { files, packages } = staticGraph('renderer/main.tsx');
    expect(files).toContain('renderer/app/App.tsx');
    expect(packages.filter((p) => p === 'zod' || p === 'markdown-it' || p === 'approx-string-match' || p.startsWith('prosemirror-'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('shared/anchoring/') || f === 'shared/editor-schema.ts' || f.startsWith('renderer/app/annotations/claim/'))).toEqual([]);
  });

  it('the desktop app starts without the services, zod or ProseMirror: they load once Electron is ready', () => {
    const { files, packages } = staticGraph('main/electron-main.ts');
    expect(files).toContain('main/desktop/start-desktop.ts');
    expect(files.filter((f) => f.startsWith('main/services/') || f.startsWith('shared/model/') || f === 'shared/contract-validation.ts')).toEqual([]);
    expect(packages.filter((p) => ['zod', 'prosemirror-model', ...LAZY_PACKAGES].includes(p))).toEqual([]);
  });

  for (const entry of ['main/electron-main.ts', 'main/browser-host/serve.ts']) {
    it(`${entry} reaches no import format, report layout or their libraries at startup`, () => {
      const { files, packages } = staticGraph(entry);
      expect(packages.filter((p) => LAZY_PACKAGES.includes(p))).toEqual([]);
      const lazyModules = files.filter(
        (f) => /^main\/services\/import\/formats\/(html|html-to-content|markdown|docx|pdf|text)\.ts$/.test(f) || f.startsWith('main/services/import/formats/html/') || f.startsWith('main/services/export/') || f.startsWith('shared/report/'),
      );
      expect(lazyModules).toEqual([]);
    });
  }
});

const MAIN_BUNDLE = join(ROOT, 'dist/main/electron-main.cjs');
let scratch = '';
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(!existsSync(MAIN_BUNDLE))('the built main bundle at startup (skipped when dist/ is not built)', () => {
  it('loads no vendor file and none of the lazy packages', () => {
    scratch = mkdtempSync(join(tmpdir(), 'factmark-startup-graph-'));
    const standIn = join(scratch, 'electron-stand-in.cjs');
    // As in tests/bench/suite/node/main-bundle.ts: another instance "holds the lock", so startup
    // evaluates every module and stops at its first question to Electron.
    writeFileSync(
      standIn,
      `const Module = require('node:module');
const noop = () => undefined;
const app = { isPackaged: false, setPath: noop, getPath: () => '', enableSandbox: noop, requestSingleInstanceLock: () => false, quit: noop, exit: noop, on: noop, whenReady: () => new Promise(noop) };
const electron = { app, protocol: { registerSchemesAsPrivileged: noop }, dialog: { showErrorBox: noop, showMessageBox: async () => ({}) }, BrowserWindow: { getAllWindows: () => [] }, ipcMain: { handle: noop, on: noop }, Menu: {}, session: {}, shell: {} };
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };`,
    );
    const script = `require(${JSON.stringify(MAIN_BUNDLE)}); setImmediate(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))));`;
    const child = spawnSync(process.execPath, ['-r', standIn, '-e', script], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(child.stderr).toBe('');
    const loaded = (JSON.parse(child.stdout) as string[]).map((f) => relative(ROOT, f).split('\\').join('/'));
    expect(loaded).toContain('dist/main/electron-main.cjs');
    expect(loaded.filter((f) => f.startsWith('dist/') && f !== 'dist/main/electron-main.cjs')).toEqual([]);
    expect(loaded.filter((f) => LAZY_PACKAGES.some((p) => f.startsWith(`node_modules/${p}/`)))).toEqual([]);
  });

  it('leaves the vendor libraries out of the bundle itself', () => {
    const bundle = readFileSync(MAIN_BUNDLE, 'utf8');
    const bundled = LAZY_PACKAGES.filter((p) => bundle.includes(`// node_modules/${p}/`));
    expect(bundled).toEqual([]);
  });
});
