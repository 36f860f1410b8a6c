/**
 * One open project on disk — a folder `<Name>.factmark/` holding `project.json`, one
 * `documents/<id>.json` per document, a `.lock` folder while open for writing and `trash/` for
 * deleted documents — as
 * one object for the callers that want one (the CLI, the reports, tests). It only composes: the
 * disk layer (./project-disk.ts: lock, files, the save pass, conflicts), the document edits
 * (./document-edits.ts: the one acceptance sequence of a document's changes) and the use cases
 * (./use-cases/*, ../claims/claims.ts), each method handing on to one of them. The contract's
 * handlers call the same use cases (app-services.ts composes their handler groups). Nothing here
 * imports `electron`.
 */
import { randomUUID } from 'node:crypto';
import type { ContentPatch, ClaimListing, NewTag, OpenedDocument, PlacedSpan, ProjectView, RevisionList, SaveStatus, SourceDraft, SourceUse, TagPatch } from '../../../shared/contract.js';
import { PROJECT_FORMAT, SCHEMA_VERSION, StoredProject, type Anchor, type Annotation, type ContentNode, type DamageWarning, type DocumentMeta, type DocumentSummary, type RatingScale, type RevisionNote, type Source, type StoredDocument, type Tag } from '../../../shared/model/index.js';
import { listClaims } from '../claims/claims.js';
import { DocumentEdits, type Replacement } from './document-edits.js';
import { absolutePath, PROJECT_EXTENSION, projectFolderOf } from './load.js';
import { checkedId, checkedTitle, projectView, type OpenProject } from './open-project.js';
import { ProjectDisk } from './project-disk.js';
import * as scales from './rating-scales.js';
import type { LibraryImport } from './source-library.js';
import type { SaveStatusListener } from './save-status.js';
import type { StoreOptions } from './store-options.js';
import * as codebook from './use-cases/codebook.js';
import * as documents from './use-cases/documents.js';
import * as ratingScales from './use-cases/rating-scales.js';
import * as sources from './use-cases/sources.js';

export type { StoreOptions } from './store-options.js';
export type { NewDocument } from './use-cases/documents.js';

export class ProjectStore implements OpenProject {
  readonly edits: DocumentEdits;
  private readonly makeId: () => string;

  private constructor(
    readonly disk: ProjectDisk,
    options: StoreOptions,
  ) {
    this.edits = new DocumentEdits(disk, options);
    this.makeId = options.newId ?? randomUUID;
  }

  /** The project folder a path names (the folder, or any file inside it); see {@link projectFolderOf}. */
  static folderOf(path: string): string {
    return projectFolderOf(path);
  }

  /**
   * Creates a project folder at `path` (".factmark" is appended when missing) and opens it. The
   * parent folder must exist (`NOT_FOUND`); an existing file or non-empty folder is refused
   * (`ALREADY_EXISTS`).
   */
  static async create(path: string, name: string, options: StoreOptions = {}): Promise<ProjectStore> {
    const projectName = checkedTitle(name, 'A project name');
    const requested = absolutePath(path);
    const folder = requested.endsWith(PROJECT_EXTENSION) ? requested : `${requested}${PROJECT_EXTENSION}`;
    const at = (options.now ?? (() => new Date()))().toISOString();
    const data = StoredProject.parse({
      format: PROJECT_FORMAT,
      schemaVersion: SCHEMA_VERSION,
      id: checkedId((options.newId ?? randomUUID)()),
      name: projectName,
      createdAt: at,
      updatedAt: at,
      ratingScales: scales.PRESET_SCALES,
      activeRatingScaleId: scales.DEFAULT_SCALE_ID,
    });
    return new ProjectStore(await ProjectDisk.create(folder, data, options), options);
  }

  /**
   * Opens the project at `path` (its folder, or any file inside it) for writing: takes the lock
   * (waiting up to `lockWaitMs` while another Factmark holds it; `PROJECT_IN_USE` naming the
   * holder after that), then reads and validates `project.json` as the last writer left it; a
   * folder without one is left untouched. Documents are validated when first read, so one damaged
   * document leaves the others usable.
   */
  static async open(path: string, options: StoreOptions = {}, lockWaitMs = 0): Promise<ProjectStore> {
    return new ProjectStore(await ProjectDisk.open(path, options, lockWaitMs), options);
  }

  /**
   * Opens the project at `path` for reading only: no lock (so it works while another Factmark
   * has the project open, and on a read-only folder), nothing written, every document read at
   * once as one committed state. Anything that would save is refused with `READ_ONLY`.
   */
  static async openReadOnly(path: string, options: StoreOptions = {}): Promise<ProjectStore> {
    return new ProjectStore(await ProjectDisk.openReadOnly(path, options), options);
  }

  /** A new id, checked (ids become file names). */
  newId(): string {
    return checkedId(this.makeId());
  }

  /** The project folder: absolute and normalised. */
  get path(): string {
    return this.disk.path;
  }

  /** The project as it is in memory (saved or not). The store replaces it on change; do not mutate it. */
  get project(): StoredProject {
    return this.disk.project;
  }

  view(): ProjectView {
    return projectView(this);
  }

  /** A document with its content and annotations, loaded and validated on first use. Do not mutate it. */
  async getDocument(id: string): Promise<StoredDocument> {
    return (await this.disk.document(id)).db.data;
  }

