/**
 * PDF: the text layer read with pdf.js (legacy build, in the calling thread — the import worker's —
 * no network, no eval), lines rebuilt from the positions of text pieces and paragraphs from vertical
 * gaps, indentation and font size; running headers, footers and page numbers dropped; words
 * hyphenated across a line end joined again. A PDF without any text (a scan) is refused with a
 * message that says so; so is one past {@link PDF_LIMITS}, counted while pdf.js reads the text, and
 * one whose pages pdf.js cannot read (a page tree that contains itself). A compressed stream that
 * unpacks to gigabytes without text is left to the import worker's memory and time limits.
 */
import type { PDFPageProxy, TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { ContentNode } from '../../../../shared/model/document.js';
import { FactmarkError } from '../../../../shared/result.js';
import type { ParsedDocument } from '../types.js';
import { clipTitle, fileLabel } from './common.js';

/** The most pages read from one PDF. */
export const MAX_PDF_PAGES = 2_000;

/** What one PDF may make pdf.js produce. */
export const PDF_LIMITS = {
  maxPages: MAX_PDF_PAGES,
  /** Pieces of text on one page (a dense page has a few thousand); past it, the page is a text bomb. */
  maxPageTextItems: 100_000,
  /** Characters of text in the whole document: about 10,000 dense pages, five times the page limit. */
  maxTextCharacters: 20_000_000,
} as const;

const SPLIT = 'Split the PDF into smaller files, or save its text as plain text (.txt), and import that.';

/** A page's text pieces, read as pdf.js streams them and stopped as soon as a limit is passed; `seen` counts the document's characters so far. */
async function pageTextItems(page: PDFPageProxy, number: number, seen: { characters: number }, label: string): Promise<TextItem[]> {
  const items: TextItem[] = [];
  const reader = (page.streamTextContent() as ReadableStream<TextContent>).getReader();
  // Past a limit the stream is cancelled, which stops pdf.js reading the page. The cancel is not
  // awaited: pdf.js settles it only once its own reading has stopped, which may never happen.
  const refuse = (error: FactmarkError): never => {
    reader.cancel(error).catch(() => {});
    throw error;
  };
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    for (const item of chunk.value.items) {
      if (!('str' in item)) continue;
      items.push(item);
      seen.characters += item.str.length;
    }
    if (items.length > PDF_LIMITS.maxPageTextItems) {
      refuse(new FactmarkError('INVALID_ARGUMENT', `${label} has more than ${PDF_LIMITS.maxPageTextItems.toLocaleString('en')} pieces of text on page ${number}, more than Factmark reads from one page: it is not an ordinary document. ${SPLIT}`));
    }
    if (seen.characters > PDF_LIMITS.maxTextCharacters) {
      refuse(new FactmarkError('INVALID_ARGUMENT', `${label} has more than ${PDF_LIMITS.maxTextCharacters.toLocaleString('en')} characters of text, more than Factmark imports from one PDF. ${SPLIT}`));
    }
  }
  return items;
}

