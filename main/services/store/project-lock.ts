/**
 * The project lock: a `.lock` file in the project folder that says which process has the project
 * open, so two Factmarks (or the app and the CLI) never write the same files. A lock whose process
 * has died is taken over; a lock from another computer is respected, since its process cannot be checked.
 */
import { randomUUID } from 'node:crypto';
import { open, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { FactmarkError } from '../../../shared/result.js';
import { errnoOf, writeError } from './file-errors.js';

/** The lock file's name inside the project folder. */
export const LOCK_FILE = '.lock';

/** What a lock file holds. The token tells this lock from a later one of the same process. */
const LockOwner = z.object({ pid: z.number().int().positive(), hostname: z.string(), startedAt: z.string(), token: z.string().optional() });
type LockOwner = z.infer<typeof LockOwner>;

/** Lock files this process holds, so a second open in the same process is refused too. */
const heldHere = new Set<string>();

export class ProjectLock {
  private constructor(
    readonly path: string,
    private readonly token: string,
  ) {}

  /**
   * Takes the lock of the project at `folder`: `PROJECT_IN_USE` when a live process holds it,
   * `READ_ONLY` when the folder cannot be written. A stale lock (dead process, or unreadable because
   * its writer died) is replaced. Two processes taking over the same stale lock in the same
   * millisecond could both succeed; the desktop app's single-instance lock keeps that theoretical.
   */
  static async acquire(folder: string): Promise<ProjectLock> {
    const path = join(folder, LOCK_FILE);
    const token = randomUUID();
    const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString(), token };
    for (let attempt = 0; attempt < 2; attempt++) {
      if (await createLockFile(path, owner)) {
        heldHere.add(path);
        return new ProjectLock(path, token);
      }
      const current = await readOwner(path);
      if (current && isAlive(current, path)) throw inUse(folder, path, current);
      await rm(path, { force: true }).catch((error: unknown) => {
        throw writeError(error, path);
      });
    }
    throw new FactmarkError('PROJECT_IN_USE', `${folder} is being opened by another program right now. Try again in a moment.`, { path: folder });
  }

  /** Gives the lock up. Best effort: a lock left behind is stale and taken over at the next open. */
  async release(): Promise<void> {
    heldHere.delete(this.path);
    const current = await readOwner(this.path);
    if (current?.token === this.token) await rm(this.path, { force: true }).catch(() => undefined);
  }
}

/** Creates the lock file exclusively; false when one exists already. */
async function createLockFile(path: string, owner: LockOwner): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw writeError(error, path);
  }
  try {
    await handle.writeFile(JSON.stringify(owner));
  } catch (error) {
    await handle.close();
    await rm(path, { force: true }).catch(() => undefined);
    throw writeError(error, path);
  }
  await handle.close();
  return true;
}

/** The owner a lock file names; null when it is gone or unreadable (its writer died mid-write). */
async function readOwner(path: string): Promise<LockOwner | null> {
  try {
    return LockOwner.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return null;
  }
}

/** True when the lock's process may still run: always for another computer, where it cannot be checked. */
function isAlive(owner: LockOwner, path: string): boolean {
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return heldHere.has(path);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM'; // it exists, it is just not ours to signal
  }
}

function inUse(folder: string, path: string, owner: LockOwner): FactmarkError {
  const message =
    owner.hostname === hostname()
      ? `${folder} is open in another Factmark (process ${owner.pid} on ${owner.hostname}, since ${owner.startedAt}). Close it there first.`
      : `${folder} is open in Factmark on another computer (${owner.hostname}, process ${owner.pid}, since ${owner.startedAt}). If Factmark no longer runs there, delete ${path} and try again.`;
  return new FactmarkError('PROJECT_IN_USE', message, { path: folder });
}
