/** Every `factmark` subcommand by name: adding a command is one entry here (plus its file). */
import type { Command } from '../command.js';
import { claimAddCommand } from './claim-add.js';
import { claimsCommand, claimsImportCommand } from './claims.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { infoCommand } from './info.js';
import { newCommand } from './new.js';
import { sourceAddCommand } from './source-add.js';

export const COMMANDS: Readonly<Record<string, Command>> = {
  new: newCommand,
  info: infoCommand,
  import: importCommand,
  'claim add': claimAddCommand,
  claims: claimsCommand,
  'claims import': claimsImportCommand,
  'source add': sourceAddCommand,
  export: exportCommand,
};