/** A page pdf.js could not read, as a per-file refusal with pdf.js's reason. */
function unreadablePage(label: string, number: number, error: unknown): FactmarkError {
  const reason = (error instanceof Error ? error.message : String(error)).trim().replace(/\.$/, '');
  return new FactmarkError(
    'INVALID_ARGUMENT',
    `${label} is damaged: page ${number} cannot be read${reason ? ` (${reason})` : ''}. Open it in a PDF reader and save or print it as a new PDF, or save its text as plain text (.txt), and import that.`,
  );
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsLoading: Promise<PdfJs> | undefined;

/**
 * Loads pdf.js once. Its worker code runs on this thread (registered as `globalThis.pdfjsWorker`,
 * which also lets bundlers include it), and its one-time complaints about the optional canvas
 * package, which only rendering needs, are kept off the console.
 */
function loadPdfJs(): Promise<PdfJs> {
  pdfjsLoading ??= (async () => {
    const log = console.log;
    console.log = (...args: unknown[]) => {
      if (!(typeof args[0] === 'string' && args[0].startsWith('Warning:'))) log(...args);
    };
    try {
      // @ts-expect-error -- pdf.js ships no types for its worker module; it is only registered, never called here.
      const worker: unknown = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return await import('pdfjs-dist/legacy/build/pdf.mjs');
    } finally {
      console.log = log;
    }
  })();
  return pdfjsLoading;
}

/** One line of text on a page, in PDF units (y grows upwards). */
interface Line {
  page: number;
  x: number;
  y: number;
  end: number;
  size: number;
  text: string;
}

/** Groups a page's text pieces into lines: top to bottom, then left to right (right to left for RTL lines). */
export function linesOfPage(items: readonly TextItem[], page: number): Line[] {
  const pieces = items
    .filter((item) => item.str.trim() !== '')
    .map((item) => ({ x: item.transform[4] as number, y: item.transform[5] as number, size: Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height || 10, width: item.width, str: item.str, rtl: item.dir === 'rtl' }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: (typeof pieces)[] = [];
  for (const piece of pieces) {
    const current = groups.at(-1);
    if (current && Math.abs(current[0]!.y - piece.y) <= 0.5 * Math.min(current[0]!.size, piece.size)) current.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => {
    const rtl = group.filter((p) => p.rtl).length * 2 > group.length;
    group.sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));
    let text = '';
    let previousEnd: number | null = null;
    for (const piece of group) {
      const gap = previousEnd === null ? 0 : rtl ? previousEnd - (piece.x + piece.width) : piece.x - previousEnd;
      if (previousEnd !== null && gap > piece.size * 0.15 && !/\s$/.test(text) && !/^\s/.test(piece.str)) text += ' ';
      text += piece.str;
      previousEnd = rtl ? piece.x : piece.x + piece.width;
    }
    const size = Math.max(...group.map((p) => p.size));
    return { page, x: Math.min(...group.map((p) => p.x)), y: group[0]!.y, end: Math.max(...group.map((p) => p.x + p.width)), size, text: text.replace(/\s+/g, ' ').trim() };
  });
}

const PAGE_NUMBER = /^(?:page\s+)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;

/**
 * Drops page furniture: page numbers on a page's first or last line, and first or last lines that
 * repeat (digits aside) on at least half of the pages of a document of two or more pages.
 */
export function dropPageFurniture(pages: Line[][]): Line[][] {
  const key = (line: Line) => line.text.toLowerCase().replace(/\d+/g, '#');
  const edges = (lines: Line[]) => [...new Set([lines[0], lines.at(-1)].filter((l): l is Line => l !== undefined))];
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).map(key))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const repeated = (line: Line) => pages.length >= 2 && (counts.get(key(line)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) => {
    const drop = new Set(edges(lines).filter((line) => PAGE_NUMBER.test(line.text) || repeated(line)));
    return lines.filter((line) => !drop.has(line));
  });
}

/** The lower quartile: the spacing of lines inside paragraphs, even when most gaps are between paragraphs. */
function lowerQuartile(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 4)]!;
}

/** The font size most of the text is set in. */
function bodySize(lines: Line[]): number {
  const weight = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + line.text.length);
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

