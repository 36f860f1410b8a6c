/**
 * Characters as Windows-1252/Latin-1 bytes: how mojibake is undone. A text that was UTF-8 but
 * was read as Windows-1252 (or Latin-1) holds one character per original byte; turning each back
 * into its byte gives the original bytes to decode again.
 */
import { windows1252Char } from '../decode/windows-1252.js';

/** Character code → the byte Windows-1252 (or, for C1 controls, Latin-1) reads as that character. */
const BYTE_OF = new Map<number, number>();
{
  for (let byte = 0x80; byte <= 0xff; byte++) BYTE_OF.set(windows1252Char(byte).charCodeAt(0), byte);
  // Latin-1 reads 0x80–0x9F as the C1 controls; Windows-1252 as “smart” punctuation. Accept both.
  for (let byte = 0x80; byte <= 0x9f; byte++) if (!BYTE_OF.has(byte)) BYTE_OF.set(byte, byte);
}

/** The byte a non-ASCII character stands for when text was read as Windows-1252/Latin-1, or undefined. */
export function highByteOf(code: number): number | undefined {
  return BYTE_OF.get(code);
}

/** The Windows-1252/Latin-1 bytes of a text, or null when a character has no such byte. */
export function toSingleBytes(text: string): Uint8Array | null {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const byte = code < 0x80 ? code : BYTE_OF.get(code);
    if (byte === undefined) return null;
    bytes[i] = byte;
  }
  return bytes;
}
