/**
 * Writes ZIP archives entry by entry from already-deflated data (./deflate.ts), so a test can make
 * a Word file whose parts unpack to hundreds of MB, and can make the central directory claim
 * sizes other than the real ones (the "lying directory" bomb).
 */
import { crc32 } from 'node:zlib';
import type { Deflated } from './deflate.js';

/** One entry: stored text, or deflated data; `claimedSize` overrides the unpacked size both headers record. */
export interface ZipPart {
  name: string;
  text?: string;
  deflated?: Deflated;
  claimedSize?: number;
}

/** The archive's bytes: local headers and data, then the central directory and its end record. */
export function writeZip(parts: ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const stored = part.deflated === undefined ? Buffer.from(part.text ?? '', 'utf8') : null;
    const data = stored ?? part.deflated!.raw;
    const size = part.claimedSize ?? (stored ? stored.length : part.deflated!.size);
    const crc = stored ? crc32(stored) : part.deflated!.crc;
    const method = stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, directory, end]));
}
