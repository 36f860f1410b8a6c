/**
 * The first step of `npm test`: makes sure Chromium, pandoc and pdftotext are here (./test-tools.ts), so the
 * README's two commands pass on a fresh machine by themselves. For each missing tool it says what it
 * does and installs it (Debian's package where apt-get may run, else the tool's own way); when it
 * truly cannot, it fails with the one command that fixes it — no test is skipped for want of a tool.
 * Usage: tsx tests/tools/ensure-test-tools.ts
 */
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { findTestTool, fixCommand, installSteps, thisMachine, type Machine, type TestTool } from './test-tools.js';

const TOOLS: readonly TestTool[] = ['chromium', 'pandoc', 'pdftotext'];

/** What a run found: each tool's path, or the message that says how to get it. */
export interface EnsureOutcome {
  found: Partial<Record<TestTool, string>>;
  missing: { tool: TestTool; message: string }[];
}

/** Finds each tool, installing the missing ones by {@link installSteps}; `say` reports each step. */
export function ensureTestTools(machine: Machine, say: (line: string) => void, run = (command: string, args: string[]) => runVisibly(command, args, machine.env)): EnsureOutcome {
  const outcome: EnsureOutcome = { found: {}, missing: [] };
  const done = new Set<string>(); // a step already run (apt-get update) is not run again for the next tool
  for (const tool of TOOLS) {
    let path = findTestTool(tool, machine);
    if (path === null) {
      say(`test tools: ${tool} is not installed; installing it.`);
      for (const step of installSteps(tool, machine)) {
        const line = [step.command, ...step.args].join(' ');
        if (done.has(line)) continue;
        say(`test tools: ${step.says} (${line})`);
        if (!run(step.command, step.args)) {
          say(`test tools: that did not work.`);
          continue;
        }
        done.add(line);
        path = findTestTool(tool, machine);
        if (path !== null) break;
      }
    }
    if (path === null) outcome.missing.push({ tool, message: `${tool} is missing and could not be installed here. Run: ${fixCommand(tool, machine)}` });
    else outcome.found[tool] = path;
  }
  return outcome;
}

/** Runs a step with its output shown, as the machine's environment has it; true when it succeeded. */
function runVisibly(command: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outcome = ensureTestTools(thisMachine(), (line) => console.log(line));
  for (const [tool, path] of Object.entries(outcome.found)) console.log(`test tools: ${tool} is ${path}`);
  for (const { message } of outcome.missing) console.error(`test tools: ${message}`);
  process.exitCode = outcome.missing.length === 0 ? 0 : 1;
}
