/**
 * Tables as CSV text that Excel and LibreOffice open as written: RFC 4180 (CRLF line ends; a field
 * holding a comma, quote, CR or LF is quoted, its quotes doubled), UTF-8 with a byte-order mark (without
 * it Excel reads the bytes as the local code page), and no cell a spreadsheet could run as a formula.
 */

/** The byte-order mark that tells Excel the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** What a spreadsheet may take for the start of a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text no spreadsheet evaluates: one starting like a formula gets a leading `'`, which Excel and LibreOffice show as text. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function field(cell: string): string {
  const safe = neutraliseFormula(cell);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The CSV text of a header row and data rows: BOM, every cell neutralised and quoted where needed, each record ending in CRLF. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + [header, ...rows].map((row) => `${row.map(field).join(',')}\r\n`).join('');
}
