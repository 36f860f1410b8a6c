/**
 * The renderer is split (esbuild.config.mjs): app.js imports chunks from dist/renderer/chunks/,
 * statically and with `import()`. The app:// handler must serve them as JavaScript (a module
 * script of another MIME type does not run) and still nothing outside the bundle folder; and every
 * chunk the built renderer names must be a path it serves.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../main/desktop/app-protocol.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/security/content-security-policy.js';

const CHUNK = 'chunks/ExportReportDialog-BWSAV5NJ.js';
let work: string;
let bundle: string;
let handle: ReturnType<typeof createAppProtocolHandler>;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-chunks-'));
  bundle = join(work, 'renderer');
  await mkdir(join(bundle, 'chunks'), { recursive: true });
  await writeFile(join(bundle, 'app.js'), `import('./${CHUNK}');`);
  await writeFile(join(bundle, CHUNK), 'export const a = 1;');
  await writeFile(join(bundle, 'chunks', 'chunk-UKQEJX7O.js.map'), '{}');
  await writeFile(join(work, 'secret.js'), 'secret');
  await symlink(join(work, 'secret.js'), join(bundle, 'chunks', 'chunk-ESCAPE.js'));
  handle = createAppProtocolHandler(bundle);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('app:// serves the renderer chunks', () => {
  it('serves a chunk as JavaScript with the CSP', async () => {
    const response = await handle({ url: `app://factmark/${CHUNK}`, method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await response.text()).toBe('export const a = 1;');
  });

  it.each([
    'app://factmark/chunks/../../secret.js',
    'app://factmark/chunks/%2e%2e/%2e%2e/secret.js',
    'app://factmark/chunks/..%2F..%2Fsecret.js',
    'app://factmark/chunks//ExportReportDialog-BWSAV5NJ.js',
    'app://factmark/chunks/chunk-ESCAPE.js',
    'app://factmark/chunks/',
    'app://factmark/chunks/missing-AAAAAAAA.js',
    'app://other/chunks/ExportReportDialog-BWSAV5NJ.js',
  ])('refuses %s', async (url) => {
    expect((await handle({ url, method: 'GET' })).status).toBe(404);
  });

  it('refuses anything but GET', async () => {
    expect((await handle({ url: `app://factmark/${CHUNK}`, method: 'POST' })).status).toBe(404);
  });
});

const built = resolve(import.meta.dirname, '../../../dist/renderer');

/** Every file below `folder`, as paths relative to it with '/'. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

describe.skipIf(!existsSync(join(built, 'app.js')))('the built renderer (skipped when nothing is built)', () => {
  it('names only chunks (imported or preloaded) that app:// serves as JavaScript', async () => {
    const serve = createAppProtocolHandler(built);
    const scripts = filesBelow(built).filter((file) => file.endsWith('.js'));
    const named = new Set<string>();
    for (const script of scripts) {
      const text = readFileSync(join(built, script), 'utf8');
      // esbuild writes chunk imports as relative string literals: from"./chunks/x.js", import("./x.js").
      for (const match of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
        named.add(new URL(match[1]!, `app://factmark/${script}`).href);
      }
    }
    // …and the chunks index.html preloads (<link rel="modulepreload">).
    for (const match of readFileSync(join(built, 'index.html'), 'utf8').matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) {
      named.add(new URL(match[1]!, 'app://factmark/index.html').href);
    }
    // The export dialog and the overview, at least, are import()ed.
    expect(named.size).toBeGreaterThanOrEqual(2);
    for (const url of named) {
      const response = await serve({ url, method: 'GET' });
      expect({ url, status: response.status, type: response.headers.get('content-type') }).toEqual({ url, status: 200, type: 'text/javascript; charset=utf-8' });
    }
  });
});
