/**
 * Who holds a project's lock: the record the holder writes into the lock folder
 * (`.lock/owner.json`: process, computer, since when, and a token that tells this hold from any
 * other), and the "in use" message that names them. The record only informs: whether a lock is
 * held is decided by the folder's age alone (./project-lock.ts), so a missing or unreadable record
 * never makes a lock look stale.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import { FactmarkError } from '../../../shared/result.js';

/** The record's name inside the lock folder. */
export const OWNER_FILE = 'owner.json';

/** What the record holds. */
export const LockOwner = z.object({ pid: z.number().int().positive(), hostname: z.string(), since: z.string(), token: z.string() });
export type LockOwner = z.infer<typeof LockOwner>;

/** A new record for a hold by this process, starting now. */
export function newOwner(): LockOwner {
  return { pid: process.pid, hostname: hostname(), since: new Date().toISOString(), token: randomUUID() };
}

/** The record in the lock folder `lockPath`; null when it is missing or unreadable. */
export async function readOwner(lockPath: string): Promise<LockOwner | null> {
  try {
    return LockOwner.parse(JSON.parse(await readFile(join(lockPath, OWNER_FILE), 'utf8')));
  } catch {
    return null;
  }
}

/** Who a holder is, in words: "Factmark process 4242 on laptop, since 2026-…". */
export function describeHolder(holder: { pid: number; hostname: string; since: string }): string {
  const here = holder.hostname === hostname();
  return `Factmark process ${holder.pid} ${here ? 'on this computer' : `on ${holder.hostname}`}, since ${holder.since}`;
}

/**
 * `PROJECT_IN_USE` for the project at `folder`, naming the holder when the record says who it is.
 * `waited`: how long this Factmark waited for it, in seconds (0: it did not wait).
 */
export function inUseError(folder: string, owner: LockOwner | null, staleSeconds: number, waited = 0): FactmarkError {
  const who = owner ? ` (${describeHolder(owner)})` : '';
  const after = waited > 0 ? ` after waiting ${waited} s` : '';
  return new FactmarkError(
    'PROJECT_IN_USE',
    `${folder} is in use by another Factmark${who}; nothing was changed${after}. Try again when it is closed there. (A Factmark that stopped without closing the project frees it by itself ${staleSeconds} s later.)`,
    { path: folder },
  );
}
