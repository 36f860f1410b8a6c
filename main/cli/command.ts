/** What a `factmark` subcommand declares: its arguments (for parsing and help) and what it does. */
import type { ParseArgsConfig } from 'node:util';

/** Where a command writes and which folder relative paths start from. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** A command's parsed arguments. */
export interface CommandInput {
  /** The positional arguments, as many as the command names. */
  positionals: string[];
  /** Option values by long name (absent options are undefined; options given `multiple: true` are lists). */
  options: Record<string, string | boolean | string[] | undefined>;
}

export interface Command {
  /** One sentence for the help: what the command does. */
  summary: string;
  /** The arguments as the help shows them, e.g. `<path> [--name NAME]`. */
  usage: string;
  /** Names of the positional arguments, all required, in order. */
  positionals: readonly string[];
  /** True when the last positional may be given more than once (`<file…>`). */
  variadic?: boolean;
  /** Options in `node:util` parseArgs form. */
  options: NonNullable<ParseArgsConfig['options']>;
  /** Options the command cannot run without (a usage error when missing). */
  required?: readonly string[];
  /** Runs the command; throws a FactmarkError for a failure the user should read. */
  run(input: CommandInput, io: CliIo): Promise<void>;
}
