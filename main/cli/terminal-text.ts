/**
 * What the `factmark` command prints, made safe for a terminal. Titles, claimants, quotes and file
 * names come from project files and imported documents, which are untrusted: `ESC ] 0 ; … BEL` in a
 * title would retitle the terminal, `ESC [ 2 J` clear it, a carriage return overwrite the start of
 * a line, and C1 controls (U+009B is CSI on its own) act in terminals that read them.
 *
 * Decisions:
 * - every C0 control but line feed and tab, DEL and every C1 control is written as its escape
 *   (`\u001b`), so the sequence shows, inert, where it stands in the text;
 * - line feed and tab pass: they are how a command lays out its lines and columns, and they move
 *   the cursor only onwards, so they can neither hide nor overwrite what is already printed;
 * - JSON output stays valid and means the same: the controls it may hold raw (DEL, C1) stand only
 *   inside its strings, where `\u009b` is the same character written as an escape.
 */
import type { CliIo } from './command.js';

/** The characters a terminal may act on, as a pattern over the whole text. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every terminal control character written as its `\uXXXX` escape. */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `io` with everything written to it through {@link terminalSafe}: what the commands are given to print with. */
export function terminalSafeIo(io: CliIo): CliIo {
  return { out: (text) => io.out(terminalSafe(text)), err: (text) => io.err(terminalSafe(text)), cwd: io.cwd };
}
