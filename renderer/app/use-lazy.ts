/**
 * Code the first screen does not need, loaded on first use: `lazyModule(() => import('./x.js'))`
 * names a chunk (esbuild splits every `import()` into dist/renderer/chunks/), `useLazy` renders it
 * once it is in. A failed load (a chunk missing from the install, a closed browser host) is
 * reported to the component and forgotten, so the next use tries again.
 * Lighter than preact/compat's `lazy`/`Suspense`, which would bring compat in with them.
 */
import { useEffect, useState } from 'preact/hooks';
import { whenIdle } from '../idle.js';

export interface LazyModule<T> {
  /** The module, loading it on the first call; every caller shares one load at a time. */
  load(): Promise<T>;
  /** The module once loaded, else null. */
  readonly loaded: T | null;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let pending: Promise<T> | null = null;
  let loaded: T | null = null;
  return {
    get loaded() {
      return loaded;
    },
    load() {
      pending ??= importer().then(
        (module) => (loaded = module),
        (error: unknown) => {
          pending = null;
          throw error;
        },
      );
      return pending;
    },
  };
}

export type LazyState<T> = { status: 'loading' } | { status: 'ready'; module: T } | { status: 'failed'; message: string };

/** The state of `lazy` for a component that needs it now: loading, ready (with the module), or failed. */
export function useLazy<T>(lazy: LazyModule<T>): LazyState<T> {
  const [state, setState] = useState<LazyState<T>>(() => (lazy.loaded ? { status: 'ready', module: lazy.loaded } : { status: 'loading' }));
  useEffect(() => {
    if (state.status === 'ready') return undefined;
    let live = true;
    lazy.load().then(
      (module) => live && setState({ status: 'ready', module }),
      (error: unknown) => live && setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
    // Loads once per mount; a failure stays shown until the component is mounted again.
  }, [lazy]);
  return state;
}

/** Starts loading `modules` once the page is idle (after the first screen), so first use is instant; failures wait for that use. */
export function preloadWhenIdle(...modules: LazyModule<unknown>[]): void {
  const start = () => modules.forEach((m) => void m.load().catch(() => undefined));
  whenIdle(start, 3000);
}
