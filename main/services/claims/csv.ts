/**
 * Reading CSV as RFC 4180 writes it and spreadsheets export it: fields separated by one delimiter
 * (a comma; Excel in German, French, Spanish or Italian writes semicolons, "Unicode text" writes
 * tabs), records by CRLF or LF, fields in double quotes may hold the delimiter, line breaks and
 * doubled quotes. Each record carries the row a spreadsheet shows it on, which is not its line in
 * the file when a quoted cell holds line breaks.
 */

/** One record: the spreadsheet row it is shown on (the first record is row 1), the file line it starts on, and its fields. */
export interface CsvRecord {
  row: number;
  line: number;
  fields: string[];
}

/** The delimiters a CSV file may use, in the order they are preferred when the header fits several equally. */
export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** The delimiter an Excel `sep=;` first line names, and the text after that line; or null when the text has none. */
export function separatorLine(text: string): { delimiter: CsvDelimiter; rest: string } | null {
  const match = /^\uFEFF?"?sep=([,;\t])"?[^\S\r\n]*(?:\r\n|\n|\r|$)/i.exec(text);
  return match ? { delimiter: match[1] as CsvDelimiter, rest: text.slice(match[0].length) } : null;
}

/**
 * The records of `text` (a leading UTF-8 BOM dropped) with fields split at `delimiter`, reading at
 * most `limit` records. Blank lines and records whose every field is empty are skipped but still
 * count as rows, as a spreadsheet shows them as empty rows. Throws on an unclosed quote.
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = ',', limit = Infinity): CsvRecord[] {
  const source = text.replace(/^\uFEFF/, '');
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let row = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.some((f) => f !== '')) records.push({ row, line: recordLine, fields });
    fields = [];
    field = '';
    row++;
  };
  for (let i = 0; i < source.length && records.length < limit; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n' || (char === '\r' && source[i + 1] !== '\n')) line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === delimiter) {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (records.length >= limit) return records;
  if (quoted) throw new Error(`a quoted field opened on line ${recordLine} is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
