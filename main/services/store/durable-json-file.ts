/**
 * The lowdb adapter for every project file: reads JSON through a decoder (migration and
 * validation), remembers the fingerprint of what it last read or wrote, refuses to write over a
 * file another program changed since, and writes compact JSON atomically with a backup — alone
 * ({@link DurableJsonFile.write}) or staged for a save pass that commits several files together
 * ({@link DurableJsonFile.stage}, ./commit-journal.ts).
 */
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { FactmarkError } from '../../../shared/result.js';
import { stageFile, writeFileAtomic, type AtomicFs } from './atomic-file.js';
import type { StagedFile } from './commit-journal.js';
import { errnoOf, writeError } from './file-errors.js';
import { readFileFingerprint, readFileSnapshot, sameContent, type FileFingerprint } from './fingerprint.js';

/** What a decoder makes of a file's bytes: the data, and the schema it was migrated from (or null). */
export interface Decoded<T> {
  data: T;
  migratedFrom: number | null;
}

/** Parses, migrates and validates a file's bytes, throwing a {@link FactmarkError} that names `path`. */
export type Decoder<T> = (bytes: Buffer, path: string) => Promise<Decoded<T>>;

/** How many `<file>.v<N>-<k>.bak` names are tried before giving up (a file migrated over and over). */
const MAX_VERSION_BACKUPS = 100;

export class DurableJsonFile<T> implements Adapter<T> {
  /** The file as last read or written; null while it is expected not to exist (a new file). */
  private known: FileFingerprint | null = null;
  private overwriteOnce = false;
  private migratedFrom: number | null = null;
  /** True once the version before the migration is kept (a staged write that was not committed already kept it). */
  private versionKept = false;

  constructor(
    readonly path: string,
    private readonly decode: Decoder<T>,
    private readonly fs: AtomicFs = nodeFs,
    /**
     * Makes the file's text or bytes: compact JSON (`JSON.stringify`, or for documents the same
     * bytes from a cache, made in slices: ./document-json.ts).
     */
    private readonly serialise: (data: T) => string | Uint8Array | Promise<Uint8Array> = (data) => JSON.stringify(data),
  ) {}

  /**
   * Reads and decodes the file; null when it does not exist. A corrupt file throws and is not
   * remembered. `from`: read these bytes instead (a reader taking a committed version that is not
   * yet in place: ./commit-journal.ts); the file is then still known by its own path.
   */
  async read(from: string = this.path): Promise<T | null> {
    const snapshot = await readFileSnapshot(from);
    if (!snapshot) {
      this.known = null;
      return null;
    }
    const { data, migratedFrom } = await this.decode(snapshot.bytes, this.path);
    this.known = snapshot.fingerprint;
    this.migratedFrom = migratedFrom;
    this.versionKept = false;
    return data;
  }

  /**
   * Writes `data` as compact JSON. The store never mutates its data (it replaces it), so the data
   * may be serialised in slices while other work goes on. Throws `CHANGED_ON_DISK` when the file is not
   * what was last read or written, unless {@link allowOverwrite} was called just before.
   */
  async write(data: T): Promise<void> {
    const text = await this.prepare(data);
    this.committed(await writeFileAtomic(this.path, text, this.fs));
  }

  /**
   * Like {@link write}, but leaves the new bytes staged beside the file for a save pass to commit
   * with others; the pass calls {@link committed} once they are committed. The file is untouched.
   */
  async stage(data: T): Promise<{ file: StagedFile; fingerprint: FileFingerprint }> {
    const { staged, fingerprint } = await stageFile(this.path, await this.prepare(data), this.fs);
    return { file: { staged, target: this.path, backup: true }, fingerprint };
  }

  /** Notes that the bytes of `fingerprint` are this file's committed version now. */
  committed(fingerprint: FileFingerprint): void {
    this.known = fingerprint;
    this.migratedFrom = null;
  }

  /** The bytes to write, after the checks: unchanged on disk (or overwrite allowed), and the pre-migration version kept. */
  private async prepare(data: T): Promise<string | Uint8Array> {
    const text = await this.serialise(data);
    const force = this.overwriteOnce;
    this.overwriteOnce = false;
    if (!force) await this.assertUnchanged();
    if (this.migratedFrom !== null && !this.versionKept) {
      await keepVersionBackup(this.path, this.migratedFrom, this.fs);
      this.versionKept = true;
    }
    return text;
  }

  /** True when the file on disk is no longer what was last read or written. */
  async changedOnDisk(): Promise<boolean> {
    return !sameContent(await readFileFingerprint(this.path), this.known);
  }

  /** Lets the next write (only that one) replace whatever is on disk (the user chose to keep the version in Factmark). */
  allowOverwrite(): void {
    this.overwriteOnce = true;
  }

  private async assertUnchanged(): Promise<void> {
    const current = await readFileFingerprint(this.path);
    if (sameContent(current, this.known)) return;
    const what =
      current === null
        ? 'was deleted or moved by another program'
        : this.known === null
          ? 'was created by another program'
          : `was changed by another program (modified ${new Date(current.mtimeMs).toISOString()})`;
    throw new FactmarkError(
      'CHANGED_ON_DISK',
      `${this.path} ${what} since Factmark read it. Nothing was written: choose whether to keep your version or to reload the one on disk.`,
      { path: this.path },
    );
  }
}

/**
 * Copies the file as it is before its first migrated write to `<file>.v<N>.bak` (or
 * `<file>.v<N>-2.bak`, … when an earlier migration left one), never replacing an existing backup.
 */
async function keepVersionBackup(path: string, fromVersion: number, fs: AtomicFs): Promise<void> {
  for (let attempt = 1; attempt <= MAX_VERSION_BACKUPS; attempt++) {
    const backup = `${path}.v${fromVersion}${attempt === 1 ? '' : `-${attempt}`}.bak`;
    try {
      await fs.copyFile(path, backup, constants.COPYFILE_EXCL);
      return;
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return; // the original is gone: nothing to keep
      if (errnoOf(error) !== 'EEXIST') throw writeError(error, backup);
    }
  }
  throw new FactmarkError('IO_ERROR', `Factmark could not keep a backup of ${path} before migrating it: too many earlier backups.`, { path });
}
