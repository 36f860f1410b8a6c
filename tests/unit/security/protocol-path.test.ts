/** app:// requests map to files of the bundle and nothing else, on a real folder with symlinks. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBundleFile, resolveBundlePath } from '../../../main/security/protocol-path.js';

let work: string;
let bundle: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-bundle-'));
  bundle = join(work, 'renderer');
  await mkdir(join(bundle, 'styles'), { recursive: true });
  await writeFile(join(bundle, 'index.html'), '<!doctype html>');
  await writeFile(join(bundle, 'app.js'), 'export {};');
  await writeFile(join(bundle, 'styles', 'app.css'), 'body {}');
  await writeFile(join(bundle, '.hidden'), 'secret');
  await writeFile(join(work, 'package.json'), '{}');
  await writeFile(join(work, 'secret.txt'), 'secret');
  await symlink(join(work, 'secret.txt'), join(bundle, 'escape.txt'));
  await symlink(work, join(bundle, 'parent'));
  await symlink(join(bundle, 'app.js'), join(bundle, 'alias.js'));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('resolveBundlePath', () => {
  it.each([
    ['app://factmark/', 'index.html'],
    ['app://factmark/index.html', 'index.html'],
    ['app://factmark/app.js', 'app.js'],
    ['app://factmark/styles/app.css', 'styles/app.css'],
    ['app://factmark/app.js?v=3', 'app.js'],
    ['app://factmark/index.html#claim-2', 'index.html'],
    ['app://factmark/?project=1', 'index.html'],
    ['app://factmark/app.js.map', 'app.js.map'],
    ['app://factmark/chunk-AB12_cd-3.js', 'chunk-AB12_cd-3.js'],
  ])('maps %s into the bundle as %s', (url, relative) => {
    expect(resolveBundlePath(url, bundle)).toBe(join(bundle, relative));
  });

  it.each([
    'app://factmark/../package.json',
    'app://factmark/..',
    'app://factmark/styles/../../package.json',
    'app://factmark/./index.html',
    'app://factmark/%2e%2e/package.json',
    'app://factmark/%2E%2E/package.json',
    'app://factmark/.%2e/package.json',
    'app://factmark/..%2fpackage.json',
    'app://factmark/..%2Fpackage.json',
    'app://factmark/%2fetc%2fpasswd',
    'app://factmark/..%5cpackage.json',
    'app://factmark/..\\package.json',
    'app://factmark/styles\\app.css',
    'app://factmark/index.html%00.js',
    'app://factmark/index.html\u0000',
    'app://factmark/%252e%252e/package.json',
    'app://factmark//etc/passwd',
    'app://factmark/styles//app.css',
    'app://factmark/styles/',
    'app://factmark/.hidden',
    'app://factmark/C:/Windows/win.ini',
    'app://factmark/index.html:stream',
    'app://factmark/ index.html',
    'app://factmark/index.html ',
    'app://factmark/caf\u00e9.js',
    'app://factmark/caf%C3%A9.js',
    'app://factmark',
    'app://evil/index.html',
    'app://factmark.evil/index.html',
    'app://factmark@evil/index.html',
    'app://factmark:80/index.html',
    'APP://factmark/index.html',
    'app://FACTMARK/index.html',
    'file:///etc/passwd',
    'https://factmark/index.html',
    '/index.html',
    '',
  ])('refuses %j', (url) => {
    expect(resolveBundlePath(url, bundle)).toBeNull();
  });

  it.each([undefined, null, 7, {}])('refuses the non-string %j', (url) => {
    expect(resolveBundlePath(url, bundle)).toBeNull();
  });
});

describe('resolveBundleFile', () => {
  it('finds a real file of the bundle', async () => {
    expect(await resolveBundleFile('app://factmark/', bundle)).toBe(join(bundle, 'index.html'));
    expect(await resolveBundleFile('app://factmark/styles/app.css', bundle)).toBe(join(bundle, 'styles', 'app.css'));
  });

  it('follows a link that stays inside the bundle', async () => {
    expect(await resolveBundleFile('app://factmark/alias.js', bundle)).toBe(join(bundle, 'app.js'));
  });

  it.each([
    ['a link to a file outside', 'app://factmark/escape.txt'],
    ['a path through a linked folder outside', 'app://factmark/parent/package.json'],
    ['a folder', 'app://factmark/styles'],
    ['a missing file', 'app://factmark/missing.js'],
    ['a traversal', 'app://factmark/../package.json'],
  ])('refuses %s', async (_label, url) => {
    expect(await resolveBundleFile(url, bundle)).toBeNull();
  });

  it('refuses everything when the bundle folder does not exist', async () => {
    expect(await resolveBundleFile('app://factmark/', join(work, 'nowhere'))).toBeNull();
  });
});
