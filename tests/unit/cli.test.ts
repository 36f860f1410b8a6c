/**
 * The `factmark` command line: argument parsing by table, the commands in-process, and the real
 * entry point in a child process (through tsx, so no build is needed and dist/ is left alone).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCliArgs, type CliRequest } from '../../main/cli/args.js';
import type { Command } from '../../main/cli/command.js';
import { COMMANDS } from '../../main/cli/commands/index.js';
import { helpText } from '../../main/cli/run.js';
import { runCapturing } from './support/cli.js';
import { ProjectStore } from '../../main/services/store/project-store.js';
import { SCHEMA_VERSION } from '../../shared/model/index.js';
import { version } from '../../package.json';

const ROOT = resolve(import.meta.dirname, '../..');

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-cli-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('parseCliArgs', () => {
  const run = (command: string, positionals: string[], options: Record<string, string | boolean> = {}): CliRequest => ({ kind: 'run', command, input: { positionals, options } });
  const usage = (pattern: RegExp) => ({ kind: 'usageError', message: expect.stringMatching(pattern) });

  it.each<[string[], unknown]>([
    [['--help'], { kind: 'help' }],
    [['-h'], { kind: 'help' }],
    [['--version'], { kind: 'version' }],
    [['-v'], { kind: 'version' }],
    [['new', 'Election'], run('new', ['Election'])],
    [['new', 'Election', '--name', 'Election 2026'], run('new', ['Election'], { name: 'Election 2026' })],
    [['new', '--name=Polls', 'Polls'], run('new', ['Polls'], { name: 'Polls' })],
    [['new', '--help'], { kind: 'help', command: 'new' }],
    [['info', 'P.factmark'], run('info', ['P.factmark'])],
    [['info', 'P.factmark', '--json'], run('info', ['P.factmark'], { json: true })],
    [['info', '--', '-odd name.factmark'], run('info', ['-odd name.factmark'])],
    [[], usage(/^no command given$/)],
    [['frobnicate'], usage(/^unknown command "frobnicate"$/)],
    [['constructor'], usage(/^unknown command "constructor"$/)],
    [['__proto__'], usage(/^unknown command "__proto__"$/)],
    [['--frob'], usage(/^unknown option --frob$/)],
    [['new'], usage(/^"new" takes <path>, but was given 0 arguments$/)],
    [['new', 'a', 'b'], usage(/^"new" takes <path>, but was given 2 arguments$/)],
    [['new', 'P', '--bogus'], usage(/^Unknown option '--bogus'$/)],
    [['new', 'P', '--name'], usage(/--name/)],
    [['info', 'P', '--json=yes'], usage(/--json/)],
  ])('%j', (argv, expected) => {
    expect(parseCliArgs(argv)).toEqual(expected);
  });

  it('takes a new command from one more entry in the table', () => {
    const importCommand: Command = { summary: 'Import a file.', usage: '<project> <file> [--title T]', positionals: ['project', 'file'], options: { title: { type: 'string' } }, run: async () => undefined };
    const table = { ...COMMANDS, import: importCommand };
    expect(parseCliArgs(['import', 'P', 'a.docx', '--title', 'Speech'], table)).toEqual(run('import', ['P', 'a.docx'], { title: 'Speech' }));
    expect(parseCliArgs(['import', 'P'], table)).toEqual(usage(/takes <project> <file>/));
  });
});

describe('runCli', () => {
  const cli = (...argv: string[]) => runCapturing(work, argv);

  it('creates a project from a relative path, named after the folder, and prints its path', async () => {
    expect(await cli('new', 'Election')).toEqual({ code: 0, stdout: `${join(work, 'Election.factmark')}\n`, stderr: '' });
    const project = JSON.parse(await readFile(join(work, 'Election.factmark', 'project.json'), 'utf8'));
    expect(project).toMatchObject({ format: 'factmark-project', name: 'Election' });
    expect(await cli('new', 'Other.factmark', '--name', 'The other one')).toMatchObject({ code: 0 });
    expect(JSON.parse(await readFile(join(work, 'Other.factmark', 'project.json'), 'utf8')).name).toBe('The other one');
  });

  it('describes a project, as text and as exactly one JSON object', async () => {
    const store = await ProjectStore.create(join(work, 'Desk'), 'Desk');
    const speech = await store.createDocument('Speech', 'First line.\nSecond line.');
    const memo = await store.createDocument('Memo', 'Memo text.');
    await store.close();

    const json = await cli('info', 'Desk.factmark', '--json');
    expect(json.code).toBe(0);
    expect(json.stdout.trim().split('\n')).toHaveLength(1);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(JSON.parse(json.stdout)).toEqual({
      name: 'Desk',
      path: join(work, 'Desk.factmark'),
      id: store.project.id,
      schemaVersion: SCHEMA_VERSION,
      createdAt: store.project.createdAt,
      updatedAt: store.project.updatedAt,
      documentCount: 2,
      documents: [
        { id: speech.id, title: 'Speech', fingerprint: sha('First line.\nSecond line.'), annotationCount: 0 },
        { id: memo.id, title: 'Memo', fingerprint: sha('Memo text.'), annotationCount: 0 },
      ],
    });

    const text = await cli('info', join(work, 'Desk.factmark', 'project.json'));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Name:            Desk');
    expect(text.stdout).toContain('Documents:       2');
    expect(text.stdout).toContain(`    fingerprint  ${sha('Memo text.')}`);
  });

  it('reads a project that is open elsewhere, without taking its lock', async () => {
    const store = await ProjectStore.create(join(work, 'Busy'), 'Busy');
    expect((await cli('info', 'Busy.factmark')).code).toBe(0);
    await store.close();
  });

  it('fails with one line and exit code 1 on a damaged document', async () => {
    const store = await ProjectStore.create(join(work, 'Broken'), 'Broken');
    const { id } = await store.createDocument('Doc', 'Text.');
    await store.close();
    await writeFile(join(store.path, 'documents', `${id}.json`), '{"schemaVersion":1,');
    const result = await cli('info', store.path);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^factmark: ${join(store.path, 'documents', `${id}.json`).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged: .*\n$`));
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('prints help made from the command table, and the version', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const [name, command] of Object.entries(COMMANDS)) expect(help.stdout).toContain(`factmark ${name} ${command.usage}`);
    expect(help.stdout).toBe(helpText());
    expect((await cli('new', '-h')).stdout).toBe(`Usage: factmark new <path> [--name NAME]\n\n${COMMANDS.new!.summary}\n`);
    expect(await cli('--version')).toEqual({ code: 0, stdout: `factmark ${version}\n`, stderr: '' });
  });

  it('exits with 2 on a usage error', async () => {
    expect(await cli('frobnicate')).toEqual({ code: 2, stdout: '', stderr: 'factmark: unknown command "frobnicate" (see "factmark --help")\n' });
  });
});

describe('the factmark entry point, in a child process', () => {
  const exec = promisify(execFile);

  /** Runs `factmark` with tsx from the repository root; resolves with the exit code and both streams. */
  async function factmark(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'main/cli/factmark.ts', ...argv], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  it('creates and describes a project end to end', async () => {
    const created = await factmark('new', join(work, 'Polls'), '--name', 'Polls 2026');
    expect(created).toEqual({ code: 0, stdout: `${join(work, 'Polls.factmark')}\n`, stderr: '' });
    const info = await factmark('info', join(work, 'Polls.factmark'), '--json');
    expect(info.code).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ name: 'Polls 2026', schemaVersion: SCHEMA_VERSION, documentCount: 0, documents: [] });
  });

  it('exits 1 with one line on stderr, and no stack trace, for a missing path and a corrupt project', async () => {
    const missing = await factmark('info', join(work, 'Nowhere.factmark'));
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `factmark: ${join(work, 'Nowhere.factmark')} does not exist.\n` });

    await factmark('new', join(work, 'Bad'));
    const file = join(work, 'Bad.factmark', 'project.json');
    await writeFile(file, (await readFile(file, 'utf8')).slice(0, 40));
    const corrupt = await factmark('info', join(work, 'Bad.factmark'));
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr).toMatch(/^factmark: .*project\.json is damaged: it is not valid JSON/);
    expect(corrupt.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(corrupt.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on a usage error', async () => {
    const result = await factmark('info');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('factmark: "info" takes <project>, but was given 0 arguments (see "factmark --help")\n');
  });
});
