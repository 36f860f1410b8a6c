/**
 * What the command line says when a write failed. The store's write errors end with what the app
 * can promise (file-errors.ts `KEPT_IN_MEMORY`): the changes stay in memory, to be saved once the
 * cause is fixed. A command exits after the failure, so what it had not written is gone with it,
 * while what it wrote before stays (a command may save as it goes: `import` saves each document it
 * imports). This says so instead, with what to fix first.
 */
import { KEPT_IN_MEMORY } from '../services/store/file-errors.js';

type WriteFailure = keyof typeof KEPT_IN_MEMORY;

/** What to fix before running the command again, by the kind of failure. */
const FIX_FIRST: Record<WriteFailure, string> = {
  READ_ONLY: "Fix the folder's permissions, or work on a copy of the project in a folder you can write to.",
  DISK_FULL: 'Free some space.',
  IO_ERROR: '',
};

/** What is true of a command's changes once it has exited after a failed write. */
export const COMMAND_STOPPED = 'The command stopped there, and what it had not written yet is lost: check what it wrote before running it again.';

/** The app's sentences, longest first: the I/O error's sentence is how the full disk's begins. */
const APP_SENTENCES = (Object.keys(KEPT_IN_MEMORY) as WriteFailure[]).sort((a, b) => KEPT_IN_MEMORY[b].length - KEPT_IN_MEMORY[a].length);

/** `message` without the app's sentence about changes kept in memory, and the kind of write failure that sentence ended (null when it has none). */
export function withoutKeptInMemory(message: string): { text: string; failure: WriteFailure | null } {
  for (const failure of APP_SENTENCES) {
    const sentence = ` ${KEPT_IN_MEMORY[failure]}`;
    const at = message.indexOf(sentence);
    if (at >= 0) return { text: `${message.slice(0, at)}${message.slice(at + sentence.length)}`, failure };
  }
  return { text: message, failure: null };
}

/** `message` with the app's promise about unsaved changes replaced by what is true for a command that has exited. */
export function forExitingCommand(message: string): string {
  const { text, failure } = withoutKeptInMemory(message);
  return failure === null ? message : [text, FIX_FIRST[failure], COMMAND_STOPPED].filter((part) => part !== '').join(' ');
}
