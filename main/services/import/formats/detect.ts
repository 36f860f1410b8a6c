/**
 * Which parser a file needs, judged by its content where the content says (PDF, Word, HTML) and
 * by its name otherwise.
 */
import { FactmarkError } from '../../../../shared/result.js';
import type { ImportFormat } from '../types.js';
import { isZip, zipEntries } from './zip.js';

/** What the user is told Factmark reads. */
export const SUPPORTED_EXTENSIONS_TEXT = '.txt, .md, .html, .docx and .pdf';

const BY_EXTENSION: Record<string, ImportFormat> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
  docx: 'docx',
  pdf: 'pdf',
};

/** The magic number of an OLE compound file: legacy .doc, and Word files encrypted with a password. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  const magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  return bytes.length >= 8 && magic.every((b, i) => bytes[i] === b);
}

/** Whether `%PDF-` appears in the first kilobyte (PDF readers allow leading junk). */
function isPdf(bytes: Uint8Array): boolean {
  const head = latin1(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

/** A page of HTML: optional comments and whitespace, then a doctype or an <html> tag. */
function looksLikeHtml(bytes: Uint8Array): boolean {
  // NULs removed so a UTF-16 page reads like its ASCII; BOMs stripped.
  const head = latin1(bytes.subarray(0, 2048)).replace(/\0/g, '').replace(/^(?:\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '');
  return /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/i.test(head);
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** The lower-case extension of a file name without its dot, or '' for none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/**
 * The format of a file. By content: PDF (`%PDF-`), Word (a ZIP holding `word/document.xml`, or a
 * password-protected Word file named .docx), HTML (a doctype or `<html>` first). By extension
 * otherwise; a file without an extension is read as plain text (scraper dumps often have none).
 * @throws FactmarkError UNSUPPORTED for other extensions and for legacy .doc files.
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat {
  const extension = extensionOf(fileName);
  if (isPdf(bytes)) return 'pdf';
  if (isZip(bytes) && zipEntries(bytes)?.some((entry) => entry.name === 'word/document.xml')) return 'docx';
  if (isCompoundFile(bytes)) {
    if (extension === 'docx') return 'docx';
    if (extension === 'doc') {
      throw new FactmarkError('UNSUPPORTED', `Factmark cannot import old-format Word (.doc) files: open "${fileName}" in Word, save it as .docx and import that.`);
    }
  }
  if (extension !== 'docx' && extension !== 'pdf' && looksLikeHtml(bytes)) return 'html';
  if (extension === '') return 'text';
  const format = BY_EXTENSION[extension];
  if (!format) {
    throw new FactmarkError('UNSUPPORTED', `Factmark cannot import .${extension} files. It reads ${SUPPORTED_EXTENSIONS_TEXT}.`);
  }
  return format;
}
