/**
 * Locks left by older Factmarks: a `.lock` FILE (today's lock is a folder, ./project-lock.ts)
 * naming the process that had the project open, never refreshed. It is respected while that
 * process may still be the Factmark that wrote it, and removed once it cannot be: its process is
 * gone, the computer restarted since it was written, or (where the system says when a process
 * started: Linux) the process of that number started after the file was written — a reused
 * number. A file that cannot be read is removed once it is older than the stale period (its
 * writer died mid-write). One from another computer cannot be checked: the message says how to
 * clear it, as does the message for a live process, in case that process is not Factmark.
 * (An older Factmark meeting today's lock folder cannot read or remove it, so it stays out.)
 */
import { readFileSync } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname, uptime } from 'node:os';
import * as z from 'zod';
import { FactmarkError } from '../../../shared/result.js';
import { errnoOf } from './file-errors.js';
import { describeHolder } from './lock-owner.js';

/** What an older Factmark wrote into its `.lock` file. */
const LegacyOwner = z.object({ pid: z.number().int().positive(), hostname: z.string(), startedAt: z.string() });

/** How far clocks and timestamps may disagree (boot time from the uptime, file times) before a legacy lock is judged by them. */
const CLOCK_SLACK_MS = 5_000;

/**
 * Settles a legacy lock file at `path` (the project's `.lock`): null when there is none (or it is
 * a folder: today's lock) or it was stale and is removed now; else the `PROJECT_IN_USE` error
 * naming its holder, for the project at `folder`.
 */
export async function settleLegacyLock(folder: string, path: string, staleMs: number): Promise<FactmarkError | null> {
  const stats = await stat(path).catch(() => null);
  if (!stats || stats.isDirectory()) return null;
  const bytes = await readFile(path).catch(() => null);
  if (bytes === null) return null; // gone meanwhile
  let owner: z.infer<typeof LegacyOwner> | null = null;
  try {
    owner = LegacyOwner.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    owner = null;
  }
  const writtenAt = stats.mtimeMs;
  const stale = owner === null ? writtenAt < Date.now() - staleMs : owner.hostname === hostname() && !mayHold(owner.pid, writtenAt);
  if (stale && (await removeIfUnchanged(path, bytes))) return null;
  const since = owner?.startedAt ?? new Date(writtenAt).toISOString();
  const holder = owner && describeHolder({ pid: owner.pid, hostname: owner.hostname, since });
  const message = !owner
    ? `${folder} is being opened by an older Factmark right now. Try again in a moment.`
    : owner.hostname === hostname()
      ? `${folder} is open in an older Factmark (${holder}). Close it there first; if process ${owner.pid} is not Factmark, delete ${path} and try again.`
      : `${folder} is open in an older Factmark on another computer (${holder}). If Factmark no longer runs there, delete ${path} and try again.`;
  return new FactmarkError('PROJECT_IN_USE', message, { path: folder });
}

/** True while process `pid` of this computer may be the one that wrote a lock at `writtenAt`. */
function mayHold(pid: number, writtenAt: number): boolean {
  if (pid === process.pid) return false; // this process writes no legacy lock
  try {
    process.kill(pid, 0);
  } catch (error) {
    if (errnoOf(error) !== 'EPERM') return false; // EPERM: it exists, it is just not ours to signal
  }
  const bootedAt = Date.now() - uptime() * 1000;
  if (writtenAt < bootedAt - CLOCK_SLACK_MS) return false;
  const startedAt = processStart(pid);
  return startedAt === null || startedAt <= writtenAt + CLOCK_SLACK_MS;
}

/** When process `pid` started (ms since the epoch), where the system says (Linux); null elsewhere. */
function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): the 22nd field, start time in clock ticks (100 a second) after boot.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : null;
  } catch {
    return null;
  }
}

/**
 * Removes the lock file at `path` if it still holds `bytes` (moved aside first, so a file another
 * Factmark wrote meanwhile is put back). True when it is gone.
 */
async function removeIfUnchanged(path: string, bytes: Buffer): Promise<boolean> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    return errnoOf(error) === 'ENOENT';
  }
  const moved = await readFile(aside).catch(() => null);
  if (moved !== null && moved.equals(bytes)) {
    await rm(aside, { force: true });
    return true;
  }
  await rename(aside, path).catch(() => undefined);
  return false;
}
