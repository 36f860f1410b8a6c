/**
 * The publishing organisation last named in the export dialog on this machine (name and web
 * address), kept in the page's local storage like the analyst's name, so the next export — and the
 * ClaimReview it makes — names it again without retyping. Clearing the name forgets it.
 */
const ORGANISATION_KEY = 'factmark.organisation';

/** The organisation last named here: name and web address, both '' when none. */
export function rememberedOrganisation(): { name: string; url: string } {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(ORGANISATION_KEY) ?? 'null') as unknown;
    if (stored && typeof stored === 'object' && 'name' in stored && typeof stored.name === 'string') {
      return { name: stored.name, url: 'url' in stored && typeof stored.url === 'string' ? stored.url : '' };
    }
  } catch {
    // Unreadable (edited by hand): nothing remembered.
  }
  return { name: '', url: '' };
}

/** Remembers the organisation an export named; an export that names none forgets it. */
export function rememberOrganisation(name: string, url: string): void {
  const storage = globalThis.localStorage;
  if (!storage) return;
  if (name.trim() === '') storage.removeItem(ORGANISATION_KEY);
  else storage.setItem(ORGANISATION_KEY, JSON.stringify({ name: name.trim(), url: url.trim() }));
}
