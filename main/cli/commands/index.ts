/** Every `factmark` subcommand by name: adding a command is one entry here (plus its file). */
import type { Command } from '../command.js';
import { importCommand } from './import.js';
import { infoCommand } from './info.js';
import { newCommand } from './new.js';

export const COMMANDS: Readonly<Record<string, Command>> = {
  new: newCommand,
  info: infoCommand,
  import: importCommand,
};
