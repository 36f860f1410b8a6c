/** Parsing the `factmark` command line into what to do, without doing it (a pure function, tested by table). */
import { parseArgs } from 'node:util';
import type { Command, CommandInput } from './command.js';
import { COMMANDS } from './commands/index.js';

/** What the command line asks for. */
export type CliRequest =
  | { kind: 'help'; command?: string }
  | { kind: 'version' }
  | { kind: 'run'; command: string; input: CommandInput }
  | { kind: 'usageError'; message: string };

const usageError = (message: string): CliRequest => ({ kind: 'usageError', message });

/** Parses `argv` (without `node` and the script) against the command table. */
export function parseCliArgs(argv: readonly string[], commands: Readonly<Record<string, Command>> = COMMANDS): CliRequest {
  const [name, ...rest] = argv;
  if (name === undefined) return usageError('no command given');
  if (name === '--help' || name === '-h') return { kind: 'help' };
  if (name === '--version' || name === '-v') return { kind: 'version' };
  if (name.startsWith('-')) return usageError(`unknown option ${name}`);
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) return usageError(`unknown command "${name}"`);

  let parsed;
  try {
    parsed = parseArgs({ args: [...rest], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run on with advice about "--"; the first sentence says what is wrong.
    return usageError((error instanceof Error ? error.message : String(error)).split('. ')[0]!);
  }
  const { help, ...options } = parsed.values;
  if (help === true) return { kind: 'help', command: name };
  const expected = command.positionals.map((p) => `<${p}>`).join(' ') + (command.variadic ? '…' : '');
  const count = parsed.positionals.length;
  if (command.variadic ? count < command.positionals.length : count !== command.positionals.length) {
    return usageError(`"${name}" takes ${expected}, but was given ${parsed.positionals.length} argument${parsed.positionals.length === 1 ? '' : 's'}`);
  }
  return { kind: 'run', command: name, input: { positionals: parsed.positionals, options: options as CommandInput['options'] } };
}
