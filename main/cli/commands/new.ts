/**
 * `factmark new <path> [--name NAME]`: creates a project and prints its folder. A creation that
 * fails part-way (a full disk) leaves nothing behind: the folders it made are removed again.
 */
import { basename, dirname, resolve } from 'node:path';
import { readdir } from 'node:fs/promises';
import { FactmarkError } from '../../../shared/result.js';
import { ProjectStore } from '../../services/store/project-store.js';
import { errnoOf } from '../../services/store/file-errors.js';
import { PROJECT_EXTENSION } from '../../services/store/load.js';
import { removeUnfinishedProject } from '../../services/store/unfinished-project.js';
import type { Command } from '../command.js';
import { withoutKeptInMemory } from '../exit-message.js';

export const newCommand: Command = {
  summary: 'Create a project folder (".factmark" is added when missing) and print its path. The name defaults to the folder name.',
  usage: '<path> [--name NAME]',
  positionals: ['path'],
  options: { name: { type: 'string' } },
  async run({ positionals: [path = ''], options }, io) {
    const target = resolve(io.cwd, path);
    const folder = target.endsWith(PROJECT_EXTENSION) ? target : `${target}${PROJECT_EXTENSION}`;
    const name = typeof options.name === 'string' ? options.name : basename(target, PROJECT_EXTENSION);
    // What was there: nothing (null), an empty folder (the creation accepts it), or something the
    // creation refuses before writing (a folder with files, a file, an unreadable folder).
    const before = await readdir(folder).catch((error: unknown) => (errnoOf(error) === 'ENOENT' ? null : undefined));
    let store: ProjectStore;
    try {
      store = await ProjectStore.create(folder, name);
    } catch (error) {
      if (before === undefined || (before !== null && before.length > 0)) throw error;
      const nothingLeft = await removeUnfinishedProject(folder, before !== null);
      throw error instanceof FactmarkError ? notCreated(folder, error, nothingLeft) : error;
    }
    await store.close();
    io.out(`${store.path}\n`);
  },
};

/** The failure of creating `folder` when a write failed, saying why and whether anything was left behind; other failures as they were. */
function notCreated(folder: string, error: FactmarkError, nothingLeft: boolean): FactmarkError {
  const { text, failure } = withoutKeptInMemory(error.message);
  if (failure === null) return error;
  const left = nothingLeft ? 'Nothing of it was left behind.' : `Some of it could not be removed: see what ${folder} holds.`;
  const message =
    failure === 'DISK_FULL'
      ? `Factmark could not create the project ${folder}: the disk is full. ${left} Free some space, then run the command again.`
      : failure === 'READ_ONLY'
        ? `Factmark could not create the project ${folder}: ${dirname(error.path ?? folder)} cannot be written to. ${left}`
        : `Factmark could not create the project ${folder}. ${text} ${left}`;
  return new FactmarkError(error.code, message, { path: folder });
}
