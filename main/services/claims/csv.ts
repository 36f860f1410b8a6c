/**
 * Reading CSV as RFC 4180 writes it (and spreadsheets export it): fields separated by commas,
 * records by CRLF or LF, fields in double quotes may hold commas, line breaks and doubled quotes.
 */

/** The records of `text` (a leading UTF-8 BOM dropped), each a list of fields; blank lines are skipped. Throws on an unclosed quote. */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const source = text.replace(/^\uFEFF/, '');
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else field += char;
  }
  if (quoted) throw new Error(`a quoted field opened on line ${recordLine} is never closed`);
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
