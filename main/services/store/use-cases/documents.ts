/**
 * The documents' use cases: adding one (typed, pasted or imported, with the bytes it came from),
 * renaming, deleting, its metadata and damage warnings, its original and revisions, and placing a
 * span in its current text. What changes a document's text and annotations is ../document-edits.ts;
 * the contract calls of both are ./document-handlers.ts.
 */
import { anchorAll, describeRange } from '../../../../shared/anchoring/index.js';
import type { PlacedSpan, RevisionList } from '../../../../shared/contract.js';
import { DocumentMeta, SCHEMA_VERSION, StoredDocument, type Anchor, type ContentNode, type DamageWarning, type DocumentOrigin, type DocumentSummary } from '../../../../shared/model/index.js';
import { FactmarkError } from '../../../../shared/result.js';
import { contentToText, textToContent } from '../../../../shared/text.js';
import { contentProblem, textFingerprint } from '../document-content.js';
import { checkedTitle, type OpenProject } from '../open-project.js';

/** What a new document starts with: pasted text gives only title and content; imports give the rest. */
export interface NewDocument {
  title: string;
  content: ContentNode;
  meta?: Partial<DocumentMeta>;
  origin?: DocumentOrigin;
  damage?: DamageWarning[];
}

/** A document made by an import, with the bytes it was read from (null for a paste). */
export interface ImportedNewDocument extends NewDocument {
  original: Uint8Array | null;
}

/** Adds a document made from plain text (one paragraph a line) and writes it at once. */
export function createDocument(open: OpenProject, title: string, text: string): Promise<DocumentSummary> {
  return addDocument(open, { title, content: textToContent(text) });
}

/**
 * Adds a document with the given content and, for imports, its metadata, origin and damage
 * warnings; written at once (a failed write keeps it in memory and shows why in the status).
 * Content must fit the editor schema.
 */
export async function addDocument(open: OpenProject, init: NewDocument, id: string = open.newId()): Promise<DocumentSummary> {
  const { disk } = open;
  disk.assertOpen();
  const documentTitle = checkedTitle(init.title, 'A document title');
  const problem = contentProblem(init.content);
  if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The text of "${documentTitle}" does not fit the document structure: ${problem}.`);
  if (disk.project.documents.some((d) => d.id === id)) throw new FactmarkError('INTERNAL', `The id generator repeated the id "${id}".`);
  const at = disk.timestamp();
  const fingerprint = textFingerprint(init.content);
  // The original as imported, written once, by the save pass before the document itself.
  const original = { fingerprint, at };
  const data = StoredDocument.parse({
    schemaVersion: SCHEMA_VERSION,
    id,
    title: documentTitle,
    fingerprint,
    original,
    content: init.content,
    ...(init.meta ? { meta: DocumentMeta.parse(init.meta) } : {}),
    ...(init.origin ? { origin: init.origin } : {}),
    ...(init.damage ? { damage: init.damage } : {}),
    createdAt: at,
    updatedAt: at,
  });
  disk.addDocument(data, original, init.content);
  await disk.flush();
  return { id, title: documentTitle, createdAt: at, updatedAt: at };
}

/** Adds an imported document and keeps the bytes it came from (for re-decoding and replication). */
export async function addImported(open: OpenProject, imported: ImportedNewDocument): Promise<DocumentSummary> {
  // The bytes are written first, under the id the document will have: a committed document always
  // has its original, and bytes a failed add leaves behind are a leftover the next writer sets aside.
  const id = open.newId();
  if (imported.original) await open.disk.keepOriginalBytes(id, imported.original);
  return addDocument(open, imported, id);
}

/** The document's original as imported (fingerprint, date, whether its content is on disk) and its revisions. */
export async function listRevisions({ disk }: OpenProject, id: string): Promise<RevisionList> {
  const document = (await disk.document(id)).db.data;
  const content = await disk.readOriginalContent(document);
  return { documentId: id, original: document.original, originalKept: content !== null, revisions: document.revisions };
}

/** The content of the document's original as imported; `NOT_FOUND` when its file is missing. */
export async function originalContent({ disk }: OpenProject, id: string): Promise<ContentNode> {
  const document = (await disk.document(id)).db.data;
  const content = await disk.readOriginalContent(document);
  if (!content) throw new FactmarkError('NOT_FOUND', `The original of “${document.title}” as imported is not in the project folder, so it cannot be restored; its revisions still say what changed.`);
  return content;
}

/** Changes a document's metadata (origin, author, dates, language, direction); returns the document. */
export async function updateDocumentMeta({ disk }: OpenProject, id: string, meta: Partial<DocumentMeta>): Promise<StoredDocument> {
  const document = await disk.document(id);
  const merged = DocumentMeta.parse({ ...document.db.data.meta, ...meta });
  disk.changeDocument(document, { meta: merged }, disk.timestamp());
  await disk.flush();
  return document.db.data;
}

/** Replaces a document's text-damage warnings (after a check over its current text). */
export async function setDocumentDamage({ disk }: OpenProject, id: string, damage: DamageWarning[]): Promise<StoredDocument> {
  const document = await disk.document(id);
  disk.changeDocument(document, { damage }, disk.timestamp());
  await disk.flush();
  return document.db.data;
}

/** Renames a document (in the project's list and in its own file). */
export async function renameDocument({ disk }: OpenProject, id: string, title: string): Promise<DocumentSummary> {
  const documentTitle = checkedTitle(title, 'A document title');
  const document = await disk.document(id);
  const at = disk.timestamp();
  disk.changeDocument(document, { title: documentTitle }, at);
  const summary = disk.changeSummary(id, { title: documentTitle }, at);
  await disk.flush();
  return summary;
}

/** Removes a document from the project; its file moves to `trash/` with its latest text. */
export async function deleteDocument({ disk }: OpenProject, id: string): Promise<void> {
  disk.removeDocument(id);
  await disk.flush();
}

/**
 * A span of document `id` placed again in its current text (exact, moved or fuzzy, as annotations
 * are): the refreshed anchor and the words there now, or the stored anchor and null when the
 * words cannot be placed confidently.
 */
export async function placeSpan({ disk }: OpenProject, id: string, anchor: Anchor): Promise<PlacedSpan> {
  const document = (await disk.document(id)).db.data;
  const text = contentToText(document.content);
  const [placement] = anchorAll(text, [anchor]);
  const span = { documentId: id, documentTitle: document.title };
  if (!placement || placement.status === 'orphan') return { ...span, anchor, text: null };
  const placed = describeRange(text, placement.start, placement.end);
  return { ...span, anchor: placed, text: placed.quote.exact };
}

