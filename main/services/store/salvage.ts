/**
 * Tolerant loading of a document file: when only some of its annotations fail validation, the
 * document still opens with the valid ones, and the file as read is first kept beside it
 * (`documents/<id>.unreadable-<timestamp>.json`), so nothing the analyst made is lost when the
 * document is next saved. Anything else wrong with a file keeps it closed (see load.ts).
 */
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { Annotation, StoredDocument } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import type { AtomicFs } from './atomic-file.js';
import { errnoOf, writeError } from './file-errors.js';

/** What tolerant loading left out of a document, and where the untouched file was copied. */
export interface SetAside {
  count: number;
  copyPath: string;
}

/** A document read with some annotations left out. */
export interface Salvaged {
  data: StoredDocument;
  count: number;
}

/**
 * The document `value` (migrated JSON) with its invalid annotations left out, when that is all
 * that kept it from validating; null otherwise (no annotation list, none invalid, or something
 * else wrong too).
 */
export function withoutInvalidAnnotations(value: unknown): Salvaged | null {
  if (typeof value !== 'object' || value === null) return null;
  const annotations: unknown = (value as { annotations?: unknown }).annotations;
  if (!Array.isArray(annotations)) return null;
  const valid = annotations.filter((annotation) => Annotation.safeParse(annotation).success);
  if (valid.length === annotations.length) return null;
  const parsed = StoredDocument.safeParse({ ...value, annotations: valid });
  return parsed.success ? { data: parsed.data, count: annotations.length - valid.length } : null;
}

/** How many numbered names are tried when copies made in the same millisecond meet. */
const MAX_COPY_ATTEMPTS = 100;

/**
 * Writes `bytes` (the document file exactly as read from `path`) to a new file beside it named
 * `<id>.unreadable-<timestamp>.json`, synced, never over an existing file. Returns its path.
 */
export async function keepUnreadableCopy(path: string, bytes: Uint8Array, at: Date, fs: Pick<AtomicFs, 'open'> = nodeFs): Promise<string> {
  const stem = `${path.replace(/\.json$/, '')}.unreadable-${at.toISOString().replace(/[:.]/g, '-')}`;
  for (let attempt = 1; attempt <= MAX_COPY_ATTEMPTS; attempt++) {
    const copyPath = `${stem}${attempt === 1 ? '' : `-${attempt}`}.json`;
    let handle;
    try {
      handle = await fs.open(copyPath, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL);
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') continue;
      throw writeError(error, copyPath);
    }
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (error) {
      throw writeError(error, copyPath);
    } finally {
      await handle.close();
    }
    return copyPath;
  }
  throw new FactmarkError('IO_ERROR', `Factmark could not keep a copy of ${path} before opening it: too many copies named ${stem}….`, { path });
}
