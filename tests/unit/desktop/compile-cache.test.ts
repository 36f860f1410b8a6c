/** The on-disk V8 code cache: turned on in the user's folder where Node has it, never a failure. */
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { COMPILE_CACHE_FOLDER, enableCompileCache } from '../../../main/desktop/compile-cache.js';

const USER_DATA = join('/', 'home', 'ana', '.config', 'Factmark');

describe('enableCompileCache', () => {
  it('starts the cache in the user-data folder', () => {
    const enable = vi.fn(() => ({ status: 1 }));
    expect(enableCompileCache(USER_DATA, { enable, env: {} })).toBe(true);
    expect(enable).toHaveBeenCalledWith(join(USER_DATA, COMPILE_CACHE_FOLDER));
  });

  it('does nothing where Node has no compile cache (Node 20)', () => {
    expect(enableCompileCache(USER_DATA, { enable: undefined, env: {} })).toBe(false);
  });

  it('does nothing in an AppImage, or without an absolute folder', () => {
    const enable = vi.fn(() => ({ status: 1 }));
    expect(enableCompileCache(USER_DATA, { enable, env: { APPIMAGE: '/tmp/Factmark.AppImage' } })).toBe(false);
    expect(enableCompileCache('', { enable, env: {} })).toBe(false);
    expect(enableCompileCache('relative', { enable, env: {} })).toBe(false);
    expect(enable).not.toHaveBeenCalled();
  });

  it('never throws', () => {
    const enable = vi.fn(() => {
      throw new Error('EACCES');
    });
    expect(enableCompileCache(USER_DATA, { enable, env: {} })).toBe(false);
  });
});
