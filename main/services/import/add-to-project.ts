/** Adding an imported document to a project: the document, and beside it the bytes it came from. */
import type { DocumentSummary } from '../../../shared/model/index.js';
import type { ProjectStore } from '../store/project-store.js';
import type { ImportedDocument } from './types.js';

/** Adds `imported` to `project` and keeps its original bytes (for re-decoding and replication). */
export async function addImported(project: ProjectStore, imported: ImportedDocument): Promise<DocumentSummary> {
  const summary = await project.addDocument(imported);
  if (imported.original) await project.keepOriginal(summary.id, imported.original);
  return summary;
}
