/**
 * What every use case of an open project is given (./use-cases/*, ../claims/*): the disk layer
 * (./project-disk.ts), the document edits (./document-edits.ts) and the id generator; and the few
 * steps they share: the project as the renderer sees it, a change after which the handler answers
 * with that view, and a change of the project with every document's annotations together.
 */
import type { ProjectView } from '../../../shared/contract.js';
import { Id, type Annotation, type StoredProject } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import type { DocumentEdits } from './document-edits.js';
import type { ProjectDisk } from './project-disk.js';

export interface OpenProject {
  readonly disk: ProjectDisk;
  readonly edits: DocumentEdits;
  /** A new id for a document, tag or source, checked with {@link checkedId}. */
  newId(): string;
}

/** The open project as the renderer sees it. */
export function projectView({ disk }: OpenProject): ProjectView {
  return { path: disk.path, project: disk.project };
}

/** Runs `change` on the open project and answers with the project as it is after it. */
export async function viewAfter(open: () => OpenProject, change: (project: OpenProject) => Promise<unknown>): Promise<ProjectView> {
  const project = open();
  await change(project);
  return projectView(project);
}

/**
 * Changes the project and rewrites every document's annotations together (tags, sources), after
 * all documents are read, so a document that cannot be read, or a change that is refused, leaves
 * everything as it was. `rewrite` returns an annotation it does not change as it was.
 */
export async function changeEverywhere({ disk }: OpenProject, refusal: string, change: (project: StoredProject) => StoredProject, rewrite: (annotation: Annotation) => Annotation): Promise<void> {
  disk.assertOpen();
  const documents = await disk.allDocuments(refusal);
  const changed = change(disk.project);
  const at = disk.timestamp();
  for (const document of documents) {
    const annotations = document.db.data.annotations.map(rewrite);
    if (annotations.some((annotation, index) => annotation !== document.db.data.annotations[index])) disk.changeDocument(document, { annotations }, at);
  }
  disk.changeProject(() => changed, at);
  await disk.flush();
}

/** The longest title or name, as the shared model allows. */
const MAX_TITLE_LENGTH = 2_000;

/** A trimmed, non-empty title or name of bounded length; `INVALID_ARGUMENT` otherwise. */
export function checkedTitle(text: string, what: string): string {
  const title = text.trim();
  if (title === '') throw new FactmarkError('INVALID_ARGUMENT', `${what} cannot be empty.`);
  if (title.length > MAX_TITLE_LENGTH) throw new FactmarkError('INVALID_ARGUMENT', `${what} is too long (at most ${MAX_TITLE_LENGTH} characters).`);
  return title;
}

/** An id from the generator, checked: ids become file names, so nothing but the safe characters. */
export function checkedId(id: string): string {
  if (!Id.safeParse(id).success) throw new FactmarkError('INTERNAL', `The id generator made an unusable id "${id}".`);
  return id;
}
