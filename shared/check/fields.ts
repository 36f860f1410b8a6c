/**
 * Checks of single fields an analyst types, with messages in plain words: web addresses (http and
 * https only: a report must link to something a reader can open safely) and dates (real calendar
 * dates, and for publication not in the future). Shared by the forms (inline messages) and main
 * (nothing invalid is saved).
 */

/** What is wrong with a web address, or null when it is empty or a valid http(s) address. */
export function urlProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'This is not a web address: write it in full, starting with https://';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Only web addresses (http or https) are kept; “${url.protocol}” links are not.`;
  if (!url.hostname) return 'This web address has no site name.';
  return null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/;

/**
 * What is wrong with a date (`YYYY-MM-DD`, or a full timestamp), or null when it is empty or fine.
 * With `notAfter` (a `YYYY-MM-DD` day, usually today), later dates are refused too.
 */
export function dateProblem(text: string, options: { notAfter?: string; what?: string } = {}): string | null {
  const value = text.trim();
  if (value === '') return null;
  const match = DATE.exec(value);
  const what = options.what ?? 'date';
  if (!match) return `Write the ${what} as YYYY-MM-DD, for example 2024-09-18.`;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return `${value.slice(0, 10)} is not a real date.`;
  if (value.length > 10 && Number.isNaN(Date.parse(value))) return `${value} is not a real time.`;
  if (options.notAfter && value.slice(0, 10) > options.notAfter) return `The ${what} cannot be in the future (after ${options.notAfter}).`;
  return null;
}

/** Today as `YYYY-MM-DD` in the analyst's own time zone (what "the future" means to them). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
