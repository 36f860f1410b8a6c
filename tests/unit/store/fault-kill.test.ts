/**
 * Killing the writer mid-save: a child process saves a large document over and over with the real
 * store; SIGKILL at random moments must leave every file whole — one of the two complete versions,
 * never a part of one — and the project must open again (the dead writer's lock is taken over
 * once stale: each kill ages the lock folder past the stale period, as waiting would).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, readdir, readFile, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoredDocument, StoredProject } from '../../../shared/model/index.js';
import { isStagedFileName, isTemporaryFileName } from '../../../main/services/store/atomic-file.js';
import { LOCK_FOLDER, STALE_MS } from '../../../main/services/store/project-lock.js';
import { ProjectStore } from '../../../main/services/store/project-store.js';
import { BIG_CONTENTS, BIG_TEXTS } from './fixtures/big-content.js';
import { tempDir } from './helpers.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const WRITER = join(import.meta.dirname, 'fixtures', 'kill-writer.ts');
const KILLS = 15;
const VERSIONS = BIG_CONTENTS.map((content) => JSON.stringify(content));

/** Starts the writer and resolves once it has printed `marker` `count` times. */
async function startWriter(folder: string, marker: 'saving' | 'writing', count: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, folder], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`writer did not start saving: ${errors}`)), 20_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.split(`${marker}\n`).length - 1 >= count) {
        clearTimeout(timer);
        ready();
      }
    });
    child.once('exit', (code) => fail(new Error(`writer exited with ${code} before it was killed: ${errors}`)));
  });
  return {
    /** Saves the writer finished before it was killed. */
    saves: () => output.split('saved\n').length - 1,
    kill: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
      const longAgo = new Date(Date.now() - 2 * STALE_MS);
      await utimes(join(folder, LOCK_FOLDER), longAgo, longAgo).catch(() => undefined);
    },
  };
}

/** Parses a stored document and says which of the two versions it holds (fails on anything else). */
async function versionOf(file: string): Promise<number> {
  const document = StoredDocument.parse(JSON.parse(await readFile(file, 'utf8')));
  const version = VERSIONS.indexOf(JSON.stringify(document.content));
  expect(version, `${file} holds neither complete version`).toBeGreaterThanOrEqual(0);
  return version;
}

describe('a writer killed mid-save', () => {
  it(`leaves whole files after each of ${KILLS} kills at random moments`, { timeout: 120_000 }, async () => {
    const start = await ProjectStore.create(join(await tempDir(), 'Killed'), 'Killed');
    const { id } = await start.createDocument('Big', BIG_TEXTS[0]);
    await start.close();
    const folder = start.path;
    const documentFile = join(folder, 'documents', `${id}.json`);

    let savesSeen = 0;
    let killedMidWrite = 0;
    for (let kill = 1; kill <= KILLS; kill++) {
      // Two kills in three at any moment of a save; every third aimed just after a file write began.
      const aimed = kill % 3 === 0;
      const writer = await startWriter(folder, aimed ? 'writing' : 'saving', 1 + Math.floor(Math.random() * 3));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * (aimed ? 20 : 150)));
      await writer.kill();
      savesSeen += writer.saves();

      const leftovers = [...(await readdir(folder)), ...(await readdir(join(folder, 'documents')))].filter((name) => isTemporaryFileName(name) || isStagedFileName(name));
      if (leftovers.length > 0) killedMidWrite++;
      await versionOf(documentFile);
      const hasBackup = await access(`${documentFile}.bak`).then(() => true, () => false);
      if (hasBackup) await versionOf(`${documentFile}.bak`);
      StoredProject.parse(JSON.parse(await readFile(join(folder, 'project.json'), 'utf8')));
    }

    // The kills did land while files were being written, and the writer did save in between.
    expect(killedMidWrite).toBeGreaterThan(0);
    expect(savesSeen).toBeGreaterThan(0);
    const store = await ProjectStore.open(folder);
    expect(VERSIONS).toContain(JSON.stringify((await store.getDocument(id)).content));
    await store.close();
  });
});
