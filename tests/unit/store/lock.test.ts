/**
 * The project lock: one writer per project; the holder is named; a lock is taken over only once
 * stale (never because its record is missing, never by trusting a process id); a legacy `.lock`
 * file of an older Factmark is settled; a lost hold stops the store writing; the refresh timer
 * never keeps a process alive.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockFolderFs } from '../../../main/services/store/lock-folder.js';
import { newOwner, OWNER_FILE } from '../../../main/services/store/lock-owner.js';
import { LOCK_FOLDER, STALE_MS } from '../../../main/services/store/project-lock.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, paragraphs, tempDir, testOptions, waitFor } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const HOLDER = join(import.meta.dirname, 'fixtures', 'hold-project.ts');

/** A closed project, ready to be opened. */
async function closedProject(): Promise<string> {
  const store = await ProjectStore.create(join(await tempDir(), 'Locked'), 'Locked', testOptions());
  await store.close();
  return store.path;
}

/** Starts a process that opens `folder` for writing (./fixtures/hold-project.ts) and resolves once it holds the lock. */
async function holder(folder: string, mode: 'until-stdin-ends' | 'leave-open' = 'until-stdin-ends'): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOLDER, folder, mode], { cwd: ROOT });
  let output = '';
  await new Promise<void>((ready, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('held\n')) ready();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => fail(new Error(`the holder exited (${code}) before it held the project: ${output}`)));
  });
  return child;
}

/** Ends a process at once, as a crash would. */
async function kill(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGKILL');
  await exited;
}

/** Makes the lock folder look as if its holder stopped refreshing it longer ago than the stale period. */
async function ageLock(folder: string): Promise<void> {
  const longAgo = new Date(Date.now() - 2 * STALE_MS);
  await utimes(join(folder, LOCK_FOLDER), longAgo, longAgo);
}

const lockOwner = async (folder: string) => JSON.parse(await readFile(join(folder, LOCK_FOLDER, OWNER_FILE), 'utf8')) as { pid: number; hostname: string; since: string };
const writeLegacyLock = (folder: string, owner: unknown) => writeFile(join(folder, LOCK_FOLDER), typeof owner === 'string' ? owner : JSON.stringify(owner));

