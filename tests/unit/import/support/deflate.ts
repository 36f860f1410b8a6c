/**
 * Deflate data far larger than memory should hold, without ever holding it: a piece compressed
 * once and repeated. A raw-deflate piece that ends with a sync flush is byte-aligned and not the
 * final block, and a fresh compressor never refers back before its own start, so copies of it
 * laid end to end (then one final empty block) are one valid stream of the piece repeated. The
 * tests build their bombs with this at test time (hundreds of MB unpacked, a few hundred KB
 * packed), so no large fixture is committed and the test process never holds the unpacked bytes.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** A raw-deflate stream and what it unpacks to: its length and CRC-32 (what a ZIP records). */
export interface Deflated {
  raw: Buffer;
  size: number;
  crc: number;
}

/** One part of a stream: `text` (or bytes), repeated `times`. */
export interface Piece {
  data: string | Uint8Array;
  times?: number;
}

/** The raw-deflate stream of the pieces in order, each repeated, with its unpacked size and CRC-32. */
export function deflateRepeated(pieces: Piece[]): Deflated {
  const out: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const { data, times = 1 } of pieces) {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    const packed = deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
    for (let i = 0; i < times; i++) {
      out.push(packed);
      crc = crc32(bytes, crc);
    }
    size += bytes.length * times;
  }
  // The final block: empty, fixed Huffman codes (BFINAL=1, BTYPE=01, end-of-block), two bytes.
  out.push(Buffer.from([0x03, 0x00]));
  return { raw: Buffer.concat(out), size, crc };
}

/** The same stream wrapped as zlib data (RFC 1950), as a PDF's FlateDecode filter reads it; the checksum is left zero. */
export function zlibRepeated(pieces: Piece[]): Buffer {
  return Buffer.concat([Buffer.from([0x78, 0xda]), deflateRepeated(pieces).raw, Buffer.alloc(4)]);
}
