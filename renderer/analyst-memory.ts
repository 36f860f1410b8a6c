/**
 * The analyst's name as last entered on this machine, kept in the page's local storage, so a new
 * claim's card already says who is checking it (it is saved with the claim's first change).
 */
const ANALYST_KEY = 'factmark.analyst';

/** The name last entered on this machine, or ''. */
export function rememberedAnalyst(): string {
  return globalThis.localStorage?.getItem(ANALYST_KEY) ?? '';
}

/** Remembers a name for the next claims; a blank name is not remembered. */
export function rememberAnalyst(name: string): void {
  if (name.trim() !== '') globalThis.localStorage?.setItem(ANALYST_KEY, name.trim());
}