describe('project lock', () => {
  it('is a folder holding who has the project; a second open in the same process is refused at once, until it is closed', async () => {
    const folder = await closedProject();
    const first = await ProjectStore.open(folder, testOptions());
    expect((await stat(join(folder, LOCK_FOLDER))).isDirectory()).toBe(true);
    expect(await lockOwner(folder)).toMatchObject({ pid: process.pid, hostname: hostname() });
    const started = Date.now();
    const error = await expectCode(ProjectStore.open(join(folder, 'project.json'), testOptions(), 5_000), 'PROJECT_IN_USE');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error.message).toContain(`already open in this Factmark (process ${process.pid})`);
    await first.close();
    expect(await readdir(folder)).not.toContain(LOCK_FOLDER);
    const second = await ProjectStore.open(folder, testOptions());
    await second.close();
  });

  it('names the other process that holds the project, and is taken in turn by a writer that waits', { timeout: 30_000 }, async () => {
    const folder = await closedProject();
    const other = await holder(folder);
    try {
      const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
      expect(error.message).toMatch(new RegExp(`in use by another Factmark \\(Factmark process ${other.pid} on this computer, since \\d{4}-`));
      expect(error.message).toContain('nothing was changed');
      const waiting = ProjectStore.open(folder, testOptions(), 15_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
      other.stdin.end();
      const store = await waiting;
      expect((await lockOwner(folder)).pid).toBe(process.pid);
      await store.close();
    } finally {
      await kill(other);
    }
  });

  it('says how long it waited when the holder keeps the project', { timeout: 30_000 }, async () => {
    const folder = await closedProject();
    const other = await holder(folder);
    try {
      const started = Date.now();
      const error = await expectCode(ProjectStore.open(folder, testOptions(), 1_500), 'PROJECT_IN_USE');
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(error.message).toContain(`process ${other.pid}`);
      expect(error.message).toContain('after waiting 2 s');
    } finally {
      await kill(other);
    }
  });

  it('respects the lock of a killed process until it is stale, then takes it over (no process id is trusted)', { timeout: 30_000 }, async () => {
    const folder = await closedProject();
    const other = await holder(folder);
    await kill(other);
    await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
    await ageLock(folder);
    const store = await ProjectStore.open(folder, testOptions());
    expect((await lockOwner(folder)).pid).toBe(process.pid);
    await store.close();
  });

  it.each([
    ['without its record', async (lock: string) => rm(join(lock, OWNER_FILE))],
    ['with an unreadable record', async (lock: string) => writeFile(join(lock, OWNER_FILE), '{"pid": ')],
  ])('respects a fresh lock folder %s, and takes it over once stale', async (_label, spoil) => {
    const folder = await closedProject();
    await mkdir(join(folder, LOCK_FOLDER));
    await writeFile(join(folder, LOCK_FOLDER, OWNER_FILE), JSON.stringify(newOwner()));
    await spoil(join(folder, LOCK_FOLDER));
    const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
    expect(error.message).toContain('is in use by another Factmark; nothing was changed');
    await ageLock(folder);
    const store = await ProjectStore.open(folder, testOptions());
    expect((await lockOwner(folder)).pid).toBe(process.pid);
    await store.close();
  });

  it('never removes a fresh lock it found stale a moment before (two Factmarks taking over the same dead lock)', async () => {
    const folder = await closedProject();
    const store = await ProjectStore.open(folder, testOptions());
    // A second Factmark that judged the previous lock stale now removes "it": it meets this fresh one.
    const late = lockFolderFs(newOwner(), STALE_MS);
    const outcome = await new Promise<NodeJS.ErrnoException | null>((done) => late.rmdir(join(folder, LOCK_FOLDER), done));
    expect(outcome?.code).toBe('ELOCKED');
    expect((await lockOwner(folder)).pid).toBe(process.pid);
    await store.close();
  });

  it('leaves no lock behind when opening fails', async () => {
    const folder = await closedProject();
    const good = await readFile(join(folder, 'project.json'));
    await writeFile(join(folder, 'project.json'), '{');
    await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_CORRUPT');
    expect(await readdir(folder)).not.toContain(LOCK_FOLDER);
    await writeFile(join(folder, 'project.json'), good);
    const store = await ProjectStore.open(folder, testOptions());
    await store.close();
  });

  it('stops saving, and says so, when another Factmark took the lock; on release it leaves theirs', async () => {
    const folder = await closedProject();
    const store = await ProjectStore.open(folder, testOptions());
    const { id } = await store.createDocument('Speech', 'First words.');
    await store.getDocument(id);
    const before = await readFile(join(folder, 'documents', `${id}.json`), 'utf8');
    // Theirs replaces ours (as a takeover after a long freeze would).
    await rename(join(folder, LOCK_FOLDER), join(folder, 'ours-gone'));
    await mkdir(join(folder, LOCK_FOLDER));
    const theirs = { pid: 4242, hostname: 'elsewhere', since: '2026-01-01T00:00:00.000Z', token: 'theirs' };
    await writeFile(join(folder, LOCK_FOLDER, OWNER_FILE), JSON.stringify(theirs));
    store.updateDocumentContent(id, paragraphs('Second words.'), [], { reason: 'edit' });
    const status = await store.saveNow();
    expect(status).toMatchObject({ state: 'error', error: { code: 'PROJECT_IN_USE' } });
    expect(status.error?.message).toContain('lost its hold');
    expect(await readFile(join(folder, 'documents', `${id}.json`), 'utf8')).toBe(before);
    await expectCode(store.close(), 'PROJECT_IN_USE');
    await store.closeWithoutSaving();
    expect(await lockOwner(folder)).toEqual(theirs);
  });

  it('notices when its lock is refreshed by someone else (proper-lockfile: compromised) and stops saving', { timeout: 15_000 }, async () => {
    const folder = await closedProject();
    const store = await ProjectStore.open(folder, testOptions());
    const seen: string[] = [];
    store.onStatus((status) => status.error && seen.push(status.error.message));
    const elsewhere = new Date(Date.now() + 60_000);
    await utimes(join(folder, LOCK_FOLDER), elsewhere, elsewhere);
    await waitFor(() => seen.length > 0, 8_000);
    expect(seen[0]).toContain('lost its hold');
    await store.closeWithoutSaving();
  });

  it('lets a process end by itself while it holds a project, and removes its lock as it ends', { timeout: 30_000 }, async () => {
    const folder = await closedProject();
    const child = await holder(folder, 'leave-open');
    const started = Date.now();
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(STALE_MS / 2);
    expect(await readdir(folder)).not.toContain(LOCK_FOLDER);
  });

  it('ends a process soon after it closes the project (the refresh stops on release)', { timeout: 30_000 }, async () => {
    const folder = await closedProject();
    const child = await holder(folder);
    child.stdin.end();
    const started = Date.now();
    await once(child, 'exit');
    expect(Date.now() - started).toBeLessThan(STALE_MS / 2);
    expect(await readdir(folder)).not.toContain(LOCK_FOLDER);
  });
});

