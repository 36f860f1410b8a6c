/**
 * The programs the test command needs beside Node: a Chromium for the end-to-end tests and the
 * benchmarks; pandoc, which reads the exported Markdown report in the unit tests; and poppler's
 * pdftotext, which reads the PDF report's text layer as most PDF tools do. Where each is
 * found, and how to install it where it is not, on this machine. Pure lookups over an injected
 * {@link Machine}, so the tests can try them with a stand-in PATH; ./ensure-test-tools.ts acts on them.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';

/** What the lookups may ask of the machine. */
export interface Machine {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  /** True for a file this process may run. */
  isExecutable(path: string): boolean;
  /** Where Playwright's own Chromium is (or would be) installed. */
  playwrightChromium(): string | null;
  /** How this process may install system packages: as root, with sudo that asks no password, or not at all. */
  systemInstaller(): 'root' | 'sudo' | null;
}

/** A program to look for, and the names and places it goes by. */
export type TestTool = 'chromium' | 'pandoc' | 'pdftotext';

/** The Debian and Homebrew packages each tool comes in. */
const PACKAGES: Record<TestTool, { debian: string; brew: string | null }> = {
  chromium: { debian: 'chromium', brew: null },
  pandoc: { debian: 'pandoc', brew: 'pandoc' },
  pdftotext: { debian: 'poppler-utils', brew: 'poppler' },
};

/** One way to install a missing tool: the command, and what it does in a sentence. */
export interface InstallStep {
  command: string;
  args: string[];
  says: string;
}

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

/** The first executable called one of `names` on the machine's PATH. */
export function findOnPath(names: readonly string[], machine: Machine): string | null {
  const folders = (machine.env.PATH ?? '').split(delimiter).filter((folder) => folder !== '');
  const suffixes = machine.platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const folder of folders) {
    for (const name of names) {
      for (const suffix of suffixes) {
        const candidate = join(folder, name + suffix);
        if (machine.isExecutable(candidate)) return candidate;
      }
    }
  }
  return null;
}

/**
 * The Chromium the browser tests launch: `FACTMARK_CHROMIUM` when set (and then only it, so a
 * wrong setting is an error rather than silently another browser), else the system's on PATH,
 * else Playwright's own. Null when there is none.
 */
export function findChromium(machine: Machine): string | null {
  const chosen = machine.env.FACTMARK_CHROMIUM;
  if (chosen !== undefined && chosen !== '') return machine.isExecutable(chosen) ? chosen : null;
  const own = machine.playwrightChromium();
  return findOnPath(CHROMIUM_NAMES, machine) ?? (own !== null && machine.isExecutable(own) ? own : null);
}

/** A program on PATH by its own name; null when there is none. */
function findProgram(tool: Exclude<TestTool, 'chromium'>, machine: Machine): string | null {
  return findOnPath([tool], machine);
}

/** Where `tool` is on the machine; null when it is missing. */
export function findTestTool(tool: TestTool, machine: Machine): string | null {
  return tool === 'chromium' ? findChromium(machine) : findProgram(tool, machine);
}

/**
 * How to install `tool` here, in the order to try: Debian's package where apt-get exists and may
 * run, then the tool's own way (Playwright's Chromium download; Homebrew's pandoc on macOS).
 * Empty when nothing here can install it: {@link fixCommand} says what the user must do.
 */
export function installSteps(tool: TestTool, machine: Machine): InstallStep[] {
  const steps: InstallStep[] = [];
  const aptGet = findOnPath(['apt-get'], machine);
  const installer = machine.systemInstaller();
  if (aptGet !== null && installer !== null) {
    const apt = (args: string[], says: string): InstallStep => (installer === 'root' ? { command: aptGet, args, says } : { command: 'sudo', args: ['-n', aptGet, ...args], says });
    steps.push(apt(['update', '-qq'], 'updating the Debian package lists'));
    const name = PACKAGES[tool].debian;
    steps.push(apt(['install', '-y', '-qq', '--no-install-recommends', name], `installing Debian's ${name} with apt-get`));
  }
  if (tool === 'chromium') steps.push({ command: 'npx', args: ['playwright', 'install', 'chromium'], says: "downloading Playwright's own Chromium" });
  const brew = PACKAGES[tool].brew;
  if (brew !== null && findOnPath(['brew'], machine) !== null) steps.push({ command: 'brew', args: ['install', brew], says: `installing ${brew} with Homebrew` });
  return steps;
}

/** The one command that fixes a missing tool, for the message when installing it failed. */
export function fixCommand(tool: TestTool, machine: Machine): string {
  if (tool === 'chromium') {
    return machine.platform === 'linux' ? 'sudo apt-get install chromium (or: npx playwright install --with-deps chromium), or set FACTMARK_CHROMIUM to a Chromium' : 'npx playwright install chromium, or set FACTMARK_CHROMIUM to a Chromium';
  }
  const { debian, brew } = PACKAGES[tool];
  if (machine.platform === 'darwin') return `brew install ${brew}`;
  if (machine.platform === 'win32') return tool === 'pandoc' ? 'winget install --id JohnMacFarlane.Pandoc' : 'install poppler (for example: choco install poppler) and put its bin folder on PATH';
  return `sudo apt-get install ${debian}${tool === 'pandoc' ? ' (or see https://pandoc.org/installing.html)' : ''}`;
}

/** This machine, as the lookups see it. */
export function thisMachine(env: NodeJS.ProcessEnv = process.env): Machine {
  return {
    env,
    platform: process.platform,
    isExecutable: (path) => {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    playwrightChromium,
    systemInstaller: () => (process.getuid?.() === 0 ? 'root' : spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', env }).status === 0 ? 'sudo' : null),
  };
}

/** Playwright's own Chromium, where its registry puts it; null when Playwright is not installed. */
function playwrightChromium(): string | null {
  try {
    // playwright-core is a dependency of @playwright/test; its registry knows the download's path.
    const path = (createRequire(import.meta.url)('playwright-core') as { chromium: { executablePath(): string } }).chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** Where `tool` is, for a test that needs it; throws the message that says how to get it when it is missing. */
export function requireTestTool(tool: TestTool, machine: Machine = thisMachine()): string {
  const path = findTestTool(tool, machine);
  if (path === null) throw new Error(`${tool} is missing: run \`npm run test:tools\`, which installs it where it can (or: ${fixCommand(tool, machine)}).`);
  return path;
}
