/**
 * `factmark info <project> [--json]`: what a project holds, as stored. It only reads, without
 * taking the project's lock and writing nothing, so it works while the app has the project open
 * and on a read-only folder.
 */
import { resolve } from 'node:path';
import { readProjectSnapshot } from '../../services/store/project-snapshot.js';
import type { Command } from '../command.js';

/** The facts `info` prints; `--json` prints exactly this object. */
export interface ProjectInfo {
  name: string;
  path: string;
  id: string;
  schemaVersion: number;
  createdAt: string;
  updatedAt: string;
  documentCount: number;
  documents: { id: string; title: string; fingerprint: string; annotationCount: number }[];
}

/** Reads and validates a project and every document in it, as one committed state. */
export async function describeProject(path: string): Promise<ProjectInfo> {
  const { folder, project: loaded, documents: stored } = await readProjectSnapshot(path);
  const project = loaded.data;
  const documents = [];
  for (const summary of project.documents) {
    const { data } = stored.get(summary.id)!;
    documents.push({ id: data.id, title: data.title, fingerprint: data.fingerprint, annotationCount: data.annotations.length });
  }
  const { name, id, schemaVersion, createdAt, updatedAt } = project;
  return { name, path: folder, id, schemaVersion, createdAt, updatedAt, documentCount: documents.length, documents };
}

/** The human-readable form: the project, then one block per document. */
export function formatProjectInfo(info: ProjectInfo): string {
  const lines = [
    `Name:            ${info.name}`,
    `Path:            ${info.path}`,
    `Schema version:  ${info.schemaVersion}`,
    `Documents:       ${info.documentCount}`,
  ];
  for (const document of info.documents) {
    lines.push('', `  ${document.title}`, `    id           ${document.id}`, `    fingerprint  ${document.fingerprint}`, `    annotations  ${document.annotationCount}`);
  }
  return `${lines.join('\n')}\n`;
}

export const infoCommand: Command = {
  summary: 'Describe a project: its name, schema version, and each document with its fingerprint and annotation count.',
  usage: '<project> [--json]',
  positionals: ['project'],
  options: { json: { type: 'boolean' } },
  async run({ positionals: [path = ''], options }, io) {
    const info = await describeProject(resolve(io.cwd, path));
    io.out(options.json === true ? `${JSON.stringify(info)}\n` : formatProjectInfo(info));
  },
};
