/**
 * Imports flow one way: renderer → shared ← main. This scans every import specifier in the source
 * folders (static imports, re-exports, dynamic imports and require calls) and fails on a crossing.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file names. */
export function importSpecifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g];
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

/** The top-level area a relative import lands in, or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier;
  return relative(ROOT, resolve(file, '..', specifier)).split(sep)[0]!;
}

function violations(area: string, rule: (target: string, specifier: string, file: string) => string | null): string[] {
  return sourceFiles(join(ROOT, area)).flatMap((file) =>
    importSpecifiers(readFileSync(file, 'utf8'))
      .map((specifier) => rule(target(file, specifier), specifier, relative(ROOT, file)))
      .filter((v): v is string => v !== null),
  );
}

describe('import directions', () => {
  it('finds the specifiers of every import form', () => {
    expect(importSpecifiers(`import a from 'x'; export * from "./y.js"; import './z.css'; await import('w'); require("v");`)).toEqual(['x', './y.js', './z.css', 'w', 'v']);
  });

  it('shared/ imports neither main/, renderer/, Node nor electron', () => {
    expect(violations('shared', (t, s, f) => (t === 'main' || t === 'renderer' || NODE.has(s) || s === 'electron' ? `${f} → ${s}` : null))).toEqual([]);
  });

  it('renderer/ imports neither main/, Node nor electron', () => {
    expect(violations('renderer', (t, s, f) => (t === 'main' || NODE.has(s) || s === 'electron' ? `${f} → ${s}` : null))).toEqual([]);
  });

  it('main/ imports nothing from renderer/', () => {
    expect(violations('main', (t, s, f) => (t === 'renderer' ? `${f} → ${s}` : null))).toEqual([]);
  });

  it('only the Electron entry, the preload and main/desktop/ name electron, and desktop/ only for types', () => {
    const allowed = (file: string) => file === join('main', 'electron-main.ts') || file === join('main', 'preload.ts');
    const found = sourceFiles(join(ROOT, 'main')).flatMap((file) => {
      const rel = relative(ROOT, file);
      const source = readFileSync(file, 'utf8');
      if (!importSpecifiers(source).includes('electron') || allowed(rel)) return [];
      const valueImport = /^import\s+(?!type\b)[^;]*from\s+['"]electron['"]/m.test(source) || /require\(\s*['"]electron['"]\s*\)/.test(source);
      return rel.startsWith(join('main', 'desktop')) && !valueImport ? [] : [rel];
    });
    expect(found).toEqual([]);
  });

  it('main/services/ imports nothing from the hosts (main/cli/, main/desktop/, main/browser-host/, the Electron entry)', () => {
    const hosts = ['cli', 'desktop', 'browser-host', 'electron-main.ts', 'preload.ts'].map((name) => join('main', name));
    expect(violations(join('main', 'services'), (_t, s, f) => (hosts.some((host) => landsIn(f, s, host)) ? `${f} → ${s}` : null))).toEqual([]);
  });

  it('the use cases of an open project import neither app-services.ts nor the ProjectStore facade that compose them', () => {
    const composers = [join('main', 'services', 'app-services.ts'), join('main', 'services', 'store', 'project-store.ts')];
    expect(useCaseFiles().flatMap((f) => importSpecifiers(readFileSync(join(ROOT, f), 'utf8')).filter((s) => composers.some((c) => landsIn(f, s, c))).map((s) => `${f} → ${s}`))).toEqual([]);
  });

  it('the disk layer of the store imports no use case', () => {
    const store = join('main', 'services', 'store');
    const composing = new Set([join(store, 'project-store.ts'), ...useCaseFiles()]);
    const disk = readdirSync(join(ROOT, store))
      .filter((name) => name.endsWith('.ts'))
      .map((name) => join(store, name))
      .filter((f) => !composing.has(f));
    expect(disk).toContain(join(store, 'project-disk.ts'));
    const found = disk.flatMap((f) => importSpecifiers(readFileSync(join(ROOT, f), 'utf8')).filter((s) => [...composing, join('main', 'services', 'app-services.ts')].some((c) => landsIn(f, s, c))).map((s) => `${f} → ${s}`));
    expect(found).toEqual([]);
  });
});

/** True when the relative import `specifier` of `file` (both from the root) names `target`: that file (any extension) or a file under that folder. */
function landsIn(file: string, specifier: string, target: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const resolved = relative(ROOT, resolve(ROOT, file, '..', specifier)).replace(/\.js$/, '');
  const wanted = target.replace(/\.ts$/, '');
  return resolved === wanted || resolved.startsWith(`${wanted}${sep}`);
}

/** The use-case modules of an open project, from the root (as eslint.config.mjs lists them). */
function useCaseFiles(): string[] {
  const store = join('main', 'services', 'store');
  return [
    ...sourceFiles(join(ROOT, store, 'use-cases')).map((f) => relative(ROOT, f)),
    ...sourceFiles(join(ROOT, 'main', 'services', 'claims')).map((f) => relative(ROOT, f)),
    join(store, 'document-edits.ts'),
    join(store, 'edit-drafts.ts'),
    join(store, 'open-project.ts'),
  ];
}
