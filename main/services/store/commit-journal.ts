/**
 * Committing the files of one save pass together, so a change that spans files (a claim in its
 * document and the project's claim counter and sources; a new document and the project's list) is
 * on disk whole or not at all — whether the writer fails, is killed, or the power goes.
 *
 * Each file's new bytes are first staged beside it (./atomic-file.ts `stageFile`). Then one small
 * journal, `.commit.json` in the project folder, names them all: putting the journal in place is
 * the commit. Then each staged file is renamed over its target and the journal is removed. A writer
 * stopped before the commit leaves only staged files, which the next writer removes (nothing was
 * committed); stopped after it, the next writer finishes the renames ({@link finishCommit}), and a
 * reader meanwhile reads the staged files in their targets' place ({@link committedVersions}).
 * A pass of one file needs no journal: its rename is its commit.
 */
import * as nodeFs from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import * as z from 'zod';
import { FactmarkError } from '../../../shared/result.js';
import { isStagedFileName, placeStaged, stageFile, syncFolder, type AtomicFs } from './atomic-file.js';
import { errnoOf, readError } from './file-errors.js';

/** The journal's name in the project folder; it exists only between a commit and its last rename. */
export const JOURNAL_FILE = '.commit.json';

/** One file of a commit: the staged bytes, the file they replace, and whether the replaced version is kept as `.bak`. */
export interface StagedFile {
  staged: string;
  target: string;
  backup: boolean;
}

/** The journal as stored: paths relative to the project folder, so a moved folder still recovers. */
const Journal = z.object({
  format: z.literal('factmark-commit'),
  files: z.array(z.object({ staged: z.string(), target: z.string(), backup: z.boolean() })).min(1),
});

/** The files of one save pass, staged, then committed together. */
export class CommitBatch {
  private readonly files: StagedFile[] = [];
  private committed = false;

  constructor(
    private readonly folder: string,
    private readonly fs: AtomicFs = nodeFs,
  ) {}

  get size(): number {
    return this.files.length;
  }

  /** Adds a staged file (made by `stageFile` in the project folder or a folder inside it). */
  add(file: StagedFile): void {
    this.files.push(file);
  }

  /**
   * Commits the staged files: one file by its rename, several by putting the journal in place.
   * `beforeCommit` runs just before and may still refuse (the lock's last check). When anything
   * fails before the commit, the staged files are removed and nothing is committed; what follows
   * the commit ({@link apply}) cannot undo it.
   */
  async commit(beforeCommit: () => Promise<void>): Promise<void> {
    try {
      await beforeCommit();
      const only = this.files.length === 1 ? this.files[0]! : null;
      if (only) await placeStaged(only.staged, only.target, only.backup, this.fs);
      else await this.writeJournal();
    } catch (error) {
      await this.discard();
      throw error;
    }
    this.committed = true;
  }

  /**
   * Finishes a commit: puts every staged file in place, makes the renames durable and removes the
   * journal. A failure here loses nothing: the journal stays, and {@link finishCommit} completes
   * it before the next pass or when the project is next opened.
   */
  async apply(): Promise<void> {
    if (!this.committed) throw new FactmarkError('INTERNAL', 'A save pass put files in place before committing them.');
    if (this.files.length === 1) {
      await syncFolder(dirname(this.files[0]!.target), this.fs);
      return;
    }
    await placeAll(this.folder, this.files, this.fs);
  }

  /** Removes the staged files of a batch that is not committed. Best effort. */
  async discard(): Promise<void> {
    await Promise.all(this.files.map((file) => this.fs.rm(file.staged, { force: true }).catch(() => undefined)));
  }

  /** Puts the journal in place: the commit. Its folder's fsync comes with {@link apply}. */
  private async writeJournal(): Promise<void> {
    const journal = { format: 'factmark-commit', files: this.files.map((file) => ({ staged: this.relative(file.staged), target: this.relative(file.target), backup: file.backup })) };
    const path = join(this.folder, JOURNAL_FILE);
    const { staged } = await stageFile(path, JSON.stringify(journal), this.fs, 'tmp');
    try {
      await placeStaged(staged, path, false, this.fs);
    } catch (error) {
      await this.fs.rm(staged, { force: true }).catch(() => undefined);
      throw error;
    }
  }

  private relative(path: string): string {
    return relative(this.folder, path).split(sep).join('/');
  }
}

/**
 * Completes a commit a stopped writer left (its journal): puts each staged file that is still
 * there in place (one already renamed is gone) and removes the journal. Call it only under the
 * project's lock. A journal that cannot be read is `PROJECT_CORRUPT`, and nothing is touched.
 */
export async function finishCommit(folder: string, fs: AtomicFs = nodeFs): Promise<void> {
  const files = await readJournal(folder);
  if (files) await placeAll(folder, files, fs);
}

/**
 * For a reader: the staged files of a commit not yet finished, by the file they replace. Reading
 * the staged file (and, when it is gone meanwhile, the target it was renamed to) gives the
 * committed version. Empty when no commit is unfinished.
 */
export async function committedVersions(folder: string): Promise<Map<string, string>> {
  return new Map((await readJournal(folder))?.map((file) => [file.target, file.staged]) ?? []);
}

/** The journal's contents now (null: none), so a reader can tell whether a commit came between two reads. */
export async function journalText(folder: string): Promise<string | null> {
  const path = join(folder, JOURNAL_FILE);
  return nodeFs.readFile(path, 'utf8').catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return null;
    throw readError(error, path);
  });
}

/** Renames each staged file still there over its target, fsyncs the folders and removes the journal. */
async function placeAll(folder: string, files: readonly StagedFile[], fs: AtomicFs): Promise<void> {
  for (const file of files) {
    const there = await nodeFs.access(file.staged).then(
      () => true,
      () => false,
    );
    if (there) await placeStaged(file.staged, file.target, file.backup, fs);
  }
  for (const changed of new Set(files.map((file) => dirname(file.target)))) await syncFolder(changed, fs);
  await fs.rm(join(folder, JOURNAL_FILE), { force: true });
  await syncFolder(folder, fs);
}

/** The journal's files as absolute paths; null when there is none. Paths that leave the folder, or staged names that do not belong to their target, are refused. */
async function readJournal(folder: string): Promise<StagedFile[] | null> {
  const path = join(folder, JOURNAL_FILE);
  const text = await journalText(folder);
  if (text === null) return null;
  const unreadable = (why: string) =>
    new FactmarkError('PROJECT_CORRUPT', `${path} records a save that was not finished, but ${why}. Factmark left the project unchanged; move that file away to open the project as it was before that save.`, { path });
  let journal;
  try {
    journal = Journal.parse(JSON.parse(text));
  } catch {
    throw unreadable('it cannot be read');
  }
  return journal.files.map((file) => {
    const target = inside(folder, file.target);
    const staged = inside(folder, file.staged);
    if (!target || !staged || dirname(staged) !== dirname(target) || !isStagedFileName(basename(staged)) || !basename(staged).startsWith(`.${basename(target)}.`)) {
      throw unreadable(`it names a file it cannot have written (${file.staged} → ${file.target})`);
    }
    return { staged, target, backup: file.backup };
  });
}

/** `name` (relative, `/`-separated) resolved inside `folder`; null when it would leave it. */
function inside(folder: string, name: string): string | null {
  if (name === '' || isAbsolute(name) || name.includes('\0')) return null;
  const path = normalize(join(folder, name));
  const rest = relative(folder, path);
  return rest === '' || rest.startsWith('..') || isAbsolute(rest) ? null : path;
}
