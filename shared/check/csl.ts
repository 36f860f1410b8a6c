/**
 * The source library as CSL-JSON, the format Zotero (and most reference managers) import and
 * export. A source becomes one CSL item and back. What CSL has no field for — our source types
 * without a CSL counterpart, the Admiralty reliability grade, withholding — travels in one line of
 * the item's `note` (Zotero keeps it in "Extra"), `factmark: reliability=B; withhold=true`, so a
 * round trip through Zotero and back keeps it. Reading is tolerant per entry: one unreadable entry
 * is reported and the others are still read.
 */
import type { SourceDraft } from '../contract.js';
import { RELIABILITY_GRADES, Source, SOURCE_TYPES, type Reliability } from '../model/source.js';

type SourceType = Source['type'];

/** A CSL name: a person (`family`, `given`) or an organisation (`literal`). */
export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

/** A CSL date as Zotero writes it: `date-parts` of year, month, day (the latter two optional), or words (`literal`). */
export type CslDate = { 'date-parts': [number, number?, number?][] } | { literal: string };

/** The CSL-JSON item a source is written as. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: CslDate;
  accessed?: CslDate;
  URL?: string;
  archive_location?: string;
  language?: string;
  note?: string;
}

/** The CSL type each source type is written as; types CSL lacks take the closest one, and the `factmark:` note line keeps ours. */
const CSL_TYPE: Record<SourceType, string> = {
  'article-newspaper': 'article-newspaper',
  webpage: 'webpage',
  post: 'post',
  'official-statement': 'speech',
  report: 'report',
  dataset: 'dataset',
  interview: 'interview',
  document: 'document',
  other: 'document',
};

/** The source type a CSL type reads as (Zotero's types included); any other type reads as "other". */
const FROM_CSL_TYPE: Readonly<Record<string, SourceType>> = {
  'article-newspaper': 'article-newspaper',
  'article-magazine': 'article-newspaper',
  webpage: 'webpage',
  'post-weblog': 'webpage',
  post: 'post',
  speech: 'official-statement',
  report: 'report',
  dataset: 'dataset',
  interview: 'interview',
  document: 'document',
  manuscript: 'document',
  legislation: 'document',
  bill: 'document',
  regulation: 'document',
};

/** Where the outlet goes: the `container-title` (newspaper, website, platform) or the `publisher`. */
const OUTLET_IS_CONTAINER = new Set<SourceType>(['article-newspaper', 'webpage', 'post']);

/** The note line that carries what CSL has no field for. */
const NOTE_LINE = /^\s*factmark:\s*(.*)$/i;

/** A date the import keeps in the notes, having no field that holds it: `Date published: 2021 (no exact day given)` (./csl.ts `cslDate`). */
const DATE_NOTE = /^Date (published|accessed): (.+?)(?: \(no exact day given\))?$/;

/** A source's dates as a reader and a reference manager should get them, and its notes without the lines that held them. */
export interface SourceDates {
  /** The date field, else the date its notes kept (`2021`, `2024-11`, words); null for none. */
  published: string | null;
  accessed: string | null;
  notes: string;
}

/**
 * The dates of `source`, each shown once, in its field: a date the CSL import could not store (a
 * year or a month without its day) comes back out of the notes into its field, so a report never
 * says "Published: not recorded" above "Date published: 2024-11".
 */
export function sourceDates(source: Source): SourceDates {
  const dates: Record<'published' | 'accessed', string | null> = { published: source.published, accessed: source.accessed };
  const notes = source.notes.split('\n').filter((line) => {
    const match = DATE_NOTE.exec(line.trim());
    const what = match?.[1] as 'published' | 'accessed' | undefined;
    if (what === undefined || dates[what] !== null) return true;
    dates[what] = match![2]!;
    return false;
  });
  return { ...dates, notes: notes.join('\n').trim() };
}

/** The CSL-JSON item of a source. */
export function sourceToCsl(source: Source): CslItem {
  const type = CSL_TYPE[source.type];
  const item: CslItem = { id: source.id, type, title: source.title };
  if (source.authors.length > 0) item.author = source.authors.map((a) => ('literal' in a ? { literal: a.literal } : { family: a.family, ...(a.given ? { given: a.given } : {}) }));
  if (source.publisher !== '') item[OUTLET_IS_CONTAINER.has(source.type) ? 'container-title' : 'publisher'] = source.publisher;
  const dates = sourceDates(source);
  const issued = cslDateOf(dates.published);
  if (issued) item.issued = issued;
  const accessed = cslDateOf(dates.accessed);
  if (accessed) item.accessed = accessed;
  if (source.url !== '') item.URL = source.url;
  if (source.archiveUrl !== '') item.archive_location = source.archiveUrl;
  if (source.language !== '') item.language = source.language;
  const extra = [`reliability=${source.reliability}`, `withhold=${source.withhold}`, ...(FROM_CSL_TYPE[type] === source.type ? [] : [`type=${source.type}`])];
  item.note = [dates.notes, `factmark: ${extra.join('; ')}`].filter((line) => line !== '').join('\n');
  return item;
}

/** The library as CSL-JSON text: an array of items in library order, pretty-printed, the same bytes for the same library. */
export function sourcesToCslJson(sources: readonly Source[]): string {
  return `${JSON.stringify(sources.map(sourceToCsl), null, 2)}\n`;
}

/** A date as CSL writes it: as many `date-parts` as it has (year, month, day), or its words as a `literal`. */
function cslDateOf(date: string | null): CslDate | undefined {
  if (date === null) return undefined;
  if (!/^\d{4}(-\d{2}){0,2}(T|$)/.test(date)) return { literal: date };
  const [year, month, day] = date.slice(0, 10).split('-').map(Number);
  const parts: [number, number?, number?] = month === undefined ? [year!] : day === undefined ? [year!, month] : [year!, month, day];
  return { 'date-parts': [parts] };
}

