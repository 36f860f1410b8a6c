/**
 * How a command opens a project. A command that changes it ({@link withProject}) waits its turn
 * for the project's lock (a bounded time: another Factmark may be saving, or one that stopped may
 * still hold it until it goes stale), does the work and saves; it either commits all of it and
 * succeeds, or commits nothing more and fails with the store's message — a failed command never
 * leaves changes behind to be written later. A command that only reads ({@link readingProject})
 * takes no lock and writes nothing, so it works while the app has the project open, and on a
 * read-only folder.
 */
import { resolve } from 'node:path';
import { FactmarkError } from '../../shared/result.js';
import { ProjectStore } from '../services/store/project-store.js';
import type { CliIo } from './command.js';

/**
 * How long a command waits for a project another Factmark holds: longer than a few other
 * commands take in turn, and than the lock of one that stopped takes to go stale (10 s).
 */
export const LOCK_WAIT_MS = 15_000;

/** Runs `work` on the project at `path` (relative to the command's folder) and saves; resolves to what `work` returned. */
export async function withProject<T>(path: string, io: CliIo, work: (store: ProjectStore) => Promise<T>): Promise<{ store: ProjectStore; result: T }> {
  const store = await ProjectStore.open(resolve(io.cwd, path), {}, LOCK_WAIT_MS);
  let result: T;
  try {
    result = await work(store);
    const status = await store.saveNow();
    if (status.error) throw new FactmarkError(status.error.code as FactmarkError['code'], status.error.message);
  } catch (error) {
    await store.closeWithoutSaving();
    throw error;
  }
  await store.close();
  return { store, result };
}

/** Runs `work` on the project at `path` opened read-only (no lock, nothing written); resolves to what `work` returned. */
export async function readingProject<T>(path: string, io: CliIo, work: (store: ProjectStore) => Promise<T>): Promise<{ store: ProjectStore; result: T }> {
  const store = await ProjectStore.openReadOnly(resolve(io.cwd, path));
  try {
    return { store, result: await work(store) };
  } finally {
    await store.close();
  }
}

/** The text of a string option, or undefined when it was not given. */
export function stringOption(value: string | boolean | string[] | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
