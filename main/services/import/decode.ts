/**
 * Decoding text files honestly: a byte-order mark first, then BOM-less UTF-16 (recognised by the
 * NUL bytes of mostly-ASCII text), then strict UTF-8, and only when that fails Windows-1252 — or
 * whatever encoding the user picked on re-import. Binary files that carry a text extension are
 * refused with a message naming what they look like, before anything tries to read them as text.
 * Line endings are left as they are: the parsers split lines.
 */
import { FactmarkError } from '../../../shared/result.js';
import type { DecodedText } from './types.js';
import { binaryKind, utf16WithoutBom } from './decode/sniff.js';
import { decodeStrict } from './decode/strict.js';
import { decodeWindows1252 } from './decode/windows-1252.js';

export { binaryKind, looksBinary } from './decode/sniff.js';

export interface DecodeOptions {
  /** A WHATWG encoding label (`gbk`, `iso-8859-1`, `utf-16be`…) chosen by the user; overrides detection. */
  encoding?: string;
}

/** Decodes a text file's bytes; the text never starts with a byte-order mark. */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  if (options.encoding !== undefined) {
    const decoder = decoderFor(options.encoding);
    const text = decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
    return result(text, decoder.encoding, 'user');
  }
  const bom = bomEncoding(bytes);
  if (bom) return result(new TextDecoder(bom).decode(bytes), bom, 'bom');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) {
    const text = decodeStrict(utf16, bytes);
    if (text !== null) return result(text, utf16, 'utf16-heuristic');
  }
  const utf8 = decodeStrict('utf-8', bytes);
  if (utf8 !== null) return result(utf8, 'utf-8', 'utf8-valid');
  return result(decodeWindows1252(bytes), 'windows-1252', 'fallback');
}

/**
 * Refuses bytes that are not text, with a message that says what the file looks like
 * (`photo.txt is not text: it looks like a PNG image.`). Empty input passes: emptiness is the
 * pipeline's own message.
 */
export function assertText(bytes: Uint8Array, fileName: string): void {
  const kind = binaryKind(bytes);
  if (kind === null) return;
  const what = kind === 'binary data' ? 'it holds binary data (NUL or control bytes), not readable characters' : `it looks like ${kind}`;
  throw new FactmarkError('UNSUPPORTED', `${fileName} is not text: ${what}.`);
}

/** The encoding a byte-order mark names, or null. */
function bomEncoding(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label.trim());
  } catch {
    throw new FactmarkError('INVALID_ARGUMENT', `“${label}” is not a text encoding Factmark knows. Try a name such as utf-8, windows-1252, iso-8859-1, gbk, big5, shift_jis or utf-16le.`);
  }
}

function result(text: string, encoding: string, detectedBy: DecodedText['detectedBy']): DecodedText {
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding, detectedBy };
}
