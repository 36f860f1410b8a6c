/** User settings on real files: defaults, persistence, the recent list, window state, damaged files. */
import * as fsp from 'node:fs/promises';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtomicFs } from '../../main/services/store/atomic-file.js';
import { MAX_RECENT_PROJECTS, SettingsStore } from '../../main/services/settings-store.js';
import { FactmarkError } from '../../shared/result.js';

let dir: string;
beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'factmark-settings-')), 'config', 'factmark');
});
afterEach(async () => {
  await rm(join(dir, '..', '..'), { recursive: true, force: true });
});

/** A clock that moves one minute per reading. */
function clock(): () => Date {
  let minute = 0;
  return () => new Date(Date.UTC(2026, 4, 1, 12, minute++));
}

const stored = async () => JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('settings store', () => {
  it('starts from defaults without a file, and writes nothing until a change', async () => {
    const settings = await SettingsStore.open(dir);
    expect(settings.theme).toBe('system');
    expect(settings.recentProjects).toEqual([]);
    expect(settings.windowState).toBeNull();
    await expect(readdir(dir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the theme and window state across restarts, creating its folder', async () => {
    const settings = await SettingsStore.open(dir);
    await settings.setTheme('dark');
    await settings.setWindowState({ x: 10, y: 20, width: 1280, height: 800, maximized: false });
    const again = await SettingsStore.open(dir);
    expect(again.theme).toBe('dark');
    expect(again.windowState).toEqual({ x: 10, y: 20, width: 1280, height: 800, maximized: false });
    expect(await stored()).toEqual({
      schemaVersion: 1,
      theme: 'dark',
      recentProjects: [],
      windowState: { x: 10, y: 20, width: 1280, height: 800, maximized: false },
    });
  });

  it('refuses an unknown theme and an impossible window', async () => {
    const settings = await SettingsStore.open(dir);
    await expect(settings.setTheme('neon' as 'dark')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(settings.setWindowState({ x: 0, y: 0, width: -5, height: 10, maximized: false })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('"width"'),
    });
    expect(settings.theme).toBe('system');
    expect(settings.windowState).toBeNull();
  });

  it('lists recent projects most recent first, once per path, at most ten', async () => {
    const settings = await SettingsStore.open(dir, { now: clock() });
    for (let i = 1; i <= 12; i++) await settings.rememberProject({ path: `/work/P${i}.factmark`, name: `P${i}` });
    await settings.rememberProject({ path: '/work/P5.factmark/', name: 'P5 again' });
    const names = settings.recentProjects.map((p) => p.name);
    expect(names).toEqual(['P5 again', 'P12', 'P11', 'P10', 'P9', 'P8', 'P7', 'P6', 'P4', 'P3']);
    expect(names).toHaveLength(MAX_RECENT_PROJECTS);
    expect(settings.recentProjects[0]).toEqual({ path: '/work/P5.factmark', name: 'P5 again', openedAt: '2026-05-01T12:12:00.000Z' });
    expect((await SettingsStore.open(dir)).recentProjects).toEqual(settings.recentProjects);

    await settings.forgetProject('/work/P12.factmark');
    expect(settings.recentProjects.map((p) => p.name)).not.toContain('P12');
    expect((await SettingsStore.open(dir)).recentProjects).toHaveLength(MAX_RECENT_PROJECTS - 1);
  });

  it('does not let callers change its lists behind its back', async () => {
    const settings = await SettingsStore.open(dir);
    await settings.rememberProject({ path: '/work/A.factmark', name: 'A' });
    settings.recentProjects[0]!.name = 'tampered';
    expect(settings.recentProjects[0]!.name).toBe('A');
  });

  it.each([
    ['not JSON', '{"theme": "da'],
    ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x01])],
    ['the wrong shape', JSON.stringify({ schemaVersion: 1, theme: 'neon', recentProjects: 'none' })],
    ['a future version', JSON.stringify({ schemaVersion: 2, theme: 'dark' })],
  ])('sets a settings file that is %s aside and uses defaults', async (_label, content) => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'settings.json'), content);
    const settings = await SettingsStore.open(dir, { now: () => new Date('2026-05-01T12:00:00.000Z') });
    expect(settings.theme).toBe('system');
    expect(await readdir(dir)).toEqual(['settings.json.corrupt-2026-05-01T12-00-00-000Z']);
    expect(await readFile(join(dir, 'settings.json.corrupt-2026-05-01T12-00-00-000Z'))).toEqual(Buffer.from(content));
    await settings.setTheme('light');
    expect((await SettingsStore.open(dir)).theme).toBe('light');
  });

  it('writes one change after another: the last change is what stays on disk', async () => {
    const settings = await SettingsStore.open(dir);
    await Promise.all([settings.setTheme('dark'), settings.setTheme('light'), settings.setTheme('dark'), settings.setTheme('light')]);
    expect((await stored()).theme).toBe('light');
  });

  it('reports a failed write, keeps the change in memory, and writes it with the next change', async () => {
    let failing = true;
    const fs: AtomicFs = {
      ...fsp,
      open: (async (path: string, flags?: string) => {
        if (flags === 'wx' && failing) throw Object.assign(new Error('read-only'), { code: 'EROFS' });
        return fsp.open(path, flags);
      }) as AtomicFs['open'],
    };
    const settings = await SettingsStore.open(dir, { fs });
    const error = await settings.setTheme('dark').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FactmarkError);
    expect(error).toMatchObject({ code: 'READ_ONLY' });
    expect(settings.theme).toBe('dark');
    failing = false;
    await settings.rememberProject({ path: '/work/A.factmark', name: 'A' });
    expect(await stored()).toMatchObject({ theme: 'dark', recentProjects: [{ name: 'A' }] });
  });
});
