/** `factmark new <path> [--name NAME]`: creates a project and prints its folder. */
import { basename, resolve } from 'node:path';
import { ProjectStore } from '../../services/store/project-store.js';
import { PROJECT_EXTENSION } from '../../services/store/load.js';
import type { Command } from '../command.js';

export const newCommand: Command = {
  summary: 'Create a project folder (".factmark" is added when missing) and print its path. The name defaults to the folder name.',
  usage: '<path> [--name NAME]',
  positionals: ['path'],
  options: { name: { type: 'string' } },
  async run({ positionals: [path = ''], options }, io) {
    const target = resolve(io.cwd, path);
    const name = typeof options.name === 'string' ? options.name : basename(target, PROJECT_EXTENSION);
    const store = await ProjectStore.create(target, name);
    await store.close();
    io.out(`${store.path}\n`);
  },
};
