/**
 * A claims list as analysts keep it (a spreadsheet saved as CSV, or JSON): one row per claim with
 * the exact words quoted and, optionally, claimant, kind, status, verdict, conclusion and evidence
 * addresses. Reading either gives the same rows, each with the number it is reported by.
 */
import { FactmarkError } from '../../../shared/result.js';
import { parseCsv } from './csv.js';

/** The columns of a claims list (header names compared without regard to case). */
export const CLAIM_COLUMNS = ['quote', 'claimant', 'kind', 'status', 'verdict', 'conclusion', 'evidence'] as const;
type Column = (typeof CLAIM_COLUMNS)[number];

/** One claim of a list, as written there. `row`: its row in the file (CSV: the header is row 1), or its place in a JSON array. */
export interface ClaimRow {
  row: number;
  quote: string;
  claimant: string;
  kind: string;
  status: string;
  verdict: string;
  conclusion: string;
  /** Evidence web addresses (a CSV cell separates them with spaces or line breaks). */
  evidence: string[];
}

/** The most rows one list may hold. */
export const MAX_CLAIM_ROWS = 10_000;

/** The rows of a claims file (`.csv` or `.json`, UTF-8 with or without BOM); `INVALID_ARGUMENT` when the file cannot be read at all. */
export function readClaimRows(fileName: string, text: string): ClaimRow[] {
  const unreadable = (why: string) => new FactmarkError('INVALID_ARGUMENT', `${fileName} could not be read as a claims list: ${why}. Nothing was added.`);
  let rows: ClaimRow[];
  if (/\.json$/i.test(fileName)) rows = jsonRows(text, unreadable);
  else if (/\.csv$/i.test(fileName)) rows = csvRows(text, unreadable);
  else throw unreadable('give a .csv or .json file');
  if (rows.length > MAX_CLAIM_ROWS) throw unreadable(`it holds ${rows.length} rows; at most ${MAX_CLAIM_ROWS.toLocaleString('en')} are read at once`);
  return rows;
}

function row(number: number, cell: (column: Column) => unknown): ClaimRow {
  const text = (column: Column) => {
    const value = cell(column);
    return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  };
  const evidence = cell('evidence');
  return {
    row: number,
    quote: text('quote'),
    claimant: text('claimant'),
    kind: text('kind'),
    status: text('status'),
    verdict: text('verdict'),
    conclusion: text('conclusion'),
    evidence: (Array.isArray(evidence) ? evidence.filter((url): url is string => typeof url === 'string') : [text('evidence')]).flatMap((urls) => urls.split(/\s+/)).filter((url) => url !== ''),
  };
}

function csvRows(text: string, unreadable: (why: string) => FactmarkError): ClaimRow[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  const [header, ...data] = records;
  if (!header) throw unreadable('it is empty');
  const index = new Map(header.fields.map((name, i) => [name.trim().toLowerCase(), i] as const));
  if (!index.has('quote')) throw unreadable(`its first row names no “quote” column (the columns are ${CLAIM_COLUMNS.join(', ')})`);
  return data.map((record) => row(record.line, (column) => record.fields[index.get(column) ?? -1]));
}

function jsonRows(text: string, unreadable: (why: string) => FactmarkError): ClaimRow[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw unreadable(`it is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!Array.isArray(json)) throw unreadable(`it holds no array of claims (objects with the keys ${CLAIM_COLUMNS.join(', ')})`);
  return json.map((item: unknown, i) => {
    const fields = typeof item === 'object' && item !== null ? new Map(Object.entries(item).map(([key, value]) => [key.toLowerCase(), value] as const)) : new Map<string, unknown>();
    return row(i + 1, (column) => fields.get(column));
  });
}
