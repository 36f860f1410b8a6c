/**
 * Many `factmark` writers at once on one project, as real processes (through tsx, so no build is
 * needed): every command either commits and exits 0, or commits nothing and exits non-zero with a
 * message — never a success that is not on disk, never a failure that is — and no file is left that
 * the project does not list, also when a writer is killed mid-way (the next writer takes over its
 * lock once stale and sets aside what it left). Then the project loads cleanly.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredDocument, StoredProject, type Claim } from '../../../shared/model/index.js';
import { isStagedFileName, isTemporaryFileName } from '../../../main/services/store/atomic-file.js';
import { JOURNAL_FILE } from '../../../main/services/store/commit-journal.js';
import { OWNER_FILE } from '../../../main/services/store/lock-owner.js';
import { LOCK_FOLDER } from '../../../main/services/store/project-lock.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const WRITERS = 8;
const ROUNDS = 4;

interface Run {
  child: ChildProcessWithoutNullStreams;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Starts `factmark …` from the sources. */
function factmark(...argv: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/factmark.ts', ...argv], { cwd: ROOT });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((settle) => child.once('close', (code) => settle({ code, stdout, stderr })));
  return { child, done };
}

/** A project with one document of numbered words for claims to quote; returns its folder and the document's id. */
async function seededProject(): Promise<{ work: string; folder: string; seed: string }> {
  const work = await tempDir();
  const store = await ProjectStore.create(join(work, 'Busy'), 'Busy');
  const words = Array.from({ length: 120 }, (_, i) => `word${i} alpha${i} beta${i}.`).join(' ');
  const { id } = await store.createDocument('Seed', words);
  await store.close();
  return { work, folder: store.path, seed: id };
}

/** What a round of writers does: half import a file of their own, half add a claim on words of their own. */
type Job = { kind: 'import'; title: string; run: Run } | { kind: 'claim'; quote: string; run: Run };

async function startRound(work: string, folder: string, seed: string, round: number): Promise<Job[]> {
  const jobs: Job[] = [];
  for (let k = 0; k < WRITERS; k++) {
    const n = round * WRITERS + k;
    if (k % 2 === 0) {
      const title = `Round ${round} file ${k}`;
      const file = join(work, `r${round}-${k}.txt`);
      await writeFile(file, `${title}\n\nSome words to import.`);
      jobs.push({ kind: 'import', title, run: factmark('import', folder, file, '--json') });
    } else {
      const quote = `word${n} alpha${n}`;
      jobs.push({ kind: 'claim', quote, run: factmark('claim', 'add', folder, '--doc', seed, '--quote', quote, '--json') });
    }
  }
  return jobs;
}

