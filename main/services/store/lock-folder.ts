/**
 * The file-system calls proper-lockfile makes on a project's lock folder (`.lock`), given to it as
 * its `fs` option so that the lock folder holds its owner record and a lock is never removed by
 * someone who only thinks it stale:
 * - `mkdir` makes the folder (atomic: it fails when anything is there) and writes the owner record
 *   into it, exclusively (a record already there is another's lock that took the place);
 * - `rmdir` (proper-lockfile releasing, or taking over a lock it found stale) first renames the
 *   folder aside — atomic, so of two Factmarks that found the same dead lock only one moves it —
 *   then removes it only if it is this hold's (releasing) or still stale there; a live lock moved
 *   by mistake is put back;
 * - `rmdirSync` (proper-lockfile's exit hook) removes only this hold's folder.
 * `stat`, `utimes` and `realpath` are the plain calls.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoOf } from './file-errors.js';
import { OWNER_FILE, readOwner, type LockOwner } from './lock-owner.js';

type Callback = (error: NodeJS.ErrnoException | null) => void;

/** The folders this module moves `.lock` to for a moment: `.lock.<random>.old`. */
const ASIDE = /^\.lock\.[0-9a-f]{12}\.old$/;

/** An errno-style error, as proper-lockfile expects from its `fs`. */
function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** A new name beside `path` for the lock folder moved aside. */
function asideOf(path: string): string {
  return join(dirname(path), `${basename(path)}.${randomBytes(6).toString('hex')}.old`);
}

/**
 * The `fs` to hand proper-lockfile for a hold by `owner`: a lock folder it makes holds `owner`'s
 * record, and one it finds is removed only when it is `owner`'s or older than `staleMs`.
 */
export function lockFolderFs(owner: LockOwner, staleMs: number) {
  const ours = async (folder: string) => (await readOwner(folder))?.token === owner.token;
  const stale = async (folder: string) => {
    const stats = await stat(folder).catch(() => null);
    return stats !== null && stats.isDirectory() && stats.mtimeMs < Date.now() - staleMs;
  };
  const settle = (work: Promise<void>, done: Callback) => void work.then(() => done(null), (error: NodeJS.ErrnoException) => done(error));
  return {
    stat: fs.stat,
    utimes: fs.utimes,
    realpath: fs.realpath,
    mkdir: (path: string, done: Callback) => settle(makeLockFolder(path, owner), done),
    rmdir: (path: string, done: Callback) =>
      settle(
        (async () => {
          const release = await ours(path);
          const removed = await removeLockFolder(path, release ? ours : stale);
          if (!removed) throw errno('ELOCKED', `${path} is held by another Factmark`);
        })(),
        done,
      ),
    rmdirSync: (path: string) => {
      let record: unknown;
      try {
        record = JSON.parse(fs.readFileSync(join(path, OWNER_FILE), 'utf8'));
      } catch {
        return;
      }
      if ((record as { token?: unknown }).token !== owner.token) return;
      const aside = asideOf(path);
      fs.renameSync(path, aside);
      fs.rmSync(aside, { recursive: true, force: true });
    },
  };
}

/**
 * Makes the lock folder at `path` holding `owner`'s record; `EEXIST` when a lock (or anything) is
 * there. (Stopped between the two steps, it leaves a lock without a record: stale in time, as any.)
 */
async function makeLockFolder(path: string, owner: LockOwner): Promise<void> {
  await mkdir(path);
  try {
    await writeFile(join(path, OWNER_FILE), JSON.stringify(owner), { flag: 'wx' });
  } catch (error) {
    // A record there already: a Factmark putting back a lock it moved aside by mistake put its in this place. Theirs stays.
    if (errnoOf(error) === 'EEXIST') throw errno('EEXIST', `${path} exists`);
    // The record was created by this call (exclusively), so it and the folder are ours to remove.
    await rm(join(path, OWNER_FILE), { force: true }).catch(() => undefined);
    await rmdir(path).catch(() => undefined);
    throw error;
  }
}

/**
 * Moves the lock folder at `path` aside and removes it when `removable` says so there; else puts
 * it back (or, when a new lock took its place meanwhile, removes it: its holder finds its lock gone
 * and stops writing). True when the folder is gone.
 */
async function removeLockFolder(path: string, removable: (folder: string) => Promise<boolean>): Promise<boolean> {
  const aside = asideOf(path);
  try {
    await rename(path, aside);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return true;
    throw error;
  }
  if (await removable(aside)) {
    await rm(aside, { recursive: true, force: true });
    return true;
  }
  await rename(aside, path).catch(() => rm(aside, { recursive: true, force: true }));
  return false;
}

/** Removes lock folders {@link lockFolderFs} moved aside and could not remove (its process was killed mid-call), once older than `staleMs`. */
export async function removeLockLeftovers(folder: string, staleMs: number): Promise<void> {
  const names = (await readdir(folder).catch(() => [] as string[])).filter((name) => ASIDE.test(name));
  for (const name of names) {
    const path = join(folder, name);
    const stats = await stat(path).catch(() => null);
    if (stats && stats.mtimeMs < Date.now() - staleMs) await rm(path, { recursive: true, force: true }).catch(() => undefined);
  }
}
