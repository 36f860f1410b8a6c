/** Times on the claim card in the analyst's own locale and time zone, e.g. "27 Nov 2026, 17:29". */

/** Made on first use: building a formatter loads locale data, tens of milliseconds in a fresh page. */
let format: Intl.DateTimeFormat | null = null;

export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  format ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return format.format(date);
}
