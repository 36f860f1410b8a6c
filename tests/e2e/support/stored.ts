/**
 * A project's document as the browser host stored it on disk: what end-to-end tests assert after
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

/** The only document of the project `name` (in the host's work folder): its plain text, annotations and revisions. */
export async function storedDocument(host: RunningHost, name: string): Promise<{ text: string; annotations: StoredRecord[]; revisions: StoredRevision[] }> {
  const folder = join(host.workDir, `${name}.factmark`, 'documents');
  const files = (await readdir(folder)).filter((f) => /^[0-9a-f-]{36}\.json$/.test(f));
  if (files.length !== 1) throw new Error(`${name} holds ${files.length} documents, not one.`);
  const doc = JSON.parse(await readFile(join(folder, files[0]!), 'utf8')) as {
    content: { content: { content?: { text: string }[] }[] };
    annotations: StoredRecord[];
    revisions: StoredRevision[];
  };
  const text = doc.content.content.map((block) => (block.content ?? []).map((t) => t.text).join('')).join('\n');
  return { text, annotations: doc.annotations, revisions: doc.revisions };
}
