/**
 * Just enough of the ZIP format to look inside a .docx without unpacking it: the central
 * directory's entry names and sizes, and one entry read on demand. Used to tell a Word file from
 * another ZIP, to refuse archives that would unpack to absurd sizes, and to hand the Word reader
 * the parts it asks for. The sizes an archive claims are only a first check: an entry is inflated
 * with a cap on its real output, so a directory that claims 4 KB for gigabytes stops at the cap.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

/** Whether the bytes start like a ZIP archive (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of a ZIP's central directory, or null when the bytes are not a readable ZIP. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    entries.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** One entry's bytes, or why there are none: more than the cap allowed, or unreadable (damaged, or a method other than stored and deflate). */
export type ZipEntryRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'unreadable' };

/** Inflated output arrives in pieces this large, each counted (and shown to `onChunk`) as it comes. */
const CHUNK_BYTES = 256 * 1024;

/**
 * The bytes of one stored or deflated entry, at most `maxBytes` of them. The claimed size refuses
 * an honest large entry before any work; the real output is counted while it is inflated and
 * inflating stops as soon as it passes `maxBytes`, whatever the directory claims. `onChunk` sees
 * each piece as it is produced and may throw to stop there (a count of XML elements does).
 */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number, onChunk: (chunk: Uint8Array) => void = () => {}): Promise<ZipEntryRead> {
  if (entry.uncompressedSize > maxBytes) return { ok: false, reason: 'too-large' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) return { ok: false, reason: 'unreadable' };
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > maxBytes) return { ok: false, reason: 'too-large' };
    onChunk(data);
    return { ok: true, bytes: data };
  }
  if (entry.method !== 8) return { ok: false, reason: 'unreadable' };
  const inflater = createInflateRaw({ chunkSize: CHUNK_BYTES });
  inflater.end(data);
  const chunks: Buffer[] = [];
  let length = 0;
  try {
    // Leaving the loop early (past the cap, or onChunk throwing) destroys the inflater: no more output is made.
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      length += chunk.length;
      if (length > maxBytes) return { ok: false, reason: 'too-large' };
      onChunk(chunk);
      chunks.push(chunk);
    }
  } catch (error) {
    if ((error as { code?: string } | null)?.code?.startsWith('Z_')) return { ok: false, reason: 'unreadable' };
    throw error;
  }
  return { ok: true, bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length) };
}
