/**
 * Byte sniffing for decoding: BOM-less UTF-16 and binary files. Both look only at the first
 * {@link SAMPLE} bytes, so a large file costs no more than a small one.
 */

/** How many leading bytes the sniffers read. */
const SAMPLE = 64 * 1024;

/** Fewer characters than this are too few to tell UTF-16 from binary. */
const UTF16_MIN_PAIRS = 4;
/**
 * BOM-less UTF-16 of mostly-ASCII text: one byte of every pair is NUL. LE puts the NUL second
 * (odd offsets), BE first. At least this share of the pairs must have the NUL on one side…
 */
const UTF16_NUL_SHARE = 0.3;
/** …and at most this share on the other side (real UTF-16 text has almost no U+xx00 characters). */
const UTF16_OTHER_SIDE_MAX = 0.02;

/** Known magic numbers: what a file is, by its first bytes. */
const MAGIC: readonly { kind: string; bytes: readonly number[] }[] = [
  { kind: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x37, 0x61] }, // GIF87a
  { kind: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38, 0x39, 0x61] }, // GIF89a
  { kind: 'a ZIP archive (Word, OpenDocument and EPUB files are ZIP archives too)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'a ZIP archive', bytes: [0x50, 0x4b, 0x05, 0x06] }, // empty archive
  { kind: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { kind: 'a Linux program (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { kind: 'a gzip-compressed file', bytes: [0x1f, 0x8b] },
];
/** "MZ" alone starts ordinary words too; a Windows program's DOS header also has NULs early on. */
const MZ = [0x4d, 0x5a];
const MZ_HEADER = 64;

/** Control bytes that text does contain: tab, line feed, vertical tab, form feed, carriage return, escape. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b]);
/** Above this share of control bytes the sample is not text. */
const CONTROL_SHARE_MAX = 0.1;

/** `utf-16le`/`utf-16be` when the bytes look like BOM-less UTF-16 of mostly-ASCII text, else null. */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const length = Math.min(bytes.length, SAMPLE) & ~1;
  const pairs = length / 2;
  if (pairs < UTF16_MIN_PAIRS) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i += 2) {
    if (bytes[i] === 0) evenNuls++;
    if (bytes[i + 1] === 0) oddNuls++;
  }
  if (oddNuls >= pairs * UTF16_NUL_SHARE && evenNuls <= pairs * UTF16_OTHER_SIDE_MAX) return 'utf-16le';
  if (evenNuls >= pairs * UTF16_NUL_SHARE && oddNuls <= pairs * UTF16_OTHER_SIDE_MAX) return 'utf-16be';
  return null;
}

/**
 * What binary file the bytes look like (`a PNG image`, `binary data`), or null for text:
 * a known magic number, NUL bytes outside a UTF-16 pattern, or a high share of control bytes.
 */
export function binaryKind(bytes: Uint8Array): string | null {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) return magic.kind;
  if (startsWith(bytes, MZ) && bytes.subarray(0, MZ_HEADER).includes(0)) return 'a Windows program';
  if (hasBom(bytes) || utf16WithoutBom(bytes) !== null) return null;
  const length = Math.min(bytes.length, SAMPLE);
  let controls = 0;
  for (let i = 0; i < length; i++) {
    const b = bytes[i]!;
    if (b === 0) return 'binary data';
    if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) controls++;
  }
  return controls > length * CONTROL_SHARE_MAX ? 'binary data' : null;
}

/** True when the bytes are not text (see {@link binaryKind}). */
export function looksBinary(bytes: Uint8Array): boolean {
  return binaryKind(bytes) !== null;
}

function hasBom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xef, 0xbb, 0xbf]) || startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