/** The project as on disk now: project.json, the seed's claims, and every file nothing lists. */
async function onDisk(folder: string, seed: string) {
  const project = StoredProject.parse(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')));
  const listed = new Set(project.documents.map((d) => d.id));
  const claims = StoredDocument.parse(JSON.parse(await readFile(join(folder, 'documents', `${seed}.json`), 'utf8'))).annotations.filter((a): a is Claim => a.kind === 'claim');
  const documentFiles = await readdir(join(folder, 'documents'));
  const originals = await readdir(join(folder, 'originals')).catch(() => [] as string[]);
  const unlisted = [
    ...documentFiles.filter((name) => /^[A-Za-z0-9_-]+\./.test(name) && !listed.has(name.split('.')[0]!)),
    ...originals.filter((name) => !listed.has(name)),
  ];
  const unfinished = [...(await readdir(folder)), ...documentFiles].filter((name) => isStagedFileName(name) || isTemporaryFileName(name) || name === JOURNAL_FILE || name === LOCK_FOLDER);
  return { project, claims, unlisted, unfinished };
}

/** Checks each finished job against the disk: exit 0 ⇔ its change is there (once). */
function expectReported(jobs: Job[], outcomes: { code: number | null; stdout: string; stderr: string }[], disk: Awaited<ReturnType<typeof onDisk>>, killed: Job | null): void {
  jobs.forEach((job, index) => {
    const { code, stdout, stderr } = outcomes[index]!;
    const present = job.kind === 'import' ? disk.project.documents.filter((d) => d.title === job.title).length : disk.claims.filter((c) => c.anchor.quote.exact === job.quote).length;
    expect(present, `${job.kind} ${job.kind === 'import' ? job.title : job.quote}: at most once`).toBeLessThanOrEqual(1);
    if (job === killed) return; // it reported nothing; what it did is whole or absent (checked above and by the orphans)
    if (code === 0) {
      expect(present, `${job.kind} exited 0: ${stdout}`).toBe(1);
      if (job.kind === 'import') expect(disk.project.documents.map((d) => d.id)).toContain(JSON.parse(stdout).imported[0].id);
    } else {
      expect(present, `${job.kind} exited ${code} (${stderr}) but its change is on disk`).toBe(0);
      expect(stderr).toMatch(/^factmark: \S/);
    }
  });
}

describe('concurrent writers on one project', () => {
  it(`${ROUNDS} rounds of ${WRITERS} writers at once (imports and claims) all commit in turn beside a reader, and the project loads cleanly`, { timeout: 240_000 }, async () => {
    const { work, folder, seed } = await seededProject();
    for (let round = 0; round < ROUNDS; round++) {
      const claimsBefore = (await onDisk(folder, seed)).claims.length;
      const jobs = await startRound(work, folder, seed, round);
      // A reader among them needs no lock and reads one committed state.
      const reader = factmark('claims', folder, '--json');
      const outcomes = await Promise.all(jobs.map((job) => job.run.done));
      const disk = await onDisk(folder, seed);
      expectReported(jobs, outcomes, disk, null);
      const read = await reader.done;
      expect(read).toMatchObject({ code: 0, stderr: '' });
      const seen = (JSON.parse(read.stdout) as { claims: { claim: Claim }[] }).claims.map((c) => c.claim.id);
      expect(seen.length).toBeGreaterThanOrEqual(claimsBefore);
      expect(disk.claims.map((c) => c.id)).toEqual(expect.arrayContaining(seen));
      // They wait their turn for the lock, so none is refused.
      expect(outcomes.map((o) => [o.code, o.stderr])).toEqual(jobs.map(() => [0, '']));
      expect(disk.unlisted).toEqual([]);
      expect(disk.unfinished).toEqual([]);
    }
    const store = await ProjectStore.openReadOnly(folder);
    expect(store.project.documents).toHaveLength(1 + (ROUNDS * WRITERS) / 2);
    expect((await store.listClaims()).map((c) => c.claim.shortId).sort()).toEqual(Array.from({ length: (ROUNDS * WRITERS) / 2 }, (_, i) => `C${i + 1}`).sort());
    await store.close();
  });

  it('a writer killed mid-way leaves its change whole or absent; the others take over its lock and commit, and no file is left unlisted', { timeout: 240_000 }, async () => {
    const { work, folder, seed } = await seededProject();
    for (let round = 0; round < 2; round++) {
      const jobs = await startRound(work, folder, seed, round);
      // The writer holding the lock at a random moment (so its lock has to go stale), else any.
      await new Promise((resolve) => setTimeout(resolve, 1_500 + Math.random() * 2_000));
      const holder = await readFile(join(folder, LOCK_FOLDER, OWNER_FILE), 'utf8').then((text) => (JSON.parse(text) as { pid: number }).pid, () => null);
      const victim = jobs.find((job) => job.run.child.pid === holder) ?? jobs[Math.floor(Math.random() * jobs.length)]!;
      victim.run.child.kill('SIGKILL');
      const outcomes = await Promise.all(jobs.map((job) => job.run.done));
      // One more writer after all of them: whatever the killed one left is tidied when the lock is next taken.
      await writeFile(join(work, `after-${round}.txt`), `After round ${round}`);
      const after = factmark('import', folder, join(work, `after-${round}.txt`), '--json');
      expect((await after.done).code).toBe(0);
      const disk = await onDisk(folder, seed);
      expectReported(jobs, outcomes, disk, victim);
      expect(outcomes.filter((o, i) => jobs[i] !== victim && o.code !== 0)).toEqual([]);
      expect(disk.unlisted).toEqual([]);
      expect(disk.unfinished).toEqual([]);
    }
    const store = await ProjectStore.open(folder);
    for (const { id } of store.project.documents) await store.getDocument(id);
    await store.close();
  });
});
