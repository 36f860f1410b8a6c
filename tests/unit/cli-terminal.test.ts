/**
 * What `factmark` prints is safe for a terminal: a project whose name, document titles, claimants
 * and source titles carry escape sequences (retitle the terminal, clear it, overwrite a line) is
 * listed with those sequences shown as escapes, by every command and in error messages, in-process
 * and through the real entry point; JSON output still parses to the exact text.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { terminalSafe } from '../../main/cli/terminal-text.js';
import { ProjectStore } from '../../main/services/store/project-store.js';
import { runCapturing } from './support/cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

/** Sets the terminal's title (OSC 0, ended by BEL). */
const RETITLE = '\u001b]0;pwned\u0007';
/** Clears the screen (CSI 2 J) and moves home. */
const CLEAR = '\u001b[2J\u001b[H';
/** CSI as one C1 character, then DEL and a carriage return that would overwrite the line. */
const C1_AND_CR = '\u009b31m\u007f\r';

/** Any character a terminal may act on, other than line feed and tab. */
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

let work: string;
beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'factmark-cli-terminal-'));
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const cli = (...argv: string[]) => runCapturing(work, argv);

/** A project named and titled with escape sequences, with one document "Speech…" to claim in. */
async function hostileProject(): Promise<{ path: string; title: string }> {
  const title = `Speech${RETITLE}${CLEAR}`;
  const store = await ProjectStore.create(join(work, 'Desk'), `Desk${C1_AND_CR}2026`);
  await store.createDocument(title, 'The minister said unemployment fell to 4% last year.');
  await store.close();
  return { path: store.path, title };
}

describe('terminalSafe', () => {
  it.each([
    [RETITLE, '\\u001b]0;pwned\\u0007'],
    [CLEAR, '\\u001b[2J\\u001b[H'],
    [C1_AND_CR, '\\u009b31m\\u007f\\u000d'],
    ['\u0000\u0008\u000b\u000c\u001f\u0085', '\\u0000\\u0008\\u000b\\u000c\\u001f\\u0085'],
    ['two lines\nand\ta column', 'two lines\nand\ta column'],
    ['Zürich, “quotes”, عربى, 👩‍💻, \u00a0\u00a0', 'Zürich, “quotes”, عربى, 👩‍💻, \u00a0\u00a0'],
  ])('%j → %j', (text, shown) => {
    expect(terminalSafe(text)).toBe(shown);
  });

  it('keeps JSON valid and equal to what it was', () => {
    const value = { title: `a${RETITLE}${C1_AND_CR}\\u001b` };
    expect(JSON.parse(terminalSafe(JSON.stringify(value)))).toEqual(value);
  });
});

describe('every command prints project text safely', () => {
  it('shows the escape sequences of titles, names, claimants and sources instead of sending them', async () => {
    const { path, title } = await hostileProject();
    const outputs = [
      await cli('claim', 'add', path, '--doc', title, '--quote', 'unemployment fell', '--claimant', `The minister${RETITLE}`),
      await cli('source', 'add', path, '--title', `Statistics office${CLEAR}`, '--url', 'https://stats.example/jobs'),
      await cli('claims', path),
      await cli('info', path),
      await cli('claim', 'add', path, '--doc', `Nothing${CLEAR}`, '--quote', 'x'),
    ];
    for (const { stdout, stderr } of outputs) {
      expect(stdout).not.toMatch(RAW_CONTROL);
      expect(stderr).not.toMatch(RAW_CONTROL);
    }
    const [added, source, claims, info, refused] = outputs;
    expect(added!.stdout).toContain('to “Speech\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H”');
    expect(source!.stdout).toContain('“Statistics office\\u001b[2J\\u001b[H”');
    expect(claims!.stdout).toMatch(/^C1 {4}Speech\\u001b\]0;pwned\\u0007\\u001b\[2J\\u001b\[H {2}\[new, No verdict yet\] The minister\\u001b\]0;pwned\\u0007: “unemployment fell”\n$/);
    expect(info!.stdout).toContain('Name:            Desk\\u009b31m\\u007f\\u000d2026\n');
    expect(refused!.stderr).toContain('Nothing\\u001b[2J\\u001b[H');
  });

  it('prints imported titles and file names safely', async () => {
    const { path } = await hostileProject();
    const file = join(work, `page${RETITLE}.html`);
    await writeFile(file, '<!doctype html><p>Text of the page.</p>');
    const result = await cli('import', path, file, join(work, `missing${CLEAR}.txt`));
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    expect(result.stdout).toContain(`imported ${join(work, 'page\\u001b]0;pwned\\u0007.html')} as "page\\u001b]0;pwned\\u0007"`);
    expect(result.stdout).toContain(`refused  ${join(work, 'missing\\u001b[2J\\u001b[H.txt')}: `);
  });

  it('keeps --json output exact: it parses back to the titles as stored', async () => {
    const { path, title } = await hostileProject();
    await cli('claim', 'add', path, '--doc', title, '--quote', 'unemployment fell', '--claimant', `The minister${C1_AND_CR}`);
    const { stdout } = await cli('claims', path, '--json');
    expect(stdout).toContain('\\u009b31m\\u007f\\r');
    expect(stdout).not.toMatch(RAW_CONTROL);
    const { claims } = JSON.parse(stdout) as { claims: { documentTitle: string; claim: { claimant: string } }[] };
    expect(claims).toMatchObject([{ documentTitle: title, claim: { claimant: `The minister${C1_AND_CR}` } }]);
    const info = JSON.parse((await cli('info', path, '--json')).stdout) as { name: string };
    expect(info.name).toBe(`Desk${C1_AND_CR}2026`);
  });

  it('does the same through the real entry point, in a child process', async () => {
    const { path } = await hostileProject();
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'main/cli/factmark.ts', 'info', path], { cwd: ROOT });
    expect(stdout).not.toMatch(RAW_CONTROL);
    expect(stdout).toContain('  Speech\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[H\n');
  });
});
