/**
 * Finding and loading project files: where a project's files live, and turning their bytes into
 * validated data. Whatever is wrong with a file is reported with its path and the backup beside
 * it; a file that cannot be read is never written over (its adapter forgets nothing it read).
 */
import { existsSync } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { PROJECT_FORMAT, SCHEMA_VERSION, StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { backupPathOf, type AtomicFs } from './atomic-file.js';
import { describeIssue } from './describe-issue.js';
import { contentProblem } from './document-content.js';
import { DurableJsonFile, type Decoded } from './durable-json-file.js';
import { documentBytes } from './document-json.js';
import { errnoOf, readError } from './file-errors.js';
import { migrate, MIGRATIONS, type FileKind, type MigrationTable } from './migrations.js';
import { keepUnreadableCopy, withoutInvalidAnnotations, type SetAside } from './salvage.js';

/** The project's own file inside its folder. */
export const PROJECT_FILE = 'project.json';
/** The folder of document files, one `<id>.json` each. */
export const DOCUMENTS_FOLDER = 'documents';
/** The folder of imported files' original bytes, one file per document id. */
export const ORIGINALS_FOLDER = 'originals';
/** The folder deleted documents are moved to. */
export const TRASH_FOLDER = 'trash';
/** The extension of a project folder's name. */
export const PROJECT_EXTENSION = '.factmark';

/** Where loading finds migrations and writes files; tests replace either. */
export interface LoadOptions {
  migrations?: MigrationTable;
  fs?: AtomicFs;
  /** The clock that names copies of files read with annotations set aside (salvage.ts). */
  now?: () => Date;
  /** Reading without the lock (./project-snapshot.ts): nothing is written, not even the copy of a file read with annotations set aside. */
  readOnly?: boolean;
}

/** A loaded file: its data and the adapter that remembers what was read. */
export interface LoadedFile<T> {
  file: DurableJsonFile<T>;
  data: T;
}

/** `path` resolved and normalised; a relative path or one with a NUL byte is refused. */
export function absolutePath(path: string): string {
  if (path.includes('\0')) throw new FactmarkError('INVALID_ARGUMENT', 'A path cannot contain a NUL character.');
  if (!isAbsolute(path)) throw new FactmarkError('INVALID_ARGUMENT', `"${path}" is a relative path; Factmark needs a full path such as /home/me/Checks.factmark.`);
  return resolve(path);
}

/**
 * The project folder `path` names: the path itself when it holds `project.json`, else the folder
 * around a file inside a project (`project.json`, `documents/<id>.json`, …), else the path as given.
 */
export function projectFolderOf(path: string): string {
  const target = absolutePath(path);
  for (let folder = target, level = 0; level < 3; level++, folder = dirname(folder)) {
    if (existsSync(join(folder, PROJECT_FILE))) return folder;
  }
  return target;
}

/** The file of the document `id` in the project at `folder`. */
export function documentPathOf(folder: string, id: string): string {
  return join(folder, DOCUMENTS_FOLDER, `${id}.json`);
}

/** The project folder `path` names, checked: `NOT_FOUND` when missing, `NOT_A_PROJECT` without `project.json`. */
export async function locateProject(path: string): Promise<string> {
  const folder = projectFolderOf(path);
  const stats = await stat(folder).catch((error: unknown) => {
    throw readError(error, path);
  });
  const notAProject = (why: string) => new FactmarkError('NOT_A_PROJECT', `${path} is not a Factmark project: ${why}.`, { path });
  if (!stats.isDirectory()) throw notAProject('a project is a folder holding project.json');
  try {
    await stat(join(folder, PROJECT_FILE));
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') throw notAProject(`there is no ${PROJECT_FILE} in ${folder}`);
    throw readError(error, join(folder, PROJECT_FILE));
  }
  return folder;
}

/** The adapter of `project.json` in `folder`: reads validate it as a project, writes are durable. */
export function projectFile(folder: string, options: LoadOptions = {}): DurableJsonFile<StoredProject> {
  const migrations = options.migrations ?? MIGRATIONS;
  return new DurableJsonFile(join(folder, PROJECT_FILE), (bytes, path) => decodeFile(bytes, path, 'project', StoredProject, migrations), options.fs);
}

/**
 * The adapter of document `id`'s file: reads check its shape, its id, and its text against the
 * editor schema. A file whose only fault is some invalid annotations is read without them, after
 * its bytes were copied beside it; `onSetAside` hears of it.
 */
export function documentFile(folder: string, id: string, options: LoadOptions = {}, onSetAside?: (setAside: SetAside) => void): DurableJsonFile<StoredDocument> {
  const migrations = options.migrations ?? MIGRATIONS;
  const check = (document: StoredDocument): string | null => {
    if (document.id !== id) return `it holds document "${document.id}", not "${id}"`;
    const problem = contentProblem(document.content);
    return problem && `its text does not fit the document structure (${problem})`;
  };
  return new DurableJsonFile(
    documentPathOf(folder, id),
    async (bytes, path) => {
      const decoded = await decodeFile(bytes, path, 'document', StoredDocument, migrations, check, withoutInvalidAnnotations);
      if (decoded.setAside > 0) {
        // A reader never writes the file back, so the file itself stays as it was.
        const copyPath = options.readOnly ? path : await keepUnreadableCopy(path, bytes, (options.now ?? (() => new Date()))(), options.fs);
        onSetAside?.({ count: decoded.setAside, copyPath });
      }
      return decoded;
    },
    options.fs,
    documentBytes,
  );
}

/**
 * Reads and validates `project.json` of the project at `folder`. `from`: the file holding its
 * committed version when that is not yet in place (./commit-journal.ts); the file itself is read
 * when `from` is gone.
 */
export async function loadProject(folder: string, options: LoadOptions = {}, from?: string): Promise<LoadedFile<StoredProject>> {
  const file = projectFile(folder, options);
  const data = await readCommitted(file, from);
  if (!data) throw new FactmarkError('NOT_A_PROJECT', `${folder} is not a Factmark project: it has no ${PROJECT_FILE}.`, { path: folder });
  return { file, data };
}

/** A loaded document, with what tolerant loading set aside (null when nothing was). */
export interface LoadedDocument extends LoadedFile<StoredDocument> {
  setAside: SetAside | null;
}

/** Reads and validates the file of document `id` (`from`: as for {@link loadProject}); `NOT_FOUND` when the file is missing. */
export async function loadDocument(folder: string, id: string, options: LoadOptions = {}, from?: string): Promise<LoadedDocument> {
  let setAside: SetAside | null = null;
  const file = documentFile(folder, id, options, (found) => (setAside = found));
  const data = await readCommitted(file, from);
  if (!data) {
    const backupPath = await existingBackup(file.path);
    throw new FactmarkError('NOT_FOUND', `The file of document ${id} is missing: ${file.path}.${backupSentence(backupPath)}`, { path: file.path, ...(backupPath && { backupPath }) });
  }
  return { file, data, setAside };
}

/** The file's data read from `from` when given and still there, else from the file itself. */
async function readCommitted<T>(file: DurableJsonFile<T>, from: string | undefined): Promise<T | null> {
  return (from === undefined ? null : await file.read(from)) ?? (await file.read());
}

/**
 * Bytes → JSON → (project marker) → migration → schema (or, failing it, `salvage`) → extra check;
 * each failure names the file. `setAside`: how many entries the salvage left out.
 */
async function decodeFile<T>(
  bytes: Buffer,
  path: string,
  kind: FileKind,
  schema: z.ZodType<T>,
  migrations: MigrationTable,
  check: (data: T) => string | null = () => null,
  salvage: (value: unknown) => { data: T; count: number } | null = () => null,
): Promise<Decoded<T> & { setAside: number }> {
  const json = parseJson(bytes);
  if ('problem' in json) throw await corruptError(path, json.problem);
  if (kind === 'project' && (json.value as { format?: unknown } | null)?.format !== PROJECT_FORMAT) {
    throw new FactmarkError('NOT_A_PROJECT', `${path} is not a Factmark project file: it lacks "format": "${PROJECT_FORMAT}". Factmark left it unchanged.`, { path });
  }
  let migrated;
  try {
    migrated = migrate(json.value, kind, migrations);
  } catch (error) {
    if (!(error instanceof FactmarkError)) throw error;
    // migrate() words its messages as "This <kind> file …": say which file instead.
    if (error.code === 'PROJECT_CORRUPT') throw await corruptError(path, error.message.replace(`This ${kind} file `, 'it '));
    throw new FactmarkError(error.code, error.message.replace(`This ${kind} file`, path), { path });
  }
  const parsed = schema.safeParse(migrated.data);
  const salvaged = parsed.success ? { data: parsed.data, count: 0 } : salvage(migrated.data);
  if (!salvaged) throw await corruptError(path, `it is not valid ${kind} data ${describeIssue(parsed.error!)}`);
  const problem = check(salvaged.data);
  if (problem) throw await corruptError(path, problem);
  return { data: salvaged.data, migratedFrom: migrated.fromVersion < SCHEMA_VERSION ? migrated.fromVersion : null, setAside: salvaged.count };
}

/** Decodes UTF-8 JSON, naming the problem in words: binary, empty, or cut short. */
function parseJson(bytes: Buffer): { value: unknown } | { problem: string } {
  let text;
  try {
    // Drops a leading BOM, as some editors add one.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'it holds binary data, not text' };
  }
  if (text.trim() === '') return { problem: 'it is empty' };
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { problem: `it is not valid JSON, perhaps cut short (${error instanceof Error ? error.message : String(error)})` };
  }
}

/** `PROJECT_CORRUPT` for `path`, pointing at the backup of the previous save when there is one. */
async function corruptError(path: string, problem: string): Promise<FactmarkError> {
  const backupPath = await existingBackup(path);
  return new FactmarkError('PROJECT_CORRUPT', `${path} is damaged: ${problem.replace(/\.$/, '')}. Factmark left it unchanged.${backupSentence(backupPath)}`, {
    path,
    ...(backupPath && { backupPath }),
  });
}

async function existingBackup(path: string): Promise<string | undefined> {
  const backup = backupPathOf(path);
  return access(backup).then(
    () => backup,
    () => undefined,
  );
}

function backupSentence(backupPath: string | undefined): string {
  return backupPath ? ` A backup of the previous save is at ${backupPath}.` : '';
}
