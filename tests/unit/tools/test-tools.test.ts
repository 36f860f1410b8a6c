/**
 * The test command's first step on a fresh machine (tests/tools): finding Chromium and pandoc, and
 * installing them where they are missing — run for real, as `npm test` runs it, with a stand-in PATH
 * whose apt-get "installs" by writing the program, and with a PATH on which nothing can install.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium, findOnPath, installSteps, thisMachine } from '../../tools/test-tools.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const ENSURE = join(ROOT, 'tests/tools/ensure-test-tools.ts');

/** An executable shell script at `path`. */
function script(path: string, body: string): void {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

/** A folder to stand in for PATH, and an empty one for Playwright's browsers (so its own Chromium is not found). */
function standIn(): { bin: string; browsers: string; log: string } {
  const root = mkdtempSync(join(tmpdir(), 'factmark-tools-'));
  const bin = join(root, 'bin');
  const browsers = join(root, 'browsers');
  mkdirSync(bin);
  mkdirSync(browsers);
  return { bin, browsers, log: join(root, 'apt-get.log') };
}

function runEnsure(env: NodeJS.ProcessEnv) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', ENSURE], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('finding the test tools', () => {
  it('finds an executable on PATH, not a plain file of the same name', () => {
    const { bin } = standIn();
    writeFileSync(join(bin, 'pandoc'), 'not a program');
    script(join(bin, 'chromium-browser'), 'exit 0');
    const machine = { ...thisMachine({ PATH: bin }), playwrightChromium: () => null };
    expect(findOnPath(['pandoc'], machine)).toBeNull();
    expect(findChromium(machine)).toBe(join(bin, 'chromium-browser'));
  });

  it('takes FACTMARK_CHROMIUM as the only choice when set, so a wrong setting is not silently another browser', () => {
    const { bin } = standIn();
    script(join(bin, 'chromium'), 'exit 0');
    const machine = { ...thisMachine({ PATH: bin, FACTMARK_CHROMIUM: join(bin, 'nothing-here') }), playwrightChromium: () => null };
    expect(findChromium(machine)).toBeNull();
  });

  it("plans Debian's package first where apt-get may run, then Playwright's own Chromium", () => {
    const { bin } = standIn();
    script(join(bin, 'apt-get'), 'exit 0');
    const asRoot = { ...thisMachine({ PATH: bin }), systemInstaller: () => 'root' as const };
    expect(installSteps('chromium', asRoot).map((step) => [step.command, ...step.args].join(' '))).toEqual([
      `${join(bin, 'apt-get')} update -qq`,
      `${join(bin, 'apt-get')} install -y -qq --no-install-recommends chromium`,
      'npx playwright install chromium',
    ]);
    const asUser = { ...asRoot, systemInstaller: () => null };
    expect(installSteps('pandoc', asUser)).toEqual([]);
  });
});

describe('npm run test:tools on a fresh machine', () => {
  it("installs what is missing with apt-get, saying so, and then finds it", () => {
    const { bin, browsers, log } = standIn();
    // apt-get "installs" a package by writing its program (poppler-utils: pdftotext) into the stand-in PATH; sudo runs what it is given.
    script(join(bin, 'apt-get'), `echo "$@" >> ${log}\nif [ "$1" = install ]; then for last; do :; done; [ "$last" = poppler-utils ] && last=pdftotext; printf '#!/bin/sh\\n' > ${bin}/$last; /bin/chmod +x ${bin}/$last; fi`);
    script(join(bin, 'sudo'), '[ "$1" = -n ] && shift; [ "$1" = true ] && exit 0; exec "$@"');
    const { status, output } = runEnsure({ PATH: bin, PLAYWRIGHT_BROWSERS_PATH: browsers, HOME: browsers });
    expect(output).toContain("installing Debian's chromium with apt-get");
    expect(output).toContain("installing Debian's pandoc with apt-get");
    expect(output).toContain(`chromium is ${join(bin, 'chromium')}`);
    expect(output).toContain(`pandoc is ${join(bin, 'pandoc')}`);
    expect(output).toContain("installing Debian's poppler-utils with apt-get");
    expect(status).toBe(0);
    // The package lists are updated once, not once a tool.
    expect(readFileSync(log, 'utf8').split('\n').filter((line) => line !== '')).toEqual([
      'update -qq',
      'install -y -qq --no-install-recommends chromium',
      'install -y -qq --no-install-recommends pandoc',
      'install -y -qq --no-install-recommends poppler-utils',
    ]);
  });

  it('fails, with the one command that fixes it, where nothing can install a tool', () => {
    const { bin, browsers } = standIn();
    const { status, output } = runEnsure({ PATH: bin, PLAYWRIGHT_BROWSERS_PATH: browsers, HOME: browsers });
    expect(status).toBe(1);
    expect(output).toContain('chromium is missing and could not be installed here. Run: sudo apt-get install chromium');
    expect(output).toContain('pandoc is missing and could not be installed here. Run: sudo apt-get install pandoc');
    expect(output).toContain('pdftotext is missing and could not be installed here. Run: sudo apt-get install poppler-utils');
  });
});
