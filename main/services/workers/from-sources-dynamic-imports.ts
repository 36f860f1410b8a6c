/**
 * Only when a worker runs from the TypeScript sources (unit tests, tsx), preloaded after tsx's
 * CommonJS hooks, for a worker that `import()`s its own modules on first use (the import formats
 * do, so a thread loads only the parser its file needs). tsx's CommonJS hooks compile the sources
 * but leave `import('./docx.js')` to Node's ES-module loader, which in a Node 20 worker has no
 * TypeScript hooks (an `--import` in the worker's execArgv is ignored, and hooks the parent
 * registered are not inherited), so the import fails. Here a compiled source file's dynamic imports
 * of relative literal specifiers become `require`s, which tsx's hooks resolve and compile; imports
 * of packages (pdf.js, real ES modules) stay as they are. The bundles in dist/ never load this:
 * esbuild resolves those imports when it builds them.
 */
import Module from 'node:module';

interface CompilingModule {
  _compile(code: string, filename: string): unknown;
}

/** `import('./x.js')` or `import("../y/z.js")`, as tsx's output keeps them. */
const RELATIVE_DYNAMIC_IMPORT = /\bimport\((["'])(\.{1,2}\/[^"'\n]+)\1\)/g;

const prototype = (Module as unknown as { prototype: CompilingModule }).prototype;
const compile = prototype._compile;
prototype._compile = function (this: CompilingModule, code: string, filename: string) {
  const source = /\.tsx?$/.test(filename) ? code.replace(RELATIVE_DYNAMIC_IMPORT, 'Promise.resolve().then(() => require($1$2$1))') : code;
  return compile.call(this, source, filename);
};
