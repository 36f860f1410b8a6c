/**
 * Reading a project without its lock (`factmark info`, `claims`, `export`, and a project another
 * Factmark holds open): nothing is written — no migration, no copy of a damaged file, no lock —
 * so it works on a read-only folder too, and what it reads is one committed state even while a
 * writer saves: a commit not yet in place is read from its staged files (./commit-journal.ts),
 * and a read that a commit came in the middle of is done again.
 */
import { join } from 'node:path';
import type { StoredProject } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { committedVersions, journalText } from './commit-journal.js';
import { readFileFingerprint } from './fingerprint.js';
import { documentPathOf, loadDocument, loadProject, locateProject, PROJECT_FILE, type LoadedDocument, type LoadedFile, type LoadOptions } from './load.js';

/** How many times a read is tried while writers keep committing, and the pause between tries. */
const ATTEMPTS = 20;
const PAUSE_MS = 50;

/** A project as one committed state: `project.json` and every document it lists, validated. */
export interface ProjectSnapshot {
  /** The project folder: absolute and normalised. */
  folder: string;
  project: LoadedFile<StoredProject>;
  /** Every listed document, by id. */
  documents: Map<string, LoadedDocument>;
}

/**
 * Reads the project `path` names (its folder or a file inside it) and all its documents as one
 * committed state. A file that cannot be read fails it as it would an open; a project that keeps
 * changing for a second is `IO_ERROR` ("try again").
 */
export async function readProjectSnapshot(path: string, options: LoadOptions = {}): Promise<ProjectSnapshot> {
  const folder = await locateProject(path);
  const reading = { ...options, readOnly: true };
  for (let attempt = 1; ; attempt++) {
    const before = await commitState(folder);
    try {
      const snapshot = await readOnce(folder, reading);
      if ((await commitState(folder)) === before) return snapshot;
    } catch (error) {
      // A failure because a commit came in between (a document deleted meanwhile) is tried again.
      if ((await commitState(folder)) === before || attempt >= ATTEMPTS) throw error;
    }
    if (attempt >= ATTEMPTS) {
      throw new FactmarkError('IO_ERROR', `${folder} kept changing while Factmark read it (another Factmark is saving it over and over). Try again in a moment.`, { path: folder });
    }
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

/** One read of every file, through the commit not yet in place if there is one. */
async function readOnce(folder: string, options: LoadOptions): Promise<ProjectSnapshot> {
  const versions = await committedVersions(folder);
  const project = await loadProject(folder, options, versions.get(join(folder, PROJECT_FILE)));
  const documents = new Map<string, LoadedDocument>();
  for (const { id } of project.data.documents) documents.set(id, await loadDocument(folder, id, options, versions.get(documentPathOf(folder, id))));
  return { folder, project, documents };
}

/** What changes with every commit of more than one file (the journal) and with every commit of the project file. */
async function commitState(folder: string): Promise<string> {
  const journal = await journalText(folder);
  const project = await readFileFingerprint(join(folder, PROJECT_FILE));
  return JSON.stringify([journal, project?.sha256 ?? null]);
}