const SENTENCE_END = /[.!?…:;"”’»)\]]$/;

/** Joins a paragraph's next line, mending words hyphenated across the line end. */
function joinLine(text: string, next: string): string {
  if (text === '') return next;
  if (/\p{Ll}[-\u00ad]$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  if (text.endsWith('\u00ad')) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

/** Rebuilds paragraphs (and large-type headings) from the lines of all pages in reading order. */
export function paragraphsOf(pages: Line[][]): { text: string; heading: 0 | 1 | 2 }[] {
  const lines = pages.flat();
  const body = bodySize(lines);
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const gap = lines[i - 1]!.y - lines[i]!.y;
      if (gap > 0 && Math.abs(lines[i]!.size - body) < body * 0.15) gaps.push(gap);
    }
  }
  // Lines are rarely set wider than 1.5 × their size, so a document of one-line paragraphs still splits.
  const lineGap = Math.min(lowerQuartile(gaps) || body * 1.2, body * 1.5);
  const margins = pages.map((lines) => ({ left: Math.min(...lines.map((l) => l.x)), right: Math.max(...lines.map((l) => l.end)) }));

  const paragraphs: { text: string; size: number }[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    let breaks = previous === undefined;
    if (previous) {
      const margin = margins[line.page]!;
      const sizeChange = Math.abs(line.size - previous.size) > 0.15 * Math.min(line.size, previous.size);
      if (line.page !== previous.page) {
        breaks = SENTENCE_END.test(previous.text) || sizeChange;
      } else {
        const gap = previous.y - line.y;
        const indented = line.x - margin.left > 0.8 * line.size && previous.x - margin.left < 0.5 * line.size;
        const shortEnd = previous.end < margin.right - 0.15 * (margin.right - margin.left) && SENTENCE_END.test(previous.text);
        breaks = gap > lineGap * 1.4 || gap < 0 || sizeChange || indented || shortEnd;
      }
    }
    const current = paragraphs.at(-1);
    if (breaks || !current) paragraphs.push({ text: line.text, size: line.size });
    else current.text = joinLine(current.text, line.text);
    previous = line;
  }
  return paragraphs.map(({ text, size }) => ({ text, heading: text.length <= 200 && size >= body * 1.25 ? (size >= body * 1.6 ? 1 : 2) : 0 }));
}

/** The document title from the PDF's properties, unless it is only a file name or a tool's default. */
function metadataTitle(info: unknown): string {
  const raw = (info as { Title?: unknown } | null)?.Title;
  const title = typeof raw === 'string' ? raw.replace(/^Microsoft (?:Word|PowerPoint) - /, '').trim() : '';
  return /\.(?:docx?|pdf|odt|rtf|txt|pptx?)$/i.test(title) || /^untitled$/i.test(title) ? '' : clipTitle(title, 300);
}

/** Parses a PDF's bytes. */
export async function parsePdf(bytes: Uint8Array, fileName?: string): Promise<ParsedDocument> {
  const label = fileLabel(fileName);
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of its buffer: give it a copy
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    isOffscreenCanvasSupported: false,
    verbosity: 0,
  });
  try {
    let pdf;
    try {
      pdf = await task.promise;
    } catch (error) {
      if ((error as { name?: string } | null)?.name === 'PasswordException') {
        throw new FactmarkError('UNSUPPORTED', `${label} is password-protected: open it with its password, save an unprotected copy and import that.`);
      }
      throw new FactmarkError('INVALID_ARGUMENT', `${label} is damaged: it is not a readable PDF.`);
    }
    if (pdf.numPages > PDF_LIMITS.maxPages) {
      throw new FactmarkError('INVALID_ARGUMENT', `${label} has ${pdf.numPages.toLocaleString('en')} pages; Factmark imports PDFs of up to ${PDF_LIMITS.maxPages.toLocaleString('en')} pages. ${SPLIT}`);
    }
    const pages: Line[][] = [];
    const seen = { characters: 0 };
    for (let number = 1; number <= pdf.numPages; number++) {
      let items: TextItem[];
      try {
        const page = await pdf.getPage(number);
        items = await pageTextItems(page, number, seen, label);
        page.cleanup();
      } catch (error) {
        if (error instanceof FactmarkError) throw error;
        throw unreadablePage(label, number, error);
      }
      pages.push(linesOfPage(items, number - 1));
    }
    if (pages.every((lines) => lines.length === 0)) {
      throw new FactmarkError('UNSUPPORTED', `${label} has no text layer (it is probably a scan); Factmark cannot read scanned PDFs yet — run OCR first.`);
    }
    const paragraphs = paragraphsOf(dropPageFurniture(pages));
    const content: ContentNode = {
      type: 'doc',
      content: paragraphs.map(({ text, heading }): ContentNode =>
        heading ? { type: 'heading', attrs: { level: heading }, content: [{ type: 'text', text }] } : { type: 'paragraph', content: [{ type: 'text', text }] },
      ),
    };
    if (content.content!.length === 0) content.content = [{ type: 'paragraph' }];
    const { info } = await pdf.getMetadata().catch(() => ({ info: null }));
    const title = metadataTitle(info) || clipTitle(paragraphs[0]?.text ?? '');
    return { title, content, meta: {}, origin: {} };
  } finally {
    await task.destroy();
  }
}
