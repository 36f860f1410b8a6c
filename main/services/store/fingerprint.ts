/**
 * File fingerprints: what a file looked like when Factmark last read or wrote it, so a later save
 * can tell whether another program (an editor, a sync tool) changed it in between.
 */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { errnoOf, readError } from './file-errors.js';

/** The SHA-256 of some text or bytes, as 64 lowercase hex digits. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** What a file held at one moment: its bytes' hash decides; time and size help the message. */
export interface FileFingerprint {
  mtimeMs: number;
  size: number;
  sha256: string;
}

/** A file's bytes together with their fingerprint, read through one handle so the two agree. */
export interface FileSnapshot {
  bytes: Buffer;
  fingerprint: FileFingerprint;
}

/** Reads a file and fingerprints it; null when the file does not exist. */
export async function readFileSnapshot(path: string): Promise<FileSnapshot | null> {
  let handle;
  try {
    handle = await open(path, 'r');
    const stats = await handle.stat();
    const bytes = await handle.readFile();
    return { bytes, fingerprint: { mtimeMs: stats.mtimeMs, size: bytes.length, sha256: sha256Hex(bytes) } };
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw readError(error, path);
  } finally {
    await handle?.close();
  }
}

/** A file's fingerprint now; null when the file does not exist. */
export async function readFileFingerprint(path: string): Promise<FileFingerprint | null> {
  return (await readFileSnapshot(path))?.fingerprint ?? null;
}

/** True when two fingerprints (null: no file) describe the same bytes. A touch alone changes nothing. */
export function sameContent(a: FileFingerprint | null, b: FileFingerprint | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.sha256 === b.sha256;
}
