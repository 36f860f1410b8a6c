// Builds every bundle of Factmark into dist/ with esbuild:
//   dist/main/electron-main.cjs   Electron main process (Node, CommonJS; `electron` left external)
//   dist/main/preload.cjs         preload, CommonJS so it runs in Electron's sandbox
//   dist/browser-host/serve.cjs   the loopback browser host (`npm run browser`)
//   dist/cli/factmark.cjs         the `factmark` command line
//   dist/renderer/                the UI, bundled for the browser platform: a Node import fails the build
// Usage: node esbuild.config.mjs [--watch]
import * as esbuild from 'esbuild';
import { cpSync, mkdirSync, rmSync } from 'node:fs';

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

const builds = [
  { ...node, entryPoints: ['main/electron-main.ts'], outfile: 'dist/main/electron-main.cjs' },
  { ...node, entryPoints: ['main/preload.ts'], outfile: 'dist/main/preload.cjs', sourcemap: false },
  { ...node, entryPoints: ['main/browser-host/serve.ts'], outfile: 'dist/browser-host/serve.cjs' },
  { ...node, entryPoints: ['main/cli/factmark.ts'], outfile: 'dist/cli/factmark.cjs', banner: { js: '#!/usr/bin/env node' } },
  {
    entryPoints: ['renderer/main.tsx'],
    outfile: 'dist/renderer/app.js',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome130',
    sourcemap: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
    minify: production,
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
