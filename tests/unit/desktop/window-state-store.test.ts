/** The window placement file: round trip, atomic replacement, and damage tolerated. */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsonWindowStateStore, parseWindowState } from '../../../main/desktop/window-state-store.js';

let work: string;
const STATE = { bounds: { x: -1500, y: 20, width: 1200, height: 800 }, maximized: true };

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-window-state-'));
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('createJsonWindowStateStore', () => {
  it('saves and loads the placement, creating the folder, leaving no temporary file', async () => {
    const file = join(work, 'userData', 'window-state.json');
    const store = createJsonWindowStateStore(file);
    expect(await store.load()).toBeNull();
    await store.save(STATE);
    expect(await store.load()).toEqual(STATE);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(STATE);
    expect(await readdir(join(work, 'userData'))).toEqual(['window-state.json']);
  });

  it('keeps the last of several quick saves', async () => {
    const store = createJsonWindowStateStore(join(work, 'window-state.json'));
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save({ bounds: { x: n, y: n, width: 900, height: 600 }, maximized: false })));
    expect((await store.load())?.bounds.x).toBe(5);
  });

  it.each(['', '{', 'null', '[]', '{"bounds":{"x":1,"y":2,"width":3},"maximized":false}', '{"bounds":{"x":1,"y":2,"width":3,"height":4},"maximized":"yes"}'])(
    'treats the damaged file %j as nothing saved',
    async (text) => {
      const file = join(work, 'window-state.json');
      await writeFile(file, text);
      expect(await createJsonWindowStateStore(file).load()).toBeNull();
    },
  );

  it('reports a failed save and leaves no temporary file', async () => {
    const blocker = join(work, 'not-a-folder');
    await writeFile(blocker, '');
    await expect(createJsonWindowStateStore(join(blocker, 'window-state.json')).save(STATE)).rejects.toThrow();
    expect(await readdir(work)).toEqual(['not-a-folder']);
  });
});

describe('parseWindowState', () => {
  it('drops fields it does not know', () => {
    expect(parseWindowState({ ...STATE, extra: 1, bounds: { ...STATE.bounds, z: 9 } })).toEqual(STATE);
  });

  it.each([{ bounds: { x: 1, y: 2, width: 3, height: '4' }, maximized: false }, { bounds: null, maximized: false }, 'text'])('refuses %j', (value) => {
    expect(parseWindowState(value)).toBeNull();
  });
});
