/**
 * The format parsers behind one call. Text formats receive the text the pipeline decoded; Word
 * and PDF files receive their bytes.
 *
 * Each parser is loaded on its first use (`import()`), never at startup: the HTML step brings
 * linkedom and Readability, Markdown markdown-it, Word mammoth and PDF pdf.js, and the desktop app
 * and the browser host start without any of them (tests/unit/startup-graph.test.ts holds this).
 * Import the parsers from their own modules (`./html.js`, `./docx.js`, …), not from here.
 */
import { FactmarkError } from '../../../../shared/result.js';
import type { ImportFormat, ParsedDocument } from '../types.js';

export { detectFormat, extensionOf, SUPPORTED_EXTENSIONS_TEXT } from './detect.js';

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
      return (await import('./text.js')).parseText(text());
    case 'markdown':
      return (await import('./markdown.js')).parseMarkdown(text(), input.fileName);
    case 'html':
      return (await import('./html.js')).parseHtml(text(), input.fileName);
    case 'docx':
      return (await import('./docx.js')).parseDocx(input.bytes, input.fileName);
    case 'pdf':
      return (await import('./pdf.js')).parsePdf(input.bytes, input.fileName);
  }
}
