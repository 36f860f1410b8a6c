/**
 * Word documents (.docx): mammoth turns the document's structure (headings, lists, bold, italic,
 * links, tables) into HTML, which goes through the shared HTML step. Images are not imported.
 * Password-protected, legacy and damaged files are told apart and refused with a clear message.
 * mammoth reads the parts through ./docx-parts.ts, which unpacks them and counts their bytes and
 * elements against limits before mammoth parses any of them.
 */
import mammoth from 'mammoth';
import { FactmarkError } from '../../../../shared/result.js';
import type { ParsedDocument } from '../types.js';
import { clipTitle, fileLabel, firstHeadingTitle } from './common.js';
import { isCompoundFile } from './detect.js';
import { docxParts } from './docx-parts.js';
import { htmlToContent } from './html-to-content.js';
import { readZipEntry, zipEntries } from './zip.js';

/** The most a .docx may unpack to, in bytes (all parts together). */
export const MAX_DOCX_UNPACKED_BYTES = 512 * 1024 * 1024;

/** Whether the bytes contain a name written in UTF-16LE, as compound-file directories store them. */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const pattern = Buffer.from(name, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(pattern);
}

function damaged(label: string, why = 'it is not a readable Word document'): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `${label} is damaged: ${why}.`);
}

function decodeXmlText(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex: string, dec: string, named: string) => {
    if (named) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] ?? whole;
    const code = hex ? parseInt(hex, 16) : Number(dec);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** The title in the document's properties (docProps/core.xml), or ''. */
async function coreTitle(bytes: Uint8Array, entries: NonNullable<ReturnType<typeof zipEntries>>): Promise<string> {
  const core = entries.find((entry) => entry.name === 'docProps/core.xml');
  const xml = core ? await readZipEntry(bytes, core, 1024 * 1024) : null;
  if (!xml?.ok) return '';
  const match = /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(xml.bytes));
  return match ? clipTitle(decodeXmlText(match[1] ?? ''), 300) : '';
}

/** Checks what kind of file claims to be a .docx before mammoth opens it. */
function checkContainer(bytes: Uint8Array, label: string): NonNullable<ReturnType<typeof zipEntries>> {
  if (isCompoundFile(bytes)) {
    if (hasUtf16Name(bytes, 'EncryptionInfo') || hasUtf16Name(bytes, 'EncryptedPackage')) {
      throw new FactmarkError('UNSUPPORTED', `${label} is password-protected: remove the password in Word (File → Info → Protect Document) and import again.`);
    }
    if (hasUtf16Name(bytes, 'WordDocument')) {
      throw new FactmarkError('UNSUPPORTED', `${label} is an old-format Word (.doc) file with a .docx name: open it in Word, save it as .docx and import that.`);
    }
    throw damaged(label);
  }
  const entries = zipEntries(bytes);
  if (!entries) throw damaged(label);
  if (!entries.some((entry) => entry.name === 'word/document.xml')) throw damaged(label, 'it is a ZIP archive without a Word document inside');
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (unpacked > MAX_DOCX_UNPACKED_BYTES) {
    throw new FactmarkError('INVALID_ARGUMENT', `${label} unpacks to more than ${MAX_DOCX_UNPACKED_BYTES / 1024 / 1024} MB, more than Factmark imports from one Word file.`);
  }
  return entries;
}

/** Parses a .docx file's bytes. The title comes from the document properties, else the first heading. */
export async function parseDocx(bytes: Uint8Array, fileName?: string): Promise<ParsedDocument> {
  const label = fileLabel(fileName);
  const entries = checkContainer(bytes, label);
  let html: string;
  try {
    // mammoth's `{ file }` input (lib/unzip.js) takes a reader of the parts in place of the ZIP's
    // bytes; its published types name only `path`, `buffer` and `arrayBuffer`.
    const input = { file: docxParts(bytes, entries, label) } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    const result = await mammoth.convertToHtml(
      input,
      {
        externalFileAccess: false,
        // Images are not imported: an empty source keeps mammoth from inlining their bytes.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof FactmarkError) throw error;
    throw damaged(label);
  }
  const content = htmlToContent(html, { label });
  return { title: (await coreTitle(bytes, entries)) || firstHeadingTitle(content), content, meta: {}, origin: {} };
}
