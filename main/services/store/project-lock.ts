/**
 * The project lock: one writer per project, so two Factmarks (the app, the CLI, another computer
 * on a shared folder) never write the same files. It is proper-lockfile's lock on the project
 * folder: a folder `.lock` made atomically, whose age the holder refreshes every
 * {@link REFRESH_MS}; one not refreshed for {@link STALE_MS} belongs to a Factmark that stopped
 * (crashed, killed, a computer switched off) and is taken over — so no process id is ever trusted
 * and a reused one means nothing. The folder holds the holder's record (./lock-owner.ts), written
 * with it (./lock-folder.ts), so "in use" names who has the project. A legacy `.lock` file of an
 * older Factmark is settled first (./legacy-lock.ts).
 *
 * A second open in the same process is refused at once. A writer may wait a bounded time for the
 * lock ({@link ProjectLock.acquire}'s `waitMs`). When the hold is lost — proper-lockfile finds the
 * folder gone or refreshed by someone else, or {@link ProjectLock.assertHeld} finds another's
 * record there — the lock says so once ({@link ProjectLock.onLost}) and every later check fails:
 * the store stops writing. The refresh timer does not keep a process alive, and stops on release.
 */
import { realpath } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { FactmarkError } from '../../../shared/result.js';
import { errnoOf, readError, writeError } from './file-errors.js';
import { settleLegacyLock } from './legacy-lock.js';
import { lockFolderFs, removeLockLeftovers } from './lock-folder.js';
import { inUseError, newOwner, readOwner, type LockOwner } from './lock-owner.js';

/** The lock folder's name inside the project folder. */
export const LOCK_FOLDER = '.lock';
/** A lock not refreshed for this long is taken over (proper-lockfile's default). */
export const STALE_MS = 10_000;
/** How often the holder refreshes its lock: often, so a busy moment of several seconds does not cost it. */
const REFRESH_MS = 2_000;
/** The first and the longest pause between two tries while waiting for a lock. */
const FIRST_PAUSE_MS = 50;
const LONGEST_PAUSE_MS = 500;

/** Project folders (their real paths) this process holds or is taking, so a second open here is refused. */
const heldHere = new Set<string>();

export class ProjectLock {
  private lostError: FactmarkError | null = null;
  private lostListener: (error: FactmarkError) => void = () => {};

  private constructor(
    /** The project folder. */
    readonly folder: string,
    private readonly key: string,
    private readonly owner: LockOwner,
    private readonly unlock: () => Promise<void>,
  ) {}

  /**
   * Takes the lock of the project at `folder`, waiting up to `waitMs` for another holder to let
   * go: `PROJECT_IN_USE` naming the holder when it does not, or at once when this process holds
   * it; `READ_ONLY` when the folder cannot be written.
   */
  static async acquire(folder: string, waitMs = 0): Promise<ProjectLock> {
    const key = await realpath(folder).catch((error: unknown) => {
      throw readError(error, folder);
    });
    if (heldHere.has(key)) throw new FactmarkError('PROJECT_IN_USE', `${folder} is already open in this Factmark (process ${process.pid}). Close it there first.`, { path: folder });
    heldHere.add(key);
    try {
      const lock = await ProjectLock.take(folder, key, waitMs);
      await removeLockLeftovers(folder, STALE_MS);
      return lock;
    } catch (error) {
      heldHere.delete(key);
      throw error;
    }
  }

  /** Tries to take the lock until `waitMs` have passed, pausing a little longer (and a little at random) each time. */
  private static async take(folder: string, key: string, waitMs: number): Promise<ProjectLock> {
    const path = join(folder, LOCK_FOLDER);
    const deadline = Date.now() + waitMs;
    let pause = FIRST_PAUSE_MS;
    for (;;) {
      const legacy = await settleLegacyLock(folder, path, STALE_MS);
      const lock = legacy ? null : await ProjectLock.try(folder, key, path);
      if (lock) return lock;
      const left = deadline - Date.now();
      if (left <= 0) throw legacy ?? inUseError(folder, await readOwner(path), STALE_MS / 1000, Math.round(waitMs / 1000));
      await new Promise((resolve) => setTimeout(resolve, Math.min(left, pause * (1 + Math.random() / 2))));
      pause = Math.min(pause * 1.5, LONGEST_PAUSE_MS);
    }
  }

  /** One try: the lock, or null when another Factmark holds it. Other failures throw. */
  private static async try(folder: string, key: string, path: string): Promise<ProjectLock | null> {
    const owner = newOwner();
    let lock: ProjectLock | null = null;
    try {
      const unlock = await lockfile.lock(folder, {
        lockfilePath: path,
        stale: STALE_MS,
        update: REFRESH_MS,
        retries: 0,
        fs: lockFolderFs(owner, STALE_MS),
        onCompromised: (error) => lock?.lose(`its lock could not be kept: ${error.message}`),
      });
      lock = new ProjectLock(folder, key, owner, unlock);
      return lock;
    } catch (error) {
      if (errnoOf(error) === 'ELOCKED') return null;
      throw writeError(error, path);
    }
  }

  /** Calls `listener` once, when the hold is lost. */
  onLost(listener: (error: FactmarkError) => void): void {
    this.lostListener = listener;
  }

  /** Resolves while this process still holds the lock (its record is in the lock folder); otherwise the hold is lost and this throws why. */
  async assertHeld(): Promise<void> {
    if (!this.lostError && (await readOwner(join(this.folder, LOCK_FOLDER)))?.token !== this.owner.token) this.lose('its lock folder was removed or replaced');
    if (this.lostError) throw this.lostError;
  }

  /**
   * Gives the lock up and stops its refresh. A lock another Factmark took meanwhile stays theirs
   * (./lock-folder.ts removes only this hold's). Best effort: a lock left behind is taken over once stale.
   */
  async release(): Promise<void> {
    heldHere.delete(this.key);
    await this.unlock().catch(() => undefined);
  }

  /** Records the loss of the hold and tells the listener, once. */
  lose(why: string): void {
    if (this.lostError) return;
    this.lostError = new FactmarkError(
      'PROJECT_IN_USE',
      `Factmark lost its hold on ${this.folder} (${why}), so it no longer saves there: another Factmark may be writing it. Your latest changes are kept in this window only; copy what you need, then close the project and open it again.`,
      { path: this.folder },
    );
    this.lostListener(this.lostError);
  }
}
