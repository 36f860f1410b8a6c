/**
 * Undoing a project folder whose creation failed part-way (a full disk, a folder that turned
 * read-only): the folders it made go, so no half-made project is left behind to puzzle over or
 * to refuse the next attempt. Only empty folders are removed, never a file: nothing anyone wrote
 * there can be lost, even should another program have written in it meanwhile.
 */
import { readdir, rmdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes the empty folders inside `folder`, then `folder` itself unless `keepFolder` (it was
 * there, empty, before the creation). Resolves to true when nothing of the attempt is left.
 */
export async function removeUnfinishedProject(folder: string, keepFolder: boolean): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => null);
  if (entries === null) return true;
  await Promise.all(entries.filter((entry) => entry.isDirectory()).map((entry) => rmdir(join(folder, entry.name)).catch(() => undefined)));
  if (keepFolder) return (await readdir(folder).catch(() => [])).length === 0;
  return rmdir(folder).then(
    () => true,
    () => false,
  );
}
