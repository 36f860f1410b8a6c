/**
 * Parts of the window loaded on first use (renderer/app/use-lazy.ts): a component that renders the
 * loaded module's component, and until then a quiet "Loading…" line (or nothing, for parts that
 * only appear around the text), or why the load failed.
 */
import type { ComponentType, FunctionComponent } from 'preact';
import { useLazy, type LazyModule, type LazyState } from './use-lazy.js';

/** What shows while a lazily loaded part is not there: a quiet line, or why it failed. */
export function NotLoaded({ state, what }: { state: LazyState<unknown>; what: string }) {
  if (state.status === 'failed') return <p class="banner banner-error" role="alert">Factmark could not load the {what}: {state.message}. Close it and try again.</p>;
  return <p class="lazy-loading" role="status">Loading the {what}…</p>;
}

/**
 * The component `pick` takes from `lazy`'s module, rendered once the module is in. While it loads,
 * {@link NotLoaded} says so, or with `silent` nothing shows (a failure is still reported).
 */
export function lazyPart<M, P extends object>(lazy: LazyModule<M>, pick: (module: M) => ComponentType<P>, what: string, silent = false): FunctionComponent<P> {
  return function LazyPart(props: P) {
    const state = useLazy(lazy);
    if (state.status === 'ready') {
      const Part = pick(state.module);
      return <Part {...props} />;
    }
    return silent && state.status === 'loading' ? null : <NotLoaded state={state} what={what} />;
  };
}
