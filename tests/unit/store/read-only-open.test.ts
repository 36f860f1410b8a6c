/**
 * Reading needs no lock: `factmark info`, `claims` and `export` open a project read-only — no
 * lock, nothing written, not even a migration or a reconciliation — so they work while another
 * process holds the project open for writing, and on a folder that cannot be written.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, cp, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK_FOLDER } from '../../../main/services/store/project-lock.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { sha256Hex } from '../../../main/services/store/fingerprint.js';
import { runCapturing } from '../support/cli.js';
import { MOUNT_PROBLEM, mountTmpfs, remount, unmountAll } from '../support/tmpfs.js';
import { expectCode, tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const HOLDER = join(import.meta.dirname, 'fixtures', 'hold-project.ts');
const V1_FIXTURE = join(import.meta.dirname, 'fixtures', 'v1-project.factmark');

afterAll(unmountAll);

/** Every file and folder under `folder` with its size, time and (for files) hash: what "nothing written" compares. */
async function tree(folder: string): Promise<Record<string, string>> {
  const entries: Record<string, string> = {};
  for (const name of await readdir(folder, { recursive: true })) {
    const path = join(folder, name);
    const stats = await stat(path);
    entries[relative(folder, path)] = stats.isDirectory() ? `folder ${stats.mtimeMs}` : `${stats.size} ${stats.mtimeMs} ${sha256Hex(await readFile(path))}`;
  }
  return entries;
}

/** A copy of the schema-1 project (one claim, a source mention): opening it to write would migrate it. */
async function v1Copy(parent?: string): Promise<string> {
  const folder = join(parent ?? (await tempDir()), 'Election.factmark');
  await cp(V1_FIXTURE, folder, { recursive: true });
  return folder;
}

/** The three reading commands on `folder`, run in-process; the export goes to `out`. */
async function readAll(folder: string, out: string) {
  const claims = await runCapturing(ROOT, ['claims', folder, '--json']);
  const info = await runCapturing(ROOT, ['info', folder, '--json']);
  const report = await runCapturing(ROOT, ['export', folder, '--format', 'md', '--out', out]);
  return { claims, info, report };
}

/**
 * Why a folder cannot be made unwritable here, or null: as root permissions do not stop writes,
 * so root needs a read-only mount (tmpfs) instead.
 */
const UNWRITABLE_PROBLEM = process.getuid?.() === 0 && MOUNT_PROBLEM !== null ? `running as root, where permissions do not stop writes, and a read-only mount is not possible (${MOUNT_PROBLEM})` : null;

describe('reading a project without its lock', () => {
  it('lists, describes and exports a project another process holds open for writing', { timeout: 30_000 }, async () => {
    const folder = await v1Copy();
    const holder = spawn(process.execPath, ['--import', 'tsx', HOLDER, folder], { cwd: ROOT });
    let output = '';
    holder.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    while (!output.includes('held\n')) await new Promise((resolve) => setTimeout(resolve, 20));
    try {
      const out = join(await tempDir(), 'Election.md');
      const { claims, info, report } = await readAll(folder, out);
      expect(claims).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(claims.stdout).claims).toMatchObject([{ documentTitle: 'Speech', claim: { shortId: 'C1', claimant: 'The minister' } }]);
      expect(info).toMatchObject({ code: 0, stderr: '' });
      expect(JSON.parse(info.stdout)).toMatchObject({ name: 'Election', documentCount: 1 });
      expect(report).toMatchObject({ code: 0, stderr: '' });
      expect(await readFile(out, 'utf8')).toContain('unemployment fell to 4% last year');
      // A writer still cannot have it.
      await expectCode(ProjectStore.open(folder), 'PROJECT_IN_USE');
    } finally {
      holder.kill('SIGKILL');
      await once(holder, 'exit');
    }
  });

  it('writes nothing — no lock, no migration, no original kept, no reconciliation — and refuses to save', async () => {
    const folder = await v1Copy();
    const before = await tree(folder);
    const out = join(await tempDir(), 'Election.md');
    const { claims, info, report } = await readAll(folder, out);
    expect([claims.code, info.code, report.code]).toEqual([0, 0, 0]);
    const store = await ProjectStore.openReadOnly(folder);
    expect(store.project.schemaVersion).toBe(3); // migrated in memory only
    expect((await store.listClaims()).map((c) => c.claim.shortId)).toEqual(['C1']);
    await expectCode(store.createDocument('New', 'Words.'), 'READ_ONLY');
    await expectCode(store.saveNow(), 'READ_ONLY');
    await store.close();
    expect(await tree(folder)).toEqual(before);
    expect(await readdir(folder)).not.toContain(LOCK_FOLDER);
  });

  it.skipIf(UNWRITABLE_PROBLEM !== null)(`works on a folder that cannot be written${UNWRITABLE_PROBLEM ? ` [SKIPPED: ${UNWRITABLE_PROBLEM}]` : ''}`, async () => {
    const asRoot = process.getuid?.() === 0;
    const parent = asRoot ? await mountTmpfs('4m') : await tempDir();
    const folder = await v1Copy(parent);
    const before = await tree(folder);
    const lockDown = async (writable: boolean) => {
      if (asRoot) return remount(parent, writable ? 'rw' : 'ro');
      for (const path of [folder, ...(await readdir(folder, { recursive: true })).map((name) => join(folder, name))]) {
        const isFolder = (await stat(path)).isDirectory();
        await chmod(path, writable ? (isFolder ? 0o755 : 0o644) : isFolder ? 0o555 : 0o444);
      }
    };
    await lockDown(false);
    try {
      await expectCode(ProjectStore.open(folder), 'READ_ONLY');
      const { claims, info, report } = await readAll(folder, join(await tempDir(), 'Election.md'));
      expect([claims, info, report].map((r) => [r.code, r.stderr])).toEqual([
        [0, ''],
        [0, ''],
        [0, ''],
      ]);
      expect(JSON.parse(claims.stdout).claims).toHaveLength(1);
    } finally {
      await lockDown(true);
    }
    expect(await tree(folder)).toEqual(before);
  });
});
