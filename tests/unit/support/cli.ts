/** Runs the `factmark` command line in-process, in a folder, and captures what it prints. */
import { runCli } from '../../../main/cli/run.js';

export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCapturing(cwd: string, argv: string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { out: (t) => void (stdout += t), err: (t) => void (stderr += t), cwd });
  return { code, stdout, stderr };
}
