/**
 * The one import pipeline every way in shares (File → Import, drag-and-drop, paste, the CLI):
 * limits → detect format → decode (text formats) → parse and sanitise → document → damage check.
 * The parsers (and the HTML step with its DOM) load on first use, so importing this module at
 * startup costs next to nothing.
 *
 * This is the in-thread parse: the import worker (./worker.ts) runs it, and the hosts call
 * ./in-worker.ts, which starts that worker under a heap cap and a time limit for each import. Call
 * these functions directly only where a parser running away may take the whole process with it
 * (the benchmarks, a parser's own tests).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { DocumentOrigin } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { contentToText } from '../../../shared/text.js';
import { checkDamage } from './damage/index.js';
import { assertText, decodeText } from './decode.js';
import { detectFormat } from './formats/detect.js';
import { parseDocument } from './formats/index.js';
import { textToContent } from '../../../shared/text.js';
import type { ImportFormat, ImportedDocument, ParsedDocument } from './types.js';

/** The largest file Factmark imports: a book-length PDF fits; a video renamed `.txt` does not. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export interface ImportOptions {
  /** A WHATWG encoding label that overrides detection (re-import "with another encoding"). */
  encoding?: string;
  now?: () => Date;
}

const TEXT_FORMATS: ReadonlySet<ImportFormat> = new Set(['text', 'markdown', 'html']);

/** Imports one file's bytes; `fileName` names it in messages and decides the format with its content. */
export async function importBytes(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedDocument> {
  if (bytes.length === 0) throw new FactmarkError('INVALID_ARGUMENT', `${fileName} is empty: there is no text to import.`);
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(fileName, bytes.length);
  const format = detectFormat(fileName, bytes);
  let text: string | undefined;
  let encoding = '';
  if (TEXT_FORMATS.has(format)) {
    assertText(bytes, fileName);
    const decoded = decodeText(bytes, options.encoding === undefined ? {} : { encoding: options.encoding });
    text = decoded.text;
    encoding = decoded.encoding;
  }
  const parsed = await parseDocument(format, { bytes, fileName, ...(text === undefined ? {} : { text }) });
  return { ...finish(parsed, { fileName, format, encoding, now: options.now }), original: bytes };
}

/** Imports a file from disk, refusing oversized files before reading them. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<ImportedDocument> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FactmarkError('UNSUPPORTED', info.isDirectory() ? `${name} is a folder, not a file to import.` : `${name} is not a regular file (it is a device, a named pipe or a socket), so there is nothing to import from it.`, { path });
    size = info.size;
  } catch (error) {
    if (error instanceof FactmarkError) throw error;
    throw new FactmarkError('NOT_FOUND', `Factmark cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : 'it is not readable'}.`, { path });
  }
  if (size > MAX_IMPORT_BYTES) throw tooLarge(name, size);
  return importBytes(name, new Uint8Array(await readFile(path)), options);
}

/** What the user pasted: the clipboard's text, its HTML when there is some, and a title. */
export interface PastedContent {
  text: string;
  html?: string;
  title?: string;
}

/** Imports what the user pasted: the clipboard's HTML when there is some (sanitised), else its text. */
export async function importPasted(paste: PastedContent, options: ImportOptions = {}): Promise<ImportedDocument> {
  const content = paste.html ? (await import('./formats/html-to-content.js')).htmlToContent(paste.html) : textToContent(paste.text);
  const parsed: ParsedDocument = { title: paste.title ?? '', content, meta: {}, origin: {} };
  if (contentToText(content).trim() === '') throw new FactmarkError('INVALID_ARGUMENT', 'The pasted content has no text to import.');
  return { ...finish(parsed, { fileName: '', format: 'pasted', encoding: '', now: options.now }), original: null };
}

function finish(parsed: ParsedDocument, how: { fileName: string; format: DocumentOrigin['format']; encoding: string; now?: (() => Date) | undefined }): Omit<ImportedDocument, 'original'> {
  const text = contentToText(parsed.content);
  const origin: DocumentOrigin = {
    fileName: how.fileName,
    format: how.format,
    encoding: how.encoding,
    canonicalUrl: parsed.origin.canonicalUrl ?? '',
    siteName: parsed.origin.siteName ?? '',
    importedAt: (how.now ?? (() => new Date()))().toISOString(),
  };
  return {
    title: parsed.title.trim() || titleFromFileName(how.fileName) || firstLine(text) || 'Untitled document',
    content: parsed.content,
    meta: parsed.meta,
    origin,
    damage: checkDamage(text),
  };
}

function tooLarge(fileName: string, size: number): FactmarkError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new FactmarkError('UNSUPPORTED', `${fileName} is ${mb(size)}; Factmark imports files up to ${mb(MAX_IMPORT_BYTES)}.`);
}

function titleFromFileName(fileName: string): string {
  return basename(fileName, extname(fileName)).trim();
}

function firstLine(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}
