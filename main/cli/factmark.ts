/** The `factmark` command (built to dist/cli/factmark.cjs): runs the command line and sets the exit code. */
import { runCli } from './run.js';

void runCli(process.argv.slice(2), {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
}).then((code) => {
  process.exitCode = code;
});
