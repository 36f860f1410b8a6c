/**
 * Finds the project a launch asks for in its command line: `factmark ~/Claims.factmark`, a double
 * click on a project (the OS passes its path), or a second launch handing its argv to the first.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of the first positional argument of `argv`, or null when there is none.
 * Skips the executable (`argv[0]`), every switch (`--inspect=0`, `--no-sandbox`, macOS's `-psn_…`)
 * and, when `isDefaultApp` (development: `electron .`), the app path that follows the executable.
 * Arguments after `--` count as positional even when they start with a dash. `file:` URLs (from
 * some Linux launchers) become paths; relative paths resolve against `cwd`.
 *
 * Any path is taken, not only names ending in `.factmark`: the user asked for it on purpose, and
 * the services answer a folder that is not a project with a message, which is better than a
 * launch that silently ignores the argument.
 */
export function projectPathFromArgv(argv: readonly string[], cwd: string, isDefaultApp: boolean): string | null {
  const positional: string[] = [];
  let switchesEnded = false;
  for (const arg of argv.slice(1)) {
    if (!switchesEnded && arg === '--') switchesEnded = true;
    else if (switchesEnded || !arg.startsWith('-')) positional.push(arg);
  }
  const candidate = positional[isDefaultApp ? 1 : 0];
  if (candidate === undefined || candidate === '' || candidate.includes('\0')) return null;
  if (candidate.startsWith('file:')) {
    try {
      return fileURLToPath(candidate);
    } catch {
      return null;
    }
  }
  return resolve(cwd, candidate);
}