describe('a legacy .lock file of an older Factmark', () => {
  const legacy = (pid: number, host = hostname()) => ({ pid, hostname: host, startedAt: '2026-01-01T00:00:00.000Z' });

  it('is taken over when its process is gone', async () => {
    const folder = await closedProject();
    const other = spawn(process.execPath, ['-e', '0']);
    await once(other, 'exit');
    await writeLegacyLock(folder, legacy(other.pid!));
    const store = await ProjectStore.open(folder, testOptions());
    expect((await lockOwner(folder)).pid).toBe(process.pid);
    await store.close();
  });

  it('is respected while its live process may have written it, with a way out should that process not be Factmark', async () => {
    const folder = await closedProject();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await once(other, 'spawn');
    try {
      await writeLegacyLock(folder, legacy(other.pid!));
      const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
      expect(error.message).toContain(`older Factmark (Factmark process ${other.pid} on this computer`);
      expect(error.message).toContain(`if process ${other.pid} is not Factmark, delete ${join(folder, LOCK_FOLDER)}`);
    } finally {
      other.kill('SIGKILL');
    }
  });

  it.runIf(process.platform === 'linux')('is taken over when its process number now belongs to a process started after the file was written', async () => {
    const folder = await closedProject();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    await once(other, 'spawn');
    try {
      await writeLegacyLock(folder, legacy(other.pid!));
      const anHourAgo = new Date(Date.now() - 3_600_000);
      await utimes(join(folder, LOCK_FOLDER), anHourAgo, anHourAgo);
      const store = await ProjectStore.open(folder, testOptions());
      expect((await lockOwner(folder)).pid).toBe(process.pid);
      await store.close();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('is taken over when it was written before this computer started', async () => {
    const folder = await closedProject();
    await writeLegacyLock(folder, legacy(1)); // process 1 runs, but not since before the boot
    const beforeBoot = new Date(2000, 0, 1);
    await utimes(join(folder, LOCK_FOLDER), beforeBoot, beforeBoot);
    const store = await ProjectStore.open(folder, testOptions());
    await store.close();
  });

  it('is taken over when unreadable and older than the stale period, and respected while fresh (being written)', async () => {
    const folder = await closedProject();
    await writeLegacyLock(folder, '{"pid": ');
    await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
    const longAgo = new Date(Date.now() - 2 * STALE_MS);
    await utimes(join(folder, LOCK_FOLDER), longAgo, longAgo);
    const store = await ProjectStore.open(folder, testOptions());
    await store.close();
    expect(await readdir(folder)).not.toContain(LOCK_FOLDER);
  });

  it('from another computer is respected, saying how to clear it', async () => {
    const folder = await closedProject();
    await writeLegacyLock(folder, legacy(4242, 'laptop-of-someone-else'));
    const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
    expect(error.message).toContain('laptop-of-someone-else');
    expect(error.message).toContain(`delete ${join(folder, LOCK_FOLDER)}`);
  });
});
