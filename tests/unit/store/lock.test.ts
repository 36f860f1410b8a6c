/** The project lock: one writer per project; locks of dead processes are taken over. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { expectCode, tempDir, testOptions } from './helpers.js';

/** A closed project, ready to be opened. */
async function closedProject(): Promise<string> {
  const store = await ProjectStore.create(join(await tempDir(), 'Locked'), 'Locked', testOptions());
  await store.close();
  return store.path;
}

/** Starts a Node process that waits; returns its pid and a function that ends it. */
async function liveProcess(): Promise<{ pid: number; end: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
  await once(child, 'spawn');
  return {
    pid: child.pid!,
    end: async () => {
      child.kill('SIGKILL');
      if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
    },
  };
}

const writeLock = (folder: string, owner: unknown) => writeFile(join(folder, '.lock'), typeof owner === 'string' ? owner : JSON.stringify(owner));
const lockOwner = async (folder: string) => JSON.parse(await readFile(join(folder, '.lock'), 'utf8')) as { pid: number; hostname: string };

describe('project lock', () => {
  it('refuses a second open of an open project, naming who has it, until it is closed', async () => {
    const folder = await closedProject();
    const first = await ProjectStore.open(folder, testOptions());
    expect(await lockOwner(folder)).toMatchObject({ pid: process.pid, hostname: hostname() });
    const error = await expectCode(ProjectStore.open(join(folder, 'project.json'), testOptions()), 'PROJECT_IN_USE');
    expect(error.message).toContain(`process ${process.pid} on ${hostname()}`);
    await first.close();
    const second = await ProjectStore.open(folder, testOptions());
    await second.close();
  });

  it('respects the lock of another live process, and takes it over once that process is dead', async () => {
    const folder = await closedProject();
    const other = await liveProcess();
    await writeLock(folder, { pid: other.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z' });
    const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
    expect(error.message).toContain(`process ${other.pid}`);
    await other.end();
    const store = await ProjectStore.open(folder, testOptions());
    expect((await lockOwner(folder)).pid).toBe(process.pid);
    await store.close();
  });

  it('respects a lock from another computer and says how to clear it', async () => {
    const folder = await closedProject();
    await writeLock(folder, { pid: 4242, hostname: 'laptop-of-someone-else', startedAt: '2026-01-01T00:00:00.000Z' });
    const error = await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_IN_USE');
    expect(error.message).toContain('laptop-of-someone-else');
    expect(error.message).toContain(join(folder, '.lock'));
  });

  it.each([
    ['empty (its writer died mid-write)', ''],
    ['unreadable', '{"pid": '],
    ['left by this process without being released', { pid: process.pid, hostname: hostname(), startedAt: '2026-01-01T00:00:00.000Z', token: 'old' }],
  ])('takes over a lock that is %s', async (_label, owner) => {
    const folder = await closedProject();
    await writeLock(folder, owner);
    const store = await ProjectStore.open(folder, testOptions());
    expect(await lockOwner(folder)).toMatchObject({ pid: process.pid });
    await store.close();
  });

  it('leaves no lock behind when opening fails', async () => {
    const folder = await closedProject();
    const good = await readFile(join(folder, 'project.json'));
    await writeFile(join(folder, 'project.json'), '{');
    await expectCode(ProjectStore.open(folder, testOptions()), 'PROJECT_CORRUPT');
    expect(await readdir(folder)).not.toContain('.lock');
    await writeFile(join(folder, 'project.json'), good);
    const store = await ProjectStore.open(folder, testOptions());
    await store.close();
  });

  it('on release leaves a lock that another process took meanwhile', async () => {
    const folder = await closedProject();
    const store = await ProjectStore.open(folder, testOptions());
    const theirs = { pid: 4242, hostname: 'elsewhere', startedAt: '2026-01-01T00:00:00.000Z', token: 'theirs' };
    await writeLock(folder, theirs);
    await store.close();
    expect(await lockOwner(folder)).toEqual(theirs);
  });
});
