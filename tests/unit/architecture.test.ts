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
});
