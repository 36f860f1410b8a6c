/**
 * A project's documents as the browser host stored them on disk: what end-to-end tests assert after
 * "All changes saved", so a promise is checked in the file and not only on the screen.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunningHost } from '../browser-host.js';

/** A stored annotation, as far as the tests read it. */
export interface StoredRecord {
  id: string;
  kind: string;
  shortId?: string;
  worthChecking?: string;
  status?: string;
  verdict?: { levelId: string | null; conclusion: string };
  corrections?: { reason: string }[];
}

/** A stored revision of the text, as far as the tests read it. */
export interface StoredRevision {
  reason: string;
  detail: string;
  changes: { start: number; end: number; before: string; after: string }[];
}

/** A document as stored, as far as the tests read it. */
interface StoredFile {
  content: { content: { content?: { text: string; marks?: { type: string; attrs?: { href?: string } }[] }[] }[] };
  annotations: StoredRecord[];
  revisions: StoredRevision[];
}

/** A stored document: its plain text, annotations, revisions, and the addresses its links hold. */
export interface Stored {
  text: string;
  annotations: StoredRecord[];
  revisions: StoredRevision[];
  hrefs: string[];
}

/** Every document of the project `name` (in the host's work folder), in no particular order. */
export async function storedDocuments(host: RunningHost, name: string): Promise<Stored[]> {
  const folder = join(host.workDir, `${name}.factmark`, 'documents');
  const files = (await readdir(folder)).filter((f) => /^[0-9a-f-]{36}\.json$/.test(f));
  return Promise.all(
    files.map(async (file) => {
      const doc = JSON.parse(await readFile(join(folder, file), 'utf8')) as StoredFile;
      const runs = doc.content.content.map((block) => block.content ?? []);
      return {
        text: runs.map((block) => block.map((t) => t.text).join('')).join('\n'),
        annotations: doc.annotations,
        revisions: doc.revisions,
        hrefs: runs.flat().flatMap((t) => (t.marks ?? []).filter((m) => m.type === 'link').map((m) => m.attrs?.href ?? '')),
      };
    }),
  );
}

/** The only document of the project `name`. */
export async function storedDocument(host: RunningHost, name: string): Promise<Stored> {
  const documents = await storedDocuments(host, name);
  if (documents.length !== 1) throw new Error(`${name} holds ${documents.length} documents, not one.`);
  return documents[0]!;
}
