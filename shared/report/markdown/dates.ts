/**
 * Dates written the same way on every machine: no locale, no time zone of the reader. A calendar
 * date stays as recorded (`2024-11-28`, or `2024-11` and `2024` where no day is known); a timestamp
 * is written in UTC to the minute.
 */

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2024-11-28` (or `2024-11`) for a date, `2024-11-28 09:30 UTC` for a timestamp, `not recorded` for none; other words as they are. */
export function formatDate(value: string | null): string {
  if (value === null || value === '') return 'not recorded';
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) return value;
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())} UTC`;
}
