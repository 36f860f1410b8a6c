/**
 * How a command changes a project: open it (the store's lock refuses a project open in the app,
 * with its message), do the work, write everything, and release it, whatever happened. A write that
 * failed fails the command with the store's message.
 */
import { resolve } from 'node:path';
import { FactmarkError } from '../../shared/result.js';
import { ProjectStore } from '../services/store/project-store.js';
import type { CliIo } from './command.js';

/** Runs `work` on the project at `path` (relative to the command's folder) and saves; resolves to what `work` returned. */
export async function withProject<T>(path: string, io: CliIo, work: (store: ProjectStore) => Promise<T>): Promise<{ store: ProjectStore; result: T }> {
  const store = await ProjectStore.open(resolve(io.cwd, path));
  try {
    const result = await work(store);
    const status = await store.saveNow();
    if (status.error) throw new FactmarkError(status.error.code as FactmarkError['code'], status.error.message);
    return { store, result };
  } finally {
    await store.close();
  }
}

/** The text of a string option, or undefined when it was not given. */
export function stringOption(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
