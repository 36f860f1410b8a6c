/**
 * Remembers where the main window was: its normal (unmaximised) bounds and whether it was
 * maximised, in a small JSON file of the user's data folder. The window never depends on it:
 * a missing or damaged file means "open at the default place".
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Rect } from './fit-bounds.js';

/** The window's remembered placement. */
export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

/** Loads and saves the window's placement. */
export interface WindowStateStore {
  /** The saved placement, or null when there is none or it cannot be read. */
  load(): Promise<WindowState | null>;
  /** Replaces the saved placement. */
  save(state: WindowState): Promise<void>;
}

/**
 * A {@link WindowStateStore} kept in the JSON file `file`. Writes go to a temporary file in the
 * same folder, are flushed to disk and then renamed over the old file, one at a time, so a crash
 * leaves the old placement or the new one, never half of one.
 */
export function createJsonWindowStateStore(file: string): WindowStateStore {
  let writes: Promise<void> = Promise.resolve();
  return {
    load: async () => {
      try {
        return parseWindowState(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        return null;
      }
    },
    save: (state) => {
      const write = writes.then(() => writeAtomically(file, JSON.stringify(state)));
      writes = write.catch(() => undefined);
      return write;
    },
  };
}

/** The {@link WindowState} in `value`, or null when it is not one. */
export function parseWindowState(value: unknown): WindowState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { bounds, maximized } = value as Record<string, unknown>;
  if (typeof maximized !== 'boolean' || typeof bounds !== 'object' || bounds === null) return null;
  const { x, y, width, height } = bounds as Record<string, unknown>;
  const numbers = [x, y, width, height];
  if (!numbers.every((n) => typeof n === 'number' && Number.isFinite(n))) return null;
  return { bounds: { x: x as number, y: y as number, width: width as number, height: height as number }, maximized };
}

/**
 * Writes `text` to `file` by way of a flushed temporary file and a rename. (The folder itself is
 * not fsynced: a lost rename costs a window position, never the user's work.)
 */
async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    const handle = await open(temporary, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