  openedDocument(id: string): Promise<OpenedDocument> {
    return this.edits.openedDocument(id);
  }

  createDocument(title: string, text: string): Promise<DocumentSummary> {
    return documents.createDocument(this, title, text);
  }

  addDocument(init: documents.NewDocument): Promise<DocumentSummary> {
    return documents.addDocument(this, init);
  }

  keepOriginal(id: string, bytes: Uint8Array): Promise<void> {
    return this.disk.keepOriginalBytes(id, bytes);
  }

  readOriginal(id: string): Promise<Uint8Array | null> {
    return this.disk.readOriginalBytes(id);
  }

  replaceDocumentText(id: string, replacement: Replacement, note?: RevisionNote): Promise<OpenedDocument> {
    return this.edits.replaceDocumentText(id, replacement, note);
  }

  listRevisions(id: string): Promise<RevisionList> {
    return documents.listRevisions(this, id);
  }

  originalContent(id: string): Promise<ContentNode> {
    return documents.originalContent(this, id);
  }

  updateDocumentMeta(id: string, meta: Partial<DocumentMeta>): Promise<StoredDocument> {
    return documents.updateDocumentMeta(this, id, meta);
  }

  setDocumentDamage(id: string, damage: DamageWarning[]): Promise<StoredDocument> {
    return documents.setDocumentDamage(this, id, damage);
  }

  renameDocument(id: string, title: string): Promise<DocumentSummary> {
    return documents.renameDocument(this, id, title);
  }

  deleteDocument(id: string): Promise<void> {
    return documents.deleteDocument(this, id);
  }

  /** A whole send of a document's content and annotations (./document-edits.ts). */
  updateDocumentContent(id: string, content: ContentNode, annotations: readonly Annotation[] = [], note?: RevisionNote): void {
    this.edits.updateDocumentContent(id, content, annotations, note);
  }

  /** A patch of a document's content and annotations (./document-edits.ts). */
  patchDocumentContent(id: string, patch: ContentPatch): Promise<void> {
    return this.edits.patchDocumentContent(id, patch);
  }

  createTag(init: NewTag): Promise<Tag> {
    return codebook.createTag(this, init);
  }

  updateTag(id: string, patch: TagPatch): Promise<void> {
    return codebook.updateTag(this, id, patch);
  }

  deleteTag(id: string): Promise<void> {
    return codebook.deleteTag(this, id);
  }

  mergeTags(fromId: string, intoId: string): Promise<void> {
    return codebook.mergeTags(this, fromId, intoId);
  }

  tagUsage(): Promise<Record<string, number>> {
    return codebook.tagUsage(this);
  }

  createSource(draft: SourceDraft): Promise<Source> {
    return sources.createSource(this, draft);
  }

  updateSource(id: string, draft: SourceDraft): Promise<void> {
    return sources.updateSource(this, id, draft);
  }

  deleteSource(id: string): Promise<void> {
    return sources.deleteSource(this, id);
  }

  mergeSources(fromId: string, intoId: string): Promise<void> {
    return sources.mergeSources(this, fromId, intoId);
  }

  sourceUsage(): Promise<Record<string, SourceUse[]>> {
    return sources.sourceUsage(this);
  }

  importSources(fileName: string, text: string): Promise<Omit<LibraryImport, 'sources'>> {
    return sources.importSources(this, fileName, text);
  }

  exportSources(): string {
    return sources.exportSources(this);
  }

  saveRatingScale(scale: RatingScale): Promise<void> {
    return ratingScales.saveRatingScale(this, scale);
  }

  setActiveRatingScale(id: string): Promise<void> {
    return ratingScales.setActiveRatingScale(this, id);
  }

  deleteRatingScale(id: string): Promise<void> {
    return ratingScales.deleteRatingScale(this, id);
  }

  listClaims(): Promise<ClaimListing[]> {
    return listClaims(this);
  }

  placeSpan(id: string, anchor: Anchor): Promise<PlacedSpan> {
    return documents.placeSpan(this, id, anchor);
  }

  /** Writes everything pending now (after a write already running) and returns the resulting status. */
  async saveNow(): Promise<SaveStatus> {
    this.disk.assertOpen();
    await this.disk.flush();
    return this.disk.status();
  }

  /**
   * Settles a conflict with files another program changed: `overwrite` writes our version over
   * theirs (theirs becomes the `.bak`), `reload` reads theirs and drops our unsaved changes to those
   * files only. The outcome shows in {@link status}.
   */
  resolveConflict(choice: 'overwrite' | 'reload'): Promise<void> {
    return this.disk.resolveConflict(choice);
  }

  status(): SaveStatus {
    return this.disk.status();
  }

  onStatus(listener: SaveStatusListener): () => void {
    return this.disk.onStatus(listener);
  }

  hasUnsavedChanges(): boolean {
    return this.disk.hasUnsavedChanges();
  }

  /**
   * Writes what is pending and releases the lock. When the write fails, nothing is dropped: this
   * throws the save error and the project stays open, so the user can fix the cause and try again.
   */
  close(): Promise<void> {
    return this.disk.close();
  }

  /** Releases the project without writing what is not yet saved (after a save already running): a failed command commits nothing more. */
  closeWithoutSaving(): Promise<void> {
    return this.disk.closeWithoutSaving();
  }
}
