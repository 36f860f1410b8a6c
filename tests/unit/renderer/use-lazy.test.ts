/** lazyModule: one load at a time shared by every caller, the module kept once in, a failed load forgotten so the next use tries again. */
import { describe, expect, it, vi } from 'vitest';
import { lazyModule } from '../../../renderer/app/use-lazy.js';

describe('lazyModule', () => {
  it('loads once for every caller and keeps the module', async () => {
    const importer = vi.fn(async () => ({ answer: 42 }));
    const lazy = lazyModule(importer);
    expect(lazy.loaded).toBeNull();
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(b);
    expect(await lazy.load()).toBe(a);
    expect(lazy.loaded).toBe(a);
    expect(importer).toHaveBeenCalledTimes(1);
  });

  it('reports a failed load and tries again on the next use', async () => {
    const importer = vi.fn().mockRejectedValueOnce(new Error('Failed to fetch dynamically imported module')).mockResolvedValueOnce({ answer: 42 });
    const lazy = lazyModule(importer as () => Promise<{ answer: number }>);
    await expect(lazy.load()).rejects.toThrow('Failed to fetch');
    expect(lazy.loaded).toBeNull();
    expect(await lazy.load()).toEqual({ answer: 42 });
    expect(importer).toHaveBeenCalledTimes(2);
  });
});
