/**
 * A claims list as analysts keep it (a spreadsheet saved as CSV — comma, semicolon or tab separated
 * — or JSON): one row per claim with the exact words quoted and, optionally, claimant, kind, status,
 * verdict, conclusion and evidence addresses. Factmark's own claims CSV export reads back as such a
 * list. Reading either gives the same rows, each with the number it is reported by.
 */
import { FactmarkError } from '../../../shared/result.js';
import { CSV_DELIMITERS, parseCsv, separatorLine, type CsvDelimiter } from './csv.js';

/** The columns of a claims list (header names compared without regard to case). */
export const CLAIM_COLUMNS = ['quote', 'claimant', 'kind', 'status', 'verdict', 'conclusion', 'evidence'] as const;
/** The further details of a claim a list may give (Factmark's claims CSV writes them), as JSON keys (any case); CSV headers in {@link HEADER_NAMES}. */
const DETAIL_COLUMNS = ['restatement', 'claimantKind', 'appearanceUrl', 'appearanceDate', 'worthChecking', 'analyst'] as const;
type Detail = (typeof DETAIL_COLUMNS)[number];
type Column = (typeof CLAIM_COLUMNS)[number] | Detail;

/** One claim of a list, as written there. `row`: its row as a spreadsheet shows it (CSV: the header is row 1), or its place in a JSON array. */
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
  /**
   * Where the claim's words are in the document's plain text, in code points, when the list says
   * (Factmark's claims CSV writes Start and End): words found more than once are placed there.
   */
  position?: { start: number; end: number } | null;
  /** What is checked, claimant kind, where and when it appeared, why it is worth checking, analyst: '' where the list does not say. */
  details?: Record<Detail, string>;
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

function row(number: number, cell: (column: Column) => unknown, position: ClaimRow['position'] = null): ClaimRow {
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
    position,
    details: Object.fromEntries(DETAIL_COLUMNS.map((column) => [column, text(column)])) as Record<Detail, string>,
  };
}

/**
 * The header names each column is read from, the first present winning: Factmark's claims CSV
 * writes the evidence count as "Evidence" and the addresses as "Evidence URLs", so the addresses
 * are read from there when the file has it.
 */
const HEADER_NAMES: Record<Column, readonly string[]> = {
  quote: ['quote'],
  claimant: ['claimant'],
  kind: ['kind'],
  status: ['status'],
  verdict: ['verdict'],
  conclusion: ['conclusion'],
  evidence: ['evidence urls', 'evidence'],
  restatement: ['restatement'],
  claimantKind: ['claimant kind'],
  appearanceUrl: ['appearance url'],
  appearanceDate: ['appearance date'],
  worthChecking: ['why it is worth checking', 'worth checking'],
  analyst: ['analyst'],
};

/** Every header name a claims list may use, for telling its delimiter (Factmark's own Start and End included). */
const KNOWN_HEADERS = new Set([...Object.values(HEADER_NAMES).flat(), 'start', 'end']);

const headerName = (field: string) => field.trim().toLowerCase();

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/**
 * The delimiter of a claims CSV: the one an Excel `sep=` line names, else the one under which the
 * header row has a "quote" column and the most known column names. A header that fits none, or
 * that fits two delimiters equally while splitting into several columns under both, is refused
 * with why, never guessed.
 */
function delimiterOf(text: string, unreadable: (why: string) => FactmarkError): { delimiter: CsvDelimiter; body: string } {
  const named = separatorLine(text);
  if (named) return { delimiter: named.delimiter, body: named.rest };
  const fits = CSV_DELIMITERS.map((delimiter) => {
    let header: string[];
    try {
      header = (parseCsv(text, delimiter, 1)[0]?.fields ?? []).map(headerName);
    } catch {
      header = [];
    }
    return { delimiter, columns: header.length, known: header.includes('quote') ? header.filter((name) => KNOWN_HEADERS.has(name)).length : 0 };
  }).filter((fit) => fit.known > 0);
  if (fits.length === 0) {
    const first = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/, 1)[0] ?? '';
    const shown = first.length > 80 ? `${first.slice(0, 79)}…` : first;
    throw unreadable(`its first row (“${shown}”) names no “quote” column, with its fields separated by commas, semicolons or tabs (the columns are ${CLAIM_COLUMNS.join(', ')})`);
  }
  const best = Math.max(...fits.map((fit) => fit.known));
  const several = fits.filter((fit) => fit.known === best && fit.columns > 1);
  if (several.length > 1) {
    throw unreadable(`its delimiter cannot be told: its first row reads as columns separated by ${several.map((fit) => DELIMITER_NAMES[fit.delimiter]).join(' and as columns separated by ')}; save it again with one of them only`);
  }
  return { delimiter: several[0]?.delimiter ?? ',', body: text };
}

/** What a claims CSV export wrote in the Evidence column (a number of items, not addresses). */
const EVIDENCE_COUNT = /^\d+$/;

/**
 * A cell as it was before Factmark's CSV export neutralised it: the export puts a `'` before a cell
 * that starts like a formula (= + - @ tab CR) or with a `'` of its own, so one `'` is taken off
 * exactly there and nowhere else. Other CSV files rarely have such cells; where they do, the `'` was
 * a spreadsheet's "this is text" mark, which is no part of the words either.
 */
function withoutNeutralisingApostrophe(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}

/** A whole number of a cell, or null. */
function wholeNumber(cell: string | undefined): number | null {
  return cell !== undefined && /^\s*\d+\s*$/.test(cell) ? Number(cell) : null;
}

function csvRows(text: string, unreadable: (why: string) => FactmarkError): ClaimRow[] {
  const { delimiter, body } = delimiterOf(text, unreadable);
  let records;
  try {
    records = parseCsv(body, delimiter);
  } catch (error) {
    throw unreadable(error instanceof Error ? error.message : String(error));
  }
  const [header, ...data] = records;
  if (!header) throw unreadable('it is empty');
  const names = header.fields.map(headerName);
  const at = (name: string) => names.indexOf(name);
  const index = new Map([...CLAIM_COLUMNS, ...DETAIL_COLUMNS].map((column) => [column, HEADER_NAMES[column].map(at).find((i) => i >= 0) ?? -1] as const));
  if (index.get('quote') === -1) throw unreadable(`its first row names no “quote” column (the columns are ${CLAIM_COLUMNS.join(', ')})`);
  const evidenceIsCount = names[index.get('evidence') ?? -1] === 'evidence';
  return data.map((record) => {
    const cells = record.fields.map(withoutNeutralisingApostrophe);
    const start = wholeNumber(cells[at('start')]);
    const end = wholeNumber(cells[at('end')]);
    return row(
      record.row,
      (column) => {
        const cell = cells[index.get(column) ?? -1];
        return column === 'evidence' && evidenceIsCount && cell !== undefined && EVIDENCE_COUNT.test(cell.trim()) ? '' : cell;
      },
      start !== null && end !== null && start <= end ? { start, end } : null,
    );
  });
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
    return row(i + 1, (column) => fields.get(column.toLowerCase()));
  });
}
