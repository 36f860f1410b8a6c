/**
 * The parts of a .docx as mammoth reads them (its `{ file }` input: `exists(name)` and
 * `read(name, encoding)`), unpacked by ./zip.ts instead of by mammoth's own JSZip, with limits
 * counted while the parts are produced rather than after mammoth has done its work:
 * - the real unpacked bytes of everything read, across parts, capped while inflating (a central
 *   directory that claims 4 KB for 2 GB stops at the cap);
 * - the elements and paragraphs of every XML part, counted on its bytes as they are unpacked, so
 *   unpacking stops at the limit and mammoth never parses a part past it.
 * A part past a limit rejects with a FactmarkError naming the file, the limit and what to do.
 */
import { FactmarkError } from '../../../../shared/result.js';
import { HTML_LIMITS } from './html/limits.js';
import { XmlElementCounter } from './xml-elements.js';
import { readZipEntry, type ZipEntry } from './zip.js';

/** What one .docx may hand mammoth. */
export const DOCX_LIMITS = {
  /**
   * Unpacked bytes of all the parts read (the XML of the text, styles, numbering, notes). 27,000
   * formatted paragraphs (about 4,000 pages) are 18 MB of document.xml; mammoth and the HTML step
   * need 30–40× formatted XML in heap, so past this no Word file fits the import worker's heap.
   */
  maxPartBytes: 64 * 1024 * 1024,
  /** Elements of all the XML parts: 500,000 (those 27,000 formatted paragraphs) parse in about 600 MB of heap, measured. */
  maxElements: 500_000,
  /** Paragraphs: each becomes at least one HTML element, and the HTML step takes at most this many. */
  maxParagraphs: HTML_LIMITS.maxElements,
} as const;

/** mammoth's reader of a .docx's parts (lib/unzip.js `openZip({ file })`, lib/zipfile.js). */
export interface MammothParts {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<Uint8Array | string>;
}

const SPLIT = 'Split the document into smaller files, or save it as plain text (.txt) in Word, and import that.';

function damaged(label: string): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `${label} is damaged: it is not a readable Word document.`);
}

/** The parts of the archive `bytes` (its central directory `entries`), read within {@link DOCX_LIMITS}; `label` names the file in messages. */
export function docxParts(bytes: Uint8Array, entries: readonly ZipEntry[], label: string): MammothParts {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const counter = new XmlElementCounter();
  let unpacked = 0;
  /** Counts a piece of an XML part, throwing as soon as a limit is passed. */
  const count = (piece: Uint8Array) => {
    counter.add(piece);
    if (counter.paragraphs > DOCX_LIMITS.maxParagraphs) {
      throw new FactmarkError('INVALID_ARGUMENT', `${label} has more than ${DOCX_LIMITS.maxParagraphs.toLocaleString('en')} paragraphs, more than Factmark imports from one Word file. ${SPLIT}`);
    }
    if (counter.elements > DOCX_LIMITS.maxElements) {
      throw new FactmarkError('INVALID_ARGUMENT', `${label} holds more than ${DOCX_LIMITS.maxElements.toLocaleString('en')} pieces of Word markup (paragraphs, runs and their formatting), more than Factmark imports from one Word file. ${SPLIT}`);
    }
  };
  return {
    exists: (name) => byName.has(name),
    async read(name, encoding) {
      const entry = byName.get(name);
      if (!entry) throw damaged(label);
      const read = await readZipEntry(bytes, entry, DOCX_LIMITS.maxPartBytes - unpacked, /\.(?:xml|rels)$/i.test(name) ? count : undefined);
      if (!read.ok && read.reason === 'too-large') {
        throw new FactmarkError('INVALID_ARGUMENT', `${label} unpacks to more than ${DOCX_LIMITS.maxPartBytes / 1024 / 1024} MB of Word XML, more than Factmark reads from one Word file. ${SPLIT}`);
      }
      if (!read.ok) throw damaged(label);
      unpacked += read.bytes.length;
      if (encoding === 'base64') return Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString('base64');
      return encoding ? new TextDecoder(encoding).decode(read.bytes) : read.bytes;
    },
  };
}
