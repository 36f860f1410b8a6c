// Builds every bundle of Factmark into dist/ with esbuild:
//   dist/main/electron-main.cjs   Electron main process (Node, CommonJS; `electron` left external)
//   dist/main/preload.cjs         preload, CommonJS so it runs in Electron's sandbox
//   dist/browser-host/serve.cjs   the loopback browser host (`npm run browser`)
//   dist/cli/factmark.cjs         the `factmark` command line
//   dist/workers/pdf-worker.cjs   the PDF report's layout: a worker thread the three above start per PDF
//   dist/workers/import-worker.cjs  an import's parse: a worker thread the three above start per file or paste
//   dist/vendor/*.cjs             libraries the bundles above `require` on first use (see VENDOR)
//   dist/renderer/                the UI, bundled for the browser platform: a Node import fails the build
// Usage: node esbuild.config.mjs [--watch]
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.env.NODE_ENV === 'production';

/** Options every Node-side bundle shares. */
const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // pdf.js loads a native canvas module at run time, so it stays in node_modules. (linkedom, the
  // HTML import's DOM, is bundled: its optional `canvas` require sits in a try/catch with a shim.)
  // pdfkit and fontkit (the PDF report) load data files beside their own code at run time, so they
  // stay in node_modules too, as do the DejaVu fonts the PDF report resolves from `dejavu-fonts-ttf`.
  external: ['electron', 'pdfjs-dist', 'pdfkit', 'fontkit'],
  logLevel: 'warning',
  define: {
    'process.env.FACTMARK_BUILD': JSON.stringify(production ? 'production' : 'development'),
    // Code that resolves package files uses `require.resolve` in these CommonJS bundles and
    // `import.meta.resolve` only when run from the ES-module sources (tsx): that branch is dead here.
    'import.meta.resolve': 'undefined',
  },
};

/**
 * Libraries only the import formats and the reports use (HTML: linkedom and Readability; Word:
 * mammoth; Markdown and reports: markdown-it; the PDF report: bidi-js), each built once into
 * dist/vendor/<name>.cjs and `require`d from there by the desktop, browser-host, CLI and PDF-worker
 * bundles. The modules that import them are loaded with `import()` on first use, so these files are
 * read and compiled only then: starting the app no longer parses the ~1.5 MB they weigh (issue #7).
 * A vendor file exports what `require('<package>')` gives, the same as any external package.
 */
const VENDOR = { linkedom: 'linkedom', '@mozilla/readability': 'readability', mammoth: 'mammoth', 'markdown-it': 'markdown-it', 'bidi-js': 'bidi-js' };
const vendorLibraries = {
  name: 'vendor-libraries',
  setup(build) {
    const names = Object.keys(VENDOR).map((name) => name.replace(/[/.-]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) => ({ path: `../vendor/${VENDOR[args.path]}.cjs`, external: true }));
  },
};
/** The Node bundles (dist/<folder>/<name>.cjs, so `../vendor/` is dist/vendor/ from each). */
const nodeApp = { ...node, plugins: [vendorLibraries] };
const vendorBuilds = Object.entries(VENDOR).map(([name, file]) => ({
  ...node,
  stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: '.', sourcefile: `vendor-${file}.cjs`, loader: 'js' },
  outfile: `dist/vendor/${file}.cjs`,
}));

const builds = [
  { ...nodeApp, entryPoints: ['main/electron-main.ts'], outfile: 'dist/main/electron-main.cjs' },
  { ...node, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', sourcemap: false },
  { ...nodeApp, entryPoints: ['main/browser-host/serve.ts'], outfile: 'dist/browser-host/serve.cjs' },
  { ...nodeApp, entryPoints: ['main/cli/factmark.ts'], outfile: 'dist/cli/factmark.cjs', banner: { js: '#!/usr/bin/env node' } },
  // Started by main/services/export/pdf/in-worker.ts from the three bundles above, as ../workers/pdf-worker.cjs.
  { ...nodeApp, entryPoints: ['main/services/export/pdf/worker.ts'], outfile: 'dist/workers/pdf-worker.cjs' },
  // Started by main/services/import/in-worker.ts from the same three bundles, as ../workers/import-worker.cjs.
  { ...nodeApp, entryPoints: ['main/services/import/worker.ts'], outfile: 'dist/workers/import-worker.cjs' },
  ...vendorBuilds,
  {
    // The renderer, split: dist/renderer/app.js (the page's module) loads first; what an empty
    // project does not need (the export dialog with markdown-it, the overview, …) is `import()`ed
    // from dist/renderer/chunks/ on first use, as are the modules those chunks share with app.js.
    entryPoints: { app: 'renderer/main.tsx' },
    outdir: 'dist/renderer',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome130',
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    minify: production,
    plugins: [
      {
        // zod's `z` and `z.core` namespaces re-export every locale (`z.locales`, `z.core.locales`,
        // ~260 KB minified) and esbuild keeps a re-exported namespace whole; the renderer never
        // reads them (zod's English messages come from its own import of locales/en.js), so those
        // re-exports are empty here.
        name: 'zod-without-locales',
        setup(build) {
          build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
            /[\\/]zod[\\/]v4[\\/](classic|core)[\\/](external|index)\.js$/.test(args.importer) ? { path: 'zod-locales', namespace: 'zod-without-locales' } : undefined,
          );
          build.onLoad({ filter: /.*/, namespace: 'zod-without-locales' }, () => ({ contents: 'export {};', loader: 'js' }));
        },
      },
      {
        // The page names app.js only; the chunks app.js imports statically are found when app.js
        // is parsed, one round trip later. `<link rel="modulepreload">` in dist/renderer/index.html
        // fetches and compiles them beside app.js (script-src 'self' covers them).
        name: 'renderer-modulepreload',
        setup(build) {
          build.onEnd((result) => {
            const outputs = result.metafile?.outputs;
            if (!outputs || result.errors.length > 0) return;
            const found = new Set();
            const visit = (file) => {
              for (const { path, kind } of outputs[file]?.imports ?? []) {
                if (kind !== 'import-statement' || found.has(path)) continue;
                found.add(path);
                visit(path);
              }
            };
            visit('dist/renderer/app.js');
            const links = [...found].sort().map((path) => `    <link rel="modulepreload" href="${path.slice('dist/renderer/'.length)}" />\n`).join('');
            const page = readFileSync('renderer/index.html', 'utf8').replace('    <script type="module" src="app.js"></script>\n', (script) => links + script);
            writeFileSync('dist/renderer/index.html', page);
          });
        },
      },
    ],
    metafile: true,
  },
  {
    entryPoints: ['renderer/styles/app.css'],
    outfile: 'dist/renderer/styles/app.css',
    bundle: true,
    logLevel: 'warning',
    minify: production,
  },
];

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/renderer', { recursive: true });
/** Static renderer files: the page and the app's icon. */
function copyStatic() {
  cpSync('renderer/index.html', 'dist/renderer/index.html');
  cpSync('assets/icons/icon.svg', 'dist/renderer/icon.svg');
}
copyStatic();

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
