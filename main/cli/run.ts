/**
 * Running the `factmark` command line: help, version, or a command. Failures print one line,
 * `factmark: <message>`, on stderr and never a stack trace; a failed write says what is true once
 * the command has exited (./exit-message.ts). Exit codes: 0 success, 1 the command
 * failed, 2 the command line was wrong.
 */
import { FactmarkError } from '../../shared/result.js';
import { version } from '../../package.json';
import { parseCliArgs } from './args.js';
import type { CliIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { forExitingCommand } from './exit-message.js';
import { terminalSafeIo } from './terminal-text.js';

/** The widest usage that still shares its line with its summary in the overview. */
const MAX_USAGE_COLUMN = 64;

/** The help text, for all commands or one, made from the command table. */
export function helpText(commandName?: string): string {
  const command = commandName === undefined ? undefined : COMMANDS[commandName];
  if (command) return `Usage: factmark ${commandName} ${command.usage}\n\n${command.summary}\n`;
  const rows: [string, string][] = [
    ...Object.entries(COMMANDS).map(([name, c]): [string, string] => [`factmark ${name} ${c.usage}`, c.summary]),
    ['factmark --help', 'Show this help (also after a command: factmark new --help).'],
    ['factmark --version', 'Print the version.'],
  ];
  // A usage too long for the column gets a line of its own, with its summary under it.
  const width = Math.max(...rows.map(([usage]) => usage.length).filter((length) => length <= MAX_USAGE_COLUMN)) + 3;
  return [
    'factmark: Factmark projects from the command line.',
    '',
    'Usage:',
    ...rows.map(([usage, summary]) => (usage.length + 3 > width ? `  ${usage}
  ${' '.repeat(width)}${summary}` : `  ${usage.padEnd(width)}${summary}`)),
    '',
    'Exit status: 0 on success, 1 when the command failed, 2 when the command line was wrong.',
    '',
  ].join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Runs the command line `argv`; resolves to the exit code and never rejects. Everything printed,
 * by the commands and here, passes through {@link terminalSafeIo}.
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  const io = terminalSafeIo(given);
  const request = parseCliArgs(argv);
  switch (request.kind) {
    case 'help':
      io.out(helpText(request.command));
      return 0;
    case 'version':
      io.out(`factmark ${version}\n`);
      return 0;
    case 'usageError':
      io.err(`factmark: ${request.message} (see "factmark --help")\n`);
      return 2;
    case 'run':
      try {
        await COMMANDS[request.command]!.run(request.input, io);
        return 0;
      } catch (error) {
        const message = error instanceof FactmarkError ? forExitingCommand(error.message) : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
        io.err(`factmark: ${oneLine(message)}\n`);
        return 1;
      }
  }
}