/** One readable entry of a CSL-JSON file: how to name it in a message, and the source it describes. */
export interface CslEntry {
  label: string;
  draft: SourceDraft;
}

/** What reading a CSL-JSON file gave: its entries and the entries refused with why; or why the file as a whole cannot be read. */
export type CslReading = { entries: CslEntry[]; refused: string[] } | { problem: string };

/** The most entries one file may hold, as a library holds at most that many sources. */
export const MAX_CSL_ENTRIES = 100_000;

const SourceDraftSchema = Source.omit({ id: true, createdAt: true, updatedAt: true });

/**
 * Reads a CSL-JSON file (an array of items, as Zotero exports; a single item is accepted too).
 * Each entry that cannot be read is refused with its number and reason; the others are read.
 * Only a file that is not JSON, or holds no items, gives a `problem`.
 */
export function parseCslJson(text: string): CslReading {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  const items = Array.isArray(json) ? json : isRecord(json) ? [json] : null;
  if (items === null) return { problem: 'it holds neither a list of CSL items nor one item' };
  if (items.length > MAX_CSL_ENTRIES) return { problem: `it holds ${items.length} entries; at most ${MAX_CSL_ENTRIES.toLocaleString('en')} are read at once` };
  const entries: CslEntry[] = [];
  const refused: string[] = [];
  items.forEach((item, index) => {
    const title = isRecord(item) && typeof item.title === 'string' ? item.title.trim() : '';
    const label = title === '' ? `Entry ${index + 1}` : `Entry ${index + 1} (“${title.slice(0, 80)}”)`;
    const read = isRecord(item) ? cslToDraft(item) : 'it is not a CSL item (an object)';
    if (typeof read === 'string') refused.push(`${label}: ${read}.`);
    else entries.push({ label, draft: read });
  });
  return { entries, refused };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

/** The source an item describes, or why it cannot be read. */
function cslToDraft(item: Record<string, unknown>): SourceDraft | string {
  const title = text(item.title);
  if (title === '') return 'it has no title';
  const notes: string[] = [];
  const extra = new Map<string, string>();
  for (const line of text(item.note).split(/\r?\n/)) {
    const match = NOTE_LINE.exec(line);
    if (!match) notes.push(line);
    else for (const pair of match[1]!.split(';')) {
      const [key, value] = pair.split('=').map((part) => part.trim());
      if (key && value !== undefined) extra.set(key.toLowerCase(), value);
    }
  }
  const published = cslDate(item.issued, 'published', notes);
  const accessed = cslDate(item.accessed, 'accessed', notes);
  const archive = text(item.archive_location);
  const archiveIsUrl = /^https?:\/\//i.test(archive);
  if (archive !== '' && !archiveIsUrl) notes.push(`Archive location: ${archive}`);
  const ourType = extra.get('type');
  const grade = extra.get('reliability')?.toUpperCase();
  const draft = SourceDraftSchema.safeParse({
    type: ourType && (SOURCE_TYPES as readonly string[]).includes(ourType) ? ourType : (FROM_CSL_TYPE[text(item.type)] ?? 'other'),
    title,
    authors: Array.isArray(item.author) ? item.author.flatMap(cslName) : [],
    publisher: text(item['container-title']) || text(item.publisher),
    published,
    accessed,
    url: text(item.URL),
    archiveUrl: archiveIsUrl ? archive : '',
    language: text(item.language),
    notes: notes.join('\n').trim(),
    reliability: grade && (RELIABILITY_GRADES as readonly string[]).includes(grade) ? (grade as Reliability) : 'F',
    withhold: extra.get('withhold')?.toLowerCase() === 'true',
  });
  if (!draft.success) return `it does not fit a source (${draft.error.issues[0]?.path.join('.')}: ${draft.error.issues[0]?.message})`;
  return draft.data;
}

/** A CSL name as an author: a person, an organisation (`literal`), or nothing when it names no one. */
function cslName(name: unknown): Source['authors'] {
  if (!isRecord(name)) return [];
  const literal = text(name.literal);
  if (literal !== '') return [{ literal }];
  const family = [text(name['non-dropping-particle']), text(name.family)].filter((part) => part !== '').join(' ');
  const given = [text(name.given), text(name['dropping-particle'])].filter((part) => part !== '').join(' ');
  if (family !== '') return [given === '' ? { family } : { family, given }];
  return given === '' ? [] : [{ literal: given }];
}

/**
 * A CSL date as `YYYY-MM-DD`, or null. A date without a day (Zotero writes `[[2021]]` for a year)
 * is not made more precise than it is: it stays out of the date field and is kept in the notes.
 */
function cslDate(value: unknown, what: string, notes: string[]): string | null {
  if (!isRecord(value)) return null;
  const parts = Array.isArray(value['date-parts']) && Array.isArray(value['date-parts'][0]) ? (value['date-parts'][0] as unknown[]).map(Number) : null;
  const raw = text(value.raw) || text(value.literal);
  const [year, month, day] = parts ?? (/^\d{4}(-\d{1,2}){0,2}$/.test(raw) ? raw.split('-').map(Number) : []);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (year === undefined || !Number.isInteger(year)) {
    if (raw !== '') notes.push(`Date ${what}: ${raw}`);
    return null;
  }
  if (month !== undefined && day !== undefined && Number.isInteger(month) && Number.isInteger(day)) return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  notes.push(`Date ${what}: ${month !== undefined && Number.isInteger(month) ? `${year}-${pad(month)}` : year} (no exact day given)`);
  return null;
}
