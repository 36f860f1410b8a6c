/**
 * What `factmark` says is true for a command that exits: a failed write never promises changes
 * "kept in memory" or a project that "stays open"; `new` on a full disk leaves no folder behind;
 * `claims` says when annotations were set aside instead of "No claims yet."; and a fifo or a device
 * given to `import` is called what it is. Full and read-only disks are real tmpfs mounts (root only;
 * skipped with the reason elsewhere).
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMMAND_STOPPED, forExitingCommand } from '../../main/cli/exit-message.js';
import { writeError } from '../../main/services/store/file-errors.js';
import { ProjectStore } from '../../main/services/store/project-store.js';
import { removeUnfinishedProject } from '../../main/services/store/unfinished-project.js';
import { runCapturing } from './support/cli.js';
import { fillDisk, MOUNT_PROBLEM, mountTmpfs, remount, skipNote, unmountAll } from './support/tmpfs.js';

/** What no message of a command that has exited may say. */
const UNTRUE_FOR_AN_EXITED_COMMAND = /kept in memory|stays open|save again/i;

const withMount = it.skipIf(MOUNT_PROBLEM !== null);

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-cli-exit-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});
afterAll(unmountAll);

const cli = (...argv: string[]) => runCapturing(work, argv);
const errnoError = (code: string) => Object.assign(new Error(`${code}: it failed`), { code });

describe('forExitingCommand', () => {
  it.each([
    ['EROFS', "Factmark cannot write to /p/Check.factmark: it is read-only. Fix the folder's permissions, or work on a copy of the project in a folder you can write to."],
    ['ENOSPC', 'Factmark cannot save /p/Check.factmark/x.json: the disk is full. Nothing was overwritten: the last saved version is intact. Free some space.'],
    ['EIO', 'Factmark could not write /p/Check.factmark/x.json: EIO: it failed.'],
  ])('says what is true of a failed write (%s) once the command has exited', (code, what) => {
    const said = forExitingCommand(writeError(errnoError(code), '/p/Check.factmark/x.json').message);
    expect(said).toBe(`${what} ${COMMAND_STOPPED}`);
    expect(said).not.toMatch(UNTRUE_FOR_AN_EXITED_COMMAND);
  });

  it('leaves every other message as it is', () => {
    for (const message of ['/p/x.json does not exist.', 'There is no document “Speech” in this project.']) expect(forExitingCommand(message)).toBe(message);
  });
});

describe('factmark claims, on a project whose annotations were set aside', () => {
  /** A project whose one document holds one claim, made unreadable by hand: its file's path. */
  async function projectWithUnreadableClaim(): Promise<{ path: string; documentFile: string }> {
    const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    const { id } = await store.createDocument('Speech', 'The minister said unemployment fell.');
    await store.close();
    expect((await cli('claim', 'add', store.path, '--doc', 'Speech', '--quote', 'unemployment fell')).code).toBe(0);
    const documentFile = join(store.path, 'documents', `${id}.json`);
    const stored = JSON.parse(await readFile(documentFile, 'utf8')) as { annotations: { kind: string }[] };
    stored.annotations[0]!.kind = 'no such kind';
    await writeFile(documentFile, JSON.stringify(stored));
    return { path: store.path, documentFile };
  }

  it('says the annotation was set aside and where the file is, instead of "No claims yet."', async () => {
    const { path, documentFile } = await projectWithUnreadableClaim();
    const text = await cli('claims', path);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('No claims yet.');
    expect(text.stdout).toMatch(/^No claims to list\.\nNotes from reading the project \(nothing on disk was changed\):\n/);
    expect(text.stdout).toContain(`  “Speech”: 1 annotation in this document could not be read and was set aside; the file as it was is kept at ${documentFile}.\n`);
    const { claims, notices } = JSON.parse((await cli('claims', path, '--json')).stdout) as { claims: unknown[]; notices: { documentTitle: string; notice: string }[] };
    expect(claims).toEqual([]);
    expect(notices).toContainEqual(expect.objectContaining({ documentTitle: 'Speech', notice: expect.stringContaining('set aside') }));
  });

  it('still says "No claims yet." when there are none', async () => {
    const store = await ProjectStore.create(join(work, 'Empty'), 'Empty');
    await store.createDocument('Speech', 'Nothing claimed here.');
    await store.close();
    expect((await cli('claims', store.path)).stdout).toBe('No claims yet.\n');
  });
});

describe('factmark import, given what is not a regular file', () => {
  it.skipIf(process.platform === 'win32')('calls a named pipe and a link to /dev/zero what they are, not folders', async () => {
    const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    await store.close();
    execFileSync('mkfifo', [join(work, 'pipe.txt')]);
    await symlink('/dev/zero', join(work, 'zero.txt'));
    await mkdir(join(work, 'folder.txt'));
    const result = await cli('import', store.path, 'pipe.txt', 'zero.txt', 'folder.txt');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(
      [
        'refused  pipe.txt: pipe.txt is not a regular file (it is a device, a named pipe or a socket), so there is nothing to import from it.',
        'refused  zero.txt: zero.txt is not a regular file (it is a device, a named pipe or a socket), so there is nothing to import from it.',
        'refused  folder.txt: folder.txt is a folder, not a file to import.',
        '',
      ].join('\n'),
    );
  });
});

