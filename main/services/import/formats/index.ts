/**
 * The format parsers behind one call. Text formats receive the text the pipeline decoded; Word
 * and PDF files receive their bytes.
 */
import { FactmarkError } from '../../../../shared/result.js';
import type { ImportFormat, ParsedDocument } from '../types.js';
import { parseDocx } from './docx.js';
import { parseHtml } from './html.js';
import { parseMarkdown } from './markdown.js';
import { parsePdf } from './pdf.js';
import { parseText } from './text.js';

export { detectFormat, extensionOf, SUPPORTED_EXTENSIONS_TEXT } from './detect.js';
export { htmlToContent, HTML_LIMITS, type HtmlToContentOptions } from './html-to-content.js';
export { parseDocx, MAX_DOCX_UNPACKED_BYTES } from './docx.js';
export { parseHtml } from './html.js';
export { parseMarkdown } from './markdown.js';
export { parsePdf, MAX_PDF_PAGES } from './pdf.js';
export { parseText } from './text.js';

export interface ParseInput {
  /** The decoded text (text, markdown, html). */
  text?: string;
  /** The file's bytes (docx, pdf). */
  bytes: Uint8Array;
  fileName: string;
}

/** Parses a file of a known format into a document's structure and the metadata the file carries. */
export async function parseDocument(format: ImportFormat, input: ParseInput): Promise<ParsedDocument> {
  const text = (): string => {
    if (input.text === undefined) throw new FactmarkError('INVALID_ARGUMENT', `"${input.fileName}" must be decoded to text before it is parsed as ${format}.`);
    return input.text;
  };
  switch (format) {
    case 'text':
      return parseText(text());
    case 'markdown':
      return parseMarkdown(text(), input.fileName);
    case 'html':
      return parseHtml(text(), input.fileName);
    case 'docx':
      return parseDocx(input.bytes, input.fileName);
    case 'pdf':
      return parsePdf(input.bytes, input.fileName);
  }
}
