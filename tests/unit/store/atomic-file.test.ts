/** The atomic writer: replacement, backup, cleanup after failures, errno mapping, fingerprints. */
import * as fsp from 'node:fs/promises';
import { readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FactmarkError } from '../../../shared/result.js';
import { backupPathOf, isTemporaryFileName, removeTemporaryFiles, writeFileAtomic, type AtomicFs } from '../../../main/services/store/atomic-file.js';
import { readError, writeError } from '../../../main/services/store/file-errors.js';
import { readFileFingerprint, sameContent, sha256Hex } from '../../../main/services/store/fingerprint.js';
import { errnoError, expectCode, tempDir } from './helpers.js';

/** The real fs with one call replaced. */
function fsWith(overrides: Partial<AtomicFs>): AtomicFs {
  return { open: fsp.open, rename: fsp.rename, link: fsp.link, copyFile: fsp.copyFile, rm: fsp.rm, ...overrides };
}

/** An fs whose `open` fails with `code` for the temporary file (flag `wx`) and works otherwise. */
function failingTempOpen(code: string): AtomicFs {
  return fsWith({ open: (async (path: string, flags?: string) => (flags === 'wx' ? Promise.reject(errnoError(code)) : fsp.open(path, flags))) as AtomicFs['open'] });
}

describe('writeFileAtomic', () => {
  it('writes a new file without a backup and returns its fingerprint', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    const written = await writeFileAtomic(file, '{"v":1}');
    expect(await readFile(file, 'utf8')).toBe('{"v":1}');
    expect(await readdir(dir)).toEqual(['a.json']);
    expect(written).toMatchObject({ size: 7, sha256: sha256Hex('{"v":1}') });
    expect(sameContent(written, await readFileFingerprint(file))).toBe(true);
  });

  it('replaces the file and keeps the version it replaced as .bak, leaving no temporary file', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFileAtomic(file, 'first');
    await writeFileAtomic(file, 'second');
    await writeFileAtomic(file, 'third');
    expect(await readFile(file, 'utf8')).toBe('third');
    expect(await readFile(backupPathOf(file), 'utf8')).toBe('second');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'a.json.bak']);
  });

  it('copies the old file when the file system has no hard links', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, 'new', fsWith({ link: () => Promise.reject(errnoError('EPERM')) }));
    expect(await readFile(backupPathOf(file), 'utf8')).toBe('old');
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it.each([
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EROFS', 'READ_ONLY'],
    ['EACCES', 'READ_ONLY'],
    ['EPERM', 'READ_ONLY'],
    ['EIO', 'IO_ERROR'],
  ] as const)('maps %s while writing to %s and leaves the old file as it was', async (errno, code) => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'precious');
    const error = await expectCode(writeFileAtomic(file, 'new', failingTempOpen(errno)), code);
    expect(error.path).toBe(file);
    expect(await readFile(file, 'utf8')).toBe('precious');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('removes the temporary file when the rename fails after it was written', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'precious');
    await expectCode(writeFileAtomic(file, 'new', fsWith({ rename: () => Promise.reject(errnoError('ENOSPC')) })), 'DISK_FULL');
    expect(await readFile(file, 'utf8')).toBe('precious');
    expect((await readdir(dir)).filter(isTemporaryFileName)).toEqual([]);
  });

  it('removes the temporary file when fsync fails', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    await writeFile(file, 'precious');
    const open = (async (path: string, flags?: string) => {
      const handle = await fsp.open(path, flags);
      if (flags === 'wx') handle.sync = () => Promise.reject(errnoError('EIO'));
      return handle;
    }) as AtomicFs['open'];
    await expectCode(writeFileAtomic(file, 'new', fsWith({ open })), 'IO_ERROR');
    expect(await readdir(dir)).toEqual(['a.json']);
    expect(await readFile(file, 'utf8')).toBe('precious');
  });

  it('ignores a folder that cannot be fsynced (Windows) but reports other folder errors', async () => {
    const dir = await tempDir();
    const folderOpenFails = (code: string) =>
      fsWith({ open: (async (path: string, flags?: string) => (flags === 'r' ? Promise.reject(errnoError(code)) : fsp.open(path, flags))) as AtomicFs['open'] });
    await writeFileAtomic(join(dir, 'a.json'), 'x', folderOpenFails('EISDIR'));
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('x');
    await expectCode(writeFileAtomic(join(dir, 'b.json'), 'y', folderOpenFails('EIO')), 'IO_ERROR');
  });
});

describe('errno mapping', () => {
  it.each([
    ['EROFS', 'READ_ONLY'],
    ['EACCES', 'READ_ONLY'],
    ['EPERM', 'READ_ONLY'],
    ['ENOSPC', 'DISK_FULL'],
    ['EDQUOT', 'DISK_FULL'],
    ['EIO', 'IO_ERROR'],
    ['EMFILE', 'IO_ERROR'],
  ] as const)('%s → %s', (errno, code) => {
    const error = writeError(errnoError(errno), '/projects/Check.factmark/project.json');
    expect(error.code).toBe(code);
    expect(error.path).toBe('/projects/Check.factmark/project.json');
  });

  it('says what read-only and full disk mean for the user', () => {
    expect(writeError(errnoError('EROFS'), '/p/Check.factmark/project.json').message).toBe(
      "Factmark cannot write to /p/Check.factmark: it is read-only. Your changes are kept in memory; save the project elsewhere or fix the folder's permissions.",
    );
    expect(writeError(errnoError('ENOSPC'), '/p/x.json').message).toMatch(/disk is full.*Nothing was overwritten/);
    expect(writeError(new Error('strange'), '/p/x.json')).toMatchObject({ code: 'IO_ERROR', message: expect.stringContaining('strange') });
  });

  it('passes a FactmarkError through, and maps read errors', () => {
    const original = new FactmarkError('CHANGED_ON_DISK', 'changed');
    expect(writeError(original, '/x')).toBe(original);
    expect(readError(errnoError('ENOENT'), '/x/y').code).toBe('NOT_FOUND');
    expect(readError(errnoError('EACCES'), '/x/y').code).toBe('IO_ERROR');
  });
});

describe('fingerprints and temporary files', () => {
  it('tells a changed file from a touched one', async () => {
    const dir = await tempDir();
    const file = join(dir, 'a.json');
    expect(await readFileFingerprint(file)).toBeNull();
    await writeFile(file, 'same');
    const before = await readFileFingerprint(file);
    await utimes(file, new Date(2030, 0, 1), new Date(2030, 0, 1));
    const touched = await readFileFingerprint(file);
    expect(touched!.mtimeMs).not.toBe(before!.mtimeMs);
    expect(sameContent(before, touched)).toBe(true);
    await writeFile(file, 'diff');
    expect(sameContent(before, await readFileFingerprint(file))).toBe(false);
    expect(sameContent(before, null)).toBe(false);
    expect(sameContent(null, null)).toBe(true);
  });

  it('sweeps only the temporary files the writer makes', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, '.project.json.0123456789ab.tmp'), 'partial');
    await writeFile(join(dir, 'notes.tmp'), 'user file');
    await writeFile(join(dir, 'project.json'), '{}');
    await removeTemporaryFiles(dir);
    expect((await readdir(dir)).sort()).toEqual(['notes.tmp', 'project.json']);
  });
});