describe('removeUnfinishedProject', () => {
  it('removes the empty folders a failed creation made, and never a file', async () => {
    const made = join(work, 'Made.factmark');
    await mkdir(join(made, 'documents'), { recursive: true });
    expect(await removeUnfinishedProject(made, false)).toBe(true);
    expect(await readdir(work)).toEqual([]);

    const kept = join(work, 'Kept.factmark');
    await mkdir(join(kept, 'documents'), { recursive: true });
    expect(await removeUnfinishedProject(kept, true)).toBe(true);
    expect(await readdir(kept)).toEqual([]);

    const written = join(work, 'Written.factmark');
    await mkdir(join(written, 'documents'), { recursive: true });
    await writeFile(join(written, 'documents', 'someone.json'), '{}');
    await writeFile(join(written, 'notes.txt'), 'not ours');
    expect(await removeUnfinishedProject(written, false)).toBe(false);
    expect((await readdir(written)).sort()).toEqual(['documents', 'notes.txt']);
    expect(await readdir(join(written, 'documents'))).toEqual(['someone.json']);
  });
});

describe('on a full or read-only disk', () => {
  withMount(`factmark new on a full disk says so and leaves no folder behind${skipNote}`, async () => {
    const disk = await mountTmpfs('64k');
    await mkdir(join(disk, 'Empty.factmark'));
    fillDisk(join(disk, 'filler'));
    const created = await runCapturing(disk, ['new', 'Election']);
    expect(created).toEqual({
      code: 1,
      stdout: '',
      stderr: `factmark: Factmark could not create the project ${join(disk, 'Election.factmark')}: the disk is full. Nothing of it was left behind. Free some space, then run the command again.\n`,
    });
    expect((await readdir(disk)).sort()).toEqual(['Empty.factmark', 'filler']);
    // An empty folder the user had made stays, empty, as it was.
    expect((await runCapturing(disk, ['new', 'Empty.factmark'])).code).toBe(1);
    expect(await readdir(join(disk, 'Empty.factmark'))).toEqual([]);
  });

  withMount(`a command whose save fails on a full disk says its changes are lost, not kept${skipNote}`, async () => {
    const disk = await mountTmpfs('256k');
    const store = await ProjectStore.create(join(disk, 'Desk'), 'Desk');
    await store.close();
    fillDisk(join(disk, 'filler'));
    const result = await runCapturing(disk, ['source', 'add', store.path, '--title', 'Statistics office '.repeat(50), '--url', 'https://stats.example/jobs']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^factmark: .*the disk is full\./);
    expect(result.stderr).toContain(`Free some space. ${COMMAND_STOPPED}\n`);
    expect(result.stderr).not.toMatch(UNTRUE_FOR_AN_EXITED_COMMAND);
  });

  withMount(`a command on a read-only disk says what to fix, not that its changes are kept${skipNote}`, async () => {
    const disk = await mountTmpfs('1m');
    const store = await ProjectStore.create(join(disk, 'Desk'), 'Desk');
    await store.close();
    remount(disk, 'ro');
    const result = await runCapturing(disk, ['source', 'add', store.path, '--title', 'Statistics office']);
    remount(disk, 'rw');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`read-only. Fix the folder's permissions, or work on a copy of the project in a folder you can write to. ${COMMAND_STOPPED}\n`);
    expect(result.stderr).not.toMatch(UNTRUE_FOR_AN_EXITED_COMMAND);
    const created = await runCapturing(disk, ['new', 'Other']);
    expect(created.stderr).not.toMatch(UNTRUE_FOR_AN_EXITED_COMMAND);
  });
});

describe('factmark import on a disk that fills up', () => {
  withMount(`reports imported exactly the files that are in the project, and the rest refused${skipNote}`, async () => {
    const disk = await mountTmpfs('1m');
    const store = await ProjectStore.create(join(disk, 'Desk'), 'Desk');
    await store.close();
    const paragraph = 'The council said the dam was inspected in March and found sound by engineers. ';
    await writeFile(join(work, 'first.txt'), paragraph.repeat(10));
    await writeFile(join(work, 'large.txt'), paragraph.repeat(9_000)); // ~0.7 MB: its original and its document cannot both fit
    await writeFile(join(work, 'last.txt'), paragraph.repeat(10));
    const result = await cli('import', store.path, 'first.txt', 'large.txt', 'last.txt', '--json');
    expect(result.code).toBe(1);
    const reported = (JSON.parse(result.stdout) as { imported: { file: string; id?: string; error?: string }[] }).imported;
    const listed = (JSON.parse(await readFile(join(store.path, 'project.json'), 'utf8')) as { documents: { id: string }[] }).documents.map((d) => d.id);
    expect(reported.find((r) => r.file === 'first.txt')?.id).toBeDefined();
    expect(reported.find((r) => r.file === 'large.txt')?.error).toBeDefined();
    // Every file said to be imported is listed, and nothing else is.
    expect(listed.sort()).toEqual(reported.flatMap((r) => (r.id ? [r.id] : [])).sort());
    expect(result.stdout + result.stderr).not.toMatch(UNTRUE_FOR_AN_EXITED_COMMAND);
  });
});
