/**
 * File operations of the disk layer (./project-disk.ts) that need none of its state: making a new
 * project folder, reading back a held file, moving a deleted document to `trash/`, and naming the
 * document that failed a call over every document.
 */
import { mkdir, readdir, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Low } from 'lowdb';
import { FactmarkError } from '../../../shared/result.js';
import { backupPathOf } from './atomic-file.js';
import type { DurableJsonFile } from './durable-json-file.js';
import { errnoOf, readError, writeError } from './file-errors.js';
import { documentPathOf, ORIGINALS_FOLDER, TRASH_FOLDER } from './load.js';
import { originalPathOf } from './revisions.js';

/** A file held in memory by lowdb, with the adapter that reads and writes it. */
export interface HeldFile<T> {
  db: Low<T>;
  file: DurableJsonFile<T>;
}

/** The file's data read again from disk (the user chose the version there); `NOT_FOUND` when it was deleted. */
export async function readAgain<T>(file: DurableJsonFile<T>): Promise<T> {
  const data = await file.read();
  if (data === null) {
    throw new FactmarkError('NOT_FOUND', `${file.path} was deleted by another program, so it cannot be reloaded. Keep your version to write it again.`, { path: file.path });
  }
  return data;
}

/** What `read` gives; a FactmarkError it throws is thrown again with `refusal` and the document's `title` leading its message. */
export async function withRefusal<T>(refusal: string, title: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof FactmarkError)) throw error;
    throw new FactmarkError(error.code, `${refusal}, because the document “${title}” could not be read: ${error.message}`, {
      ...(error.path !== undefined && { path: error.path }),
      ...(error.backupPath !== undefined && { backupPath: error.backupPath }),
    });
  }
}

/** Creates `folder` for a new project; an existing empty folder is accepted. */
export async function makeEmptyFolder(folder: string): Promise<void> {
  const parent = dirname(folder);
  const parentStats = await stat(parent).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') throw new FactmarkError('NOT_FOUND', `The folder ${parent} does not exist. Create it first, or choose another place.`, { path: parent });
    throw readError(error, parent);
  });
  if (!parentStats.isDirectory()) throw new FactmarkError('NOT_FOUND', `${parent} is not a folder.`, { path: parent });
  try {
    await mkdir(folder);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw writeError(error, folder);
    const entries = await readdir(folder).catch(() => null);
    if (entries === null || entries.length > 0) {
      throw new FactmarkError('ALREADY_EXISTS', `${folder} already exists. Open it, or choose another name.`, { path: folder });
    }
  }
}

/**
 * Moves a deleted document's files — its file, its backup, its original as imported and the bytes
 * it was imported from — into `trash/`. A file never written is skipped; nothing in the trash is
 * replaced.
 */
export async function moveToTrash(folder: string, id: string): Promise<void> {
  const from = documentPathOf(folder, id);
  const trash = join(folder, TRASH_FOLDER);
  await moveToFreeName(from, trash, `${id}.json`);
  await moveToFreeName(backupPathOf(from), trash, `${id}.json.bak`);
  await moveToFreeName(originalPathOf(folder, id), trash, `${id}.original.json`);
  await moveToFreeName(join(folder, ORIGINALS_FOLDER, id), join(trash, ORIGINALS_FOLDER), id);
}

/** How many numbered names are tried when a folder already holds a file of the same name. */
const MAX_FREE_NAMES = 100;

/**
 * Moves `source` into `folder` (made when missing) as `name`, or `name.2`, `name.3`, … when that
 * is taken: nothing there is replaced. False when there is no `source` to move.
 */
export async function moveToFreeName(source: string, folder: string, name: string): Promise<boolean> {
  if (!(await stat(source).then(() => true, () => false))) return false;
  await mkdir(folder, { recursive: true }).catch((error: unknown) => {
    throw writeError(error, folder);
  });
  for (let attempt = 1; attempt <= MAX_FREE_NAMES; attempt++) {
    const target = join(folder, attempt === 1 ? name : `${name}.${attempt}`);
    if (await stat(target).then(() => true, () => false)) continue;
    try {
      await rename(source, target);
      return true;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return false;
      throw writeError(error, source);
    }
  }
  throw new FactmarkError('IO_ERROR', `Factmark could not move ${source} into ${folder}: too many files there are named ${name}.`, { path: source });
}
