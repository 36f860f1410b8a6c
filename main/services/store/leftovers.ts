/**
 * What stopped writers leave in a project folder, tidied by the next writer as soon as it holds
 * the lock (no other write can be running then):
 * - before `project.json` is read ({@link finishStoppedSave}): a commit whose journal was written
 *   is finished, then the staged and temporary files of saves that never committed are removed —
 *   nothing in them was ever part of the project;
 * - after ({@link setAsideUnlisted}): the files of documents `project.json` does not list — an
 *   import stopped before its project file was written, a deletion stopped before its files moved
 *   — go to `trash/`, set aside as a deleted document's are, never deleted. A file the project
 *   lists is never touched, nor any file whose name Factmark does not make.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { StoredProject } from '../../../shared/model/index.js';
import { isStagedFileName, isTemporaryFileName, removeTemporaryFiles, type AtomicFs } from './atomic-file.js';
import { finishCommit } from './commit-journal.js';
import { DOCUMENTS_FOLDER, ORIGINALS_FOLDER, TRASH_FOLDER } from './load.js';
import { moveToFreeName } from './project-files.js';

/** The files Factmark makes for a document in `documents/`, with the id they belong to in group 1. */
const DOCUMENT_FILE = /^([A-Za-z0-9_-]+)\.(json|json\.bak|original\.json|json\.v\d+(-\d+)?\.bak|unreadable-[0-9A-Za-z-]+\.json)$/;
/** The name of an imported file's bytes in `originals/`: the document id. */
const ORIGINAL_BYTES = /^[A-Za-z0-9_-]+$/;

/** Finishes a commit a stopped writer left and removes what saves that never committed left, in every folder a save writes. */
export async function finishStoppedSave(folder: string, fs?: AtomicFs): Promise<void> {
  await finishCommit(folder, fs);
  const unfinished = (name: string) => isTemporaryFileName(name) || isStagedFileName(name);
  for (const inside of [folder, join(folder, DOCUMENTS_FOLDER), join(folder, ORIGINALS_FOLDER)]) await removeTemporaryFiles(inside, unfinished);
}

/** Moves the files of documents `project` does not list to `trash/`; returns how many files moved. */
export async function setAsideUnlisted(folder: string, project: StoredProject): Promise<number> {
  const listed = new Set(project.documents.map((document) => document.id));
  const unlisted = async (inside: string, idOf: (name: string) => string | undefined) =>
    (await readdir(join(folder, inside)).catch(() => [] as string[])).filter((name) => {
      const id = idOf(name);
      return id !== undefined && !listed.has(id);
    });
  const documents = await unlisted(DOCUMENTS_FOLDER, (name) => DOCUMENT_FILE.exec(name)?.[1]);
  const originals = await unlisted(ORIGINALS_FOLDER, (name) => (ORIGINAL_BYTES.test(name) ? name : undefined));
  if (documents.length + originals.length === 0) return 0;
  const trash = join(folder, TRASH_FOLDER);
  for (const name of documents) await moveToFreeName(join(folder, DOCUMENTS_FOLDER, name), trash, name);
  for (const name of originals) await moveToFreeName(join(folder, ORIGINALS_FOLDER, name), join(trash, ORIGINALS_FOLDER), name);
  return documents.length + originals.length;
}
