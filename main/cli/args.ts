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
  // A command of two words (`claims import`) is taken before the one-word command it starts with.
  const twoWords = rest[0] === undefined ? undefined : `${name} ${rest[0]}`;
  const commandName = twoWords !== undefined && Object.hasOwn(commands, twoWords) ? twoWords : name;
  const args = commandName === name ? rest : rest.slice(1);
  const command = Object.hasOwn(commands, commandName) ? commands[commandName] : undefined;
  if (!command) {
    const family = Object.keys(commands).filter((n) => n.startsWith(`${name} `));
    return usageError(family.length > 0 ? `"${name}" is followed by ${family.map((n) => n.slice(name.length + 1)).join(' or ')}` : `unknown command "${name}"`);
  }

  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run on with advice about "--"; the first sentence says what is wrong.
    return usageError((error instanceof Error ? error.message : String(error)).split('. ')[0]!);
  }
  const { help, ...options } = parsed.values;
  if (help === true) return { kind: 'help', command: commandName };
  const expected = command.positionals.map((p) => `<${p}>`).join(' ') + (command.variadic ? '…' : '');
  const count = parsed.positionals.length;
  if (command.variadic ? count < command.positionals.length : count !== command.positionals.length) {
    return usageError(`"${commandName}" takes ${expected}, but was given ${parsed.positionals.length} argument${parsed.positionals.length === 1 ? '' : 's'}`);
  }
  const given = options as CommandInput['options'];
  const missing = (command.required ?? []).find((option) => {
    const value = given[option];
    return typeof value !== 'string' || value.trim() === '';
  });
  if (missing !== undefined) return usageError(`"${commandName}" needs --${missing}`);
  return { kind: 'run', command: commandName, input: { positionals: parsed.positionals, options: given } };
}
