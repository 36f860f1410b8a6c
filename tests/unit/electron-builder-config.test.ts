/**
 * electron-builder.yml, checked the way electron-builder itself checks it (its JSON Schema,
 * draft-07) plus what the schema cannot know: the release fuses (and the test build's one
 * difference, as electron-builder resolves electron-builder.config.mjs), the project file association,
 * the targets per platform, and an icon that exists at 1024×1024.
 */
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { FONT_FILES } from '../../main/services/export/pdf/fonts.js';
import { describe, expect, it } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { setPrinter } from 'builder-util/out/log.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** The fuses of a release build (https://www.electronjs.org/docs/latest/tutorial/fuses). */
const RELEASE_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
};
const config = load(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object;

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader(file: string): { width: number; height: number; bitDepth: number; colorType: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), bitDepth: bytes[24]!, colorType: bytes[25]! };
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own schema", () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names the app and ships only the built bundles, without source maps, in an asar', () => {
    expect(config).toMatchObject({ appId: 'org.factmark.app', productName: 'Factmark', asar: true, npmRebuild: false, directories: { output: 'release' } });
    const files = config.files as string[];
    expect(files.slice(0, 3)).toEqual(['dist/**/*', '!dist/**/*.map', 'package.json']);
    // Beyond that, only exclusions of DejaVu fonts the PDF report does not use.
    const exclusions = files.slice(3);
    for (const pattern of exclusions) expect(pattern).toMatch(/^!node_modules\/dejavu-fonts-ttf\/ttf\//);
    for (const used of Object.values(FONT_FILES)) {
      for (const pattern of exclusions) expect(minimatch(`node_modules/dejavu-fonts-ttf/ttf/${used}`, pattern.slice(1)), `${pattern} excludes ${used}`).toBe(false);
    }
  });

  it('burns the release fuses, the inspector arguments off', () => {
    expect(config.electronFuses).toEqual(RELEASE_FUSES);
  });

  it('is what `npm run dist` builds with, through electron-builder.config.mjs: the inspector stays on only in a test build', async () => {
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.dist).toMatch(/ electron-builder --config electron-builder\.config\.mjs$/);
    const before = process.env.FACTMARK_TEST_BUILD;
    setPrinter(() => undefined);
    try {
      for (const [value, inspect] of [[undefined, false], ['0', false], ['true', false], ['1', true]] as const) {
        if (value === undefined) delete process.env.FACTMARK_TEST_BUILD;
        else process.env.FACTMARK_TEST_BUILD = value;
        // electron-builder's own reading of the configuration: the file, its parent, merged and validated.
        const resolved = await getConfig(ROOT, 'electron-builder.config.mjs', null);
        await validateConfiguration(resolved, new DebugLogger(false));
        expect(resolved.electronFuses, `FACTMARK_TEST_BUILD=${value}`).toEqual({ ...RELEASE_FUSES, enableNodeCliInspectArguments: inspect });
        expect(resolved).toMatchObject({ appId: 'org.factmark.app', productName: 'Factmark', asar: true });
      }
    } finally {
      if (before === undefined) delete process.env.FACTMARK_TEST_BUILD;
      else process.env.FACTMARK_TEST_BUILD = before;
      setPrinter(null);
    }
  });

  it('associates .factmark projects, shown as one document (a package) on macOS', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'factmark', name: 'Factmark Project', role: 'Editor', isPackage: true })]);
  });

  it.each([
    ['win', ['nsis']],
    ['mac', ['dmg', 'zip']],
    ['linux', ['AppImage', 'deb']],
  ])('builds %s installers: %j', (platform, targets) => {
    expect(config[platform]).toMatchObject({ target: targets });
  });

  it('installs per user on Windows, letting the user choose the folder', () => {
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
  });

  it('signs macOS builds with the hardened runtime in the productivity category', () => {
    expect(config.mac).toMatchObject({ category: 'public.app-category.productivity', hardenedRuntime: true });
  });

  it('gives the Linux packages a category, a maintainer with an address, and a synopsis', () => {
    expect(config.linux).toMatchObject({ category: 'Office', maintainer: expect.stringMatching(/<[^@>]+@[^>]+>/), synopsis: expect.any(String) });
  });

  it('has a 1024×1024 RGBA PNG icon, and its SVG source', () => {
    const icon = join(ROOT, config.icon as string);
    expect(pngHeader(icon)).toEqual({ width: 1024, height: 1024, bitDepth: 8, colorType: 6 });
    expect(existsSync(join(ROOT, 'assets/icons/icon.svg'))).toBe(true);
  });
});
