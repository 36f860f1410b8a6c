/**
 * The disk layer of an open project: the lock, the files lowdb holds in memory (`project.json` and
 * each `documents/<id>.json`), loading a document on first use, dirty tracking and the save pass
 * (originals, then documents and project committed together, then trash), the save status,
 * conflicts with another program's writes and closing. It owns every file of the project folder
 * and knows no rule of what a change means: the use cases (./document-edits.ts, ./use-cases/*)
 * decide and call {@link ProjectDisk.changeProject} and {@link ProjectDisk.changeDocument}; this
 * writes what they changed, one pass at a time. A failed write keeps everything in memory and
 * shows the error in the status until a later pass succeeds; a lost lock stops every later pass.
 * Opened read-only ({@link ProjectDisk.openReadOnly}) it takes no lock and writes nothing.
 * It imports no use case (eslint.config.mjs keeps that direction).
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { Id, type ContentNode, type DocumentSummary, type OriginalText, type StoredDocument, type StoredProject } from '../../../shared/model/index.js';
import type { SaveStatus } from '../../../shared/contract.js';
import { FactmarkError } from '../../../shared/result.js';
import { writeFileAtomic } from './atomic-file.js';
import { CommitBatch, finishCommit } from './commit-journal.js';
import { errnoOf, readError, writeError } from './file-errors.js';
import { finishStoppedSave, setAsideUnlisted } from './leftovers.js';
import { DOCUMENTS_FOLDER, documentFile, loadDocument, loadProject, locateProject, ORIGINALS_FOLDER, projectFile, type LoadedDocument, type LoadOptions } from './load.js';
import { ProjectLock } from './project-lock.js';
import { makeEmptyFolder, moveToTrash, readAgain, withRefusal, type HeldFile } from './project-files.js';
import { readProjectSnapshot } from './project-snapshot.js';
import { keepOriginalOnLoad, PendingOriginals, readOriginal } from './revisions.js';
import type { SetAside } from './salvage.js';
import { SaveScheduler } from './save-scheduler.js';
import { SaveStatusTracker, type SaveStatusListener } from './save-status.js';
import type { StoreOptions } from './store-options.js';

export type { HeldFile } from './project-files.js';
/** A document file held in memory. */
export type HeldDocument = HeldFile<StoredDocument>;

/** What the use cases are told of documents coming and going under them. */
export interface DiskHooks {
  /** A document's first load (not for documents added in this session). */
  loaded(document: HeldDocument, setAside: SetAside | null): void;
  /** A document whose data was dropped or replaced from disk (deleted, reloaded): what was known of its versions goes. */
  forgotten(id: string): void;
}

export class ProjectDisk {
  /** Documents loaded or loading, by id. */
  private readonly documents = new Map<string, Promise<HeldDocument>>();
  /** Documents loaded, by id: what synchronous edits can reach. */
  private readonly loaded = new Map<string, HeldDocument>();
  private projectDirty = false;
  /** Documents with changes not yet written, including deleted ones whose last text goes to the trash. */
  private readonly dirtyDocuments = new Map<string, HeldDocument>();
  /** Deleted documents whose files still have to move to `trash/`. */
  private readonly toTrash = new Set<string>();
  private readonly pendingOriginals = new PendingOriginals();
  /** True while a save pass is writing: the changes it took are not on disk yet. */
  private writing = false;
  private overwriteRequested = false;
  private reloadRequested = false;
  private lastError: FactmarkError | null = null;
  private savedAt: string | null = null;
  private closedNow = false;
  /** The save pass running now, or the last one (it never rejects). */
  private passRunning: Promise<void> = Promise.resolve();
  private readonly statusTracker = new SaveStatusTracker();
  private readonly scheduler: SaveScheduler;
  private readonly loadOptions: LoadOptions;
  private hooks: DiskHooks = { loaded: () => {}, forgotten: () => {} };
  /** The clock for `createdAt`, `updatedAt` and the save status. */
  readonly now: () => Date;

  private constructor(
    /** The project folder: absolute and normalised. */
    readonly path: string,
    private readonly projectFile: HeldFile<StoredProject>,
    /** The lock this disk writes under; null when opened read-only. */
    private readonly lock: ProjectLock | null,
    options: StoreOptions,
    /** Read-only: the documents as read with the project, handed out instead of reading their files. */
    private readonly snapshot: Map<string, LoadedDocument> | null = null,
  ) {
    this.now = options.now ?? (() => new Date());
    this.loadOptions = { ...(options.migrations && { migrations: options.migrations }), ...(options.fs && { fs: options.fs }), now: this.now };
    this.scheduler = new SaveScheduler(() => (this.passRunning = this.savePass()), options.autosaveDelayMs ?? 750, options.autosaveMaxWaitMs ?? 2_000);
    lock?.onLost((error) => this.setStatus('error', error));
  }

  /** Makes the folder `folder` (an empty one is accepted), takes its lock and writes `data` as its `project.json`. */
  static async create(folder: string, data: StoredProject, options: StoreOptions): Promise<ProjectDisk> {
    await makeEmptyFolder(folder);
    const lock = await ProjectLock.acquire(folder);
    try {
      await mkdir(join(folder, DOCUMENTS_FOLDER), { recursive: true }).catch((error: unknown) => {
        throw writeError(error, join(folder, DOCUMENTS_FOLDER));
      });
      const file = projectFile(folder, options);
      await file.write(data);
      return new ProjectDisk(folder, { db: new Low(file, data), file }, lock, options);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Opens the project `path` names for writing: takes the lock (waiting up to `lockWaitMs` for
   * another Factmark to let go), finishes or clears what a stopped save left, reads and validates
   * `project.json` — only now, so it is the version the last writer committed — and sets aside
   * the files of documents it does not list (./leftovers.ts). When anything fails, the lock is
   * released again.
   */
  static async open(path: string, options: StoreOptions, lockWaitMs = 0): Promise<ProjectDisk> {
    const folder = await locateProject(path);
    const lock = await ProjectLock.acquire(folder, lockWaitMs);
    try {
      await finishStoppedSave(folder, options.fs);
      const { file, data } = await loadProject(folder, options);
      await setAsideUnlisted(folder, data);
      return new ProjectDisk(folder, { db: new Low(file, data), file }, lock, options);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Opens the project `path` names for reading only (./project-snapshot.ts): no lock, nothing
   * written, every document read at once as one committed state; a change is kept in memory and
   * never saved ({@link flush} refuses).
   */
  static async openReadOnly(path: string, options: StoreOptions): Promise<ProjectDisk> {
    const { folder, project, documents } = await readProjectSnapshot(path, options);
    return new ProjectDisk(folder, { db: new Low(project.file, project.data), file: project.file }, null, options, documents);
  }

  /** True when opened read-only: nothing is ever written. */
  get readOnly(): boolean {
    return this.lock === null;
  }

  /** Sets who hears of documents loaded and forgotten (the document edits). */
  listen(hooks: DiskHooks): void {
    this.hooks = hooks;
  }

  /** The project as it is in memory (saved or not). Replaced on change; do not mutate it. */
  get project(): StoredProject {
    return this.projectFile.db.data;
  }

  get closed(): boolean {
    return this.closedNow;
  }

  assertOpen(): void {
    if (this.closedNow) throw new FactmarkError('NO_PROJECT_OPEN', `The project ${this.path} is closed.`);
  }

  timestamp(): string {
    return this.now().toISOString();
  }

  /** The summary of document `id` in the project's list; `NOT_FOUND` when there is none. */
  summaryOf(id: string): DocumentSummary {
    const summary = this.project.documents.find((d) => d.id === id);
    if (!summary) throw new FactmarkError('NOT_FOUND', `There is no document "${id}" in this project.`);
    return summary;
  }

  /** The document `id`, loading its file once even when asked twice at the same time. */
  document(id: string): Promise<HeldDocument> {
    this.assertOpen();
    this.summaryOf(id);
    const known = this.documents.get(id);
    if (known) return known;
    const read = this.snapshot ? Promise.resolve(this.snapshotDocument(id)) : loadDocument(this.path, id, this.loadOptions);
    const loading = read.then(async ({ file, data, setAside }) => {
      if (!this.readOnly) await keepOriginalOnLoad(this.path, data, this.loadOptions.fs);
      const document = { db: new Low(file, data), file };
      if (this.documents.get(id) === loading) {
        this.loaded.set(id, document);
        this.hooks.loaded(document, setAside);
      }
      return document;
    });
    this.documents.set(id, loading);
    loading.catch(() => {
      if (this.documents.get(id) === loading) this.documents.delete(id); // the next read tries again
    });
    return loading;
  }

  /** A read-only project's document `id` as read with it. */
  private snapshotDocument(id: string): LoadedDocument {
    const document = this.snapshot?.get(id);
    if (!document) throw new FactmarkError('NOT_FOUND', `There is no document "${id}" in this project as it was read.`);
    return document;
  }

  /** The document `id` if it is loaded (what a synchronous edit can change); `INVALID_ARGUMENT` when it is not yet. */
  loadedDocument(id: string): HeldDocument {
    this.assertOpen();
    this.summaryOf(id);
    const document = this.loaded.get(id);
    if (!document) throw new FactmarkError('INVALID_ARGUMENT', `Document ${id} is not loaded yet: read it before changing its text.`);
    return document;
  }

  /** True while `document` is the one held for `id` (no reload or delete replaced it). */
  holds(id: string, document: HeldDocument): boolean {
    return !this.closedNow && this.loaded.get(id) === document;
  }

  /** Every document of the project, loaded; a document that cannot be read fails the whole call, with `refusal` leading the message. */
  async allDocuments(refusal: string): Promise<HeldDocument[]> {
    const documents: HeldDocument[] = [];
    for (const summary of this.project.documents) documents.push(await withRefusal(refusal, summary.title, () => this.document(summary.id)));
    return documents;
  }

  /** The documents (loaded as needed) as plain data, for questions asked of every document. */
  async allDocumentData(refusal: string): Promise<StoredDocument[]> {
    return (await this.allDocuments(refusal)).map((document) => document.db.data);
  }

  /** Holds a new document (its original written by the save pass before it) and lists it in the project. */
  addDocument(data: StoredDocument, original: OriginalText, content: ContentNode): HeldDocument {
    this.pendingOriginals.add(data.id, original, content);
    const file = documentFile(this.path, data.id, this.loadOptions);
    const document = { db: new Low(file, data), file };
    this.loaded.set(data.id, document);
    this.documents.set(data.id, Promise.resolve(document));
    const summary: DocumentSummary = { id: data.id, title: data.title, createdAt: data.createdAt, updatedAt: data.updatedAt };
    this.changeProject((project) => ({ ...project, documents: [...project.documents, summary] }), data.updatedAt);
    this.changeDocument(document, {}, data.updatedAt);
    return document;
  }

  /** Drops a document from the project; its file moves to `trash/` with the next save pass. */
  removeDocument(id: string): void {
    this.assertOpen();
    this.summaryOf(id);
    this.documents.delete(id);
    this.loaded.delete(id);
    this.hooks.forgotten(id);
    this.pendingOriginals.forget(id);
    this.toTrash.add(id);
    this.changeProject((project) => ({ ...project, documents: project.documents.filter((d) => d.id !== id) }), this.timestamp());
  }

  /**
   * Keeps the bytes a document was imported from (`originals/<id>`), written at once — before the
   * document itself is added (use-cases/documents.ts `addImported`), so `id` need not be listed yet.
   */
  async keepOriginalBytes(id: string, bytes: Uint8Array): Promise<void> {
    this.assertOpen();
    if (!Id.safeParse(id).success) throw new FactmarkError('INTERNAL', `"${id}" is not a document id.`);
    this.assertWritable();
    const folder = join(this.path, ORIGINALS_FOLDER);
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw writeError(error, folder);
    }
    await writeFileAtomic(join(folder, id), bytes, this.loadOptions.fs);
  }

  /** The bytes a document was imported from, or null when it was pasted or typed. */
  async readOriginalBytes(id: string): Promise<Uint8Array | null> {
    this.summaryOf(id);
    const path = join(this.path, ORIGINALS_FOLDER, id);
    try {
      return new Uint8Array(await readFile(path));
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      throw readError(error, path);
    }
  }

  /** The content of a document's original as imported, or null when its file is missing (./revisions.ts). */
  readOriginalContent(document: StoredDocument): Promise<ContentNode | null> {
    return readOriginal(this.path, document);
  }

  changeProject(change: (project: StoredProject) => StoredProject, at: string): void {
    this.projectFile.db.data = { ...change(this.project), updatedAt: at };
    this.projectDirty = true;
    this.changed();
  }

  /** Updates a document summary's fields and its `updatedAt`; returns the new summary. */
  changeSummary(id: string, change: Partial<DocumentSummary>, at: string): DocumentSummary {
    const summary = { ...this.summaryOf(id), ...change, updatedAt: at };
    this.changeProject((project) => ({ ...project, documents: project.documents.map((d) => (d.id === id ? summary : d)) }), at);
    return summary;
  }

  /** Replaces a document's data (never mutating the old object, which a running write may hold). */
  changeDocument(document: HeldDocument, change: Partial<StoredDocument>, at: string): void {
    document.db.data = { ...document.db.data, ...change, updatedAt: at };
    this.dirtyDocuments.set(document.db.data.id, document);
    this.changed();
  }

  /** Writes everything pending now (after a write already running); `READ_ONLY` when opened read-only. */
  async flush(): Promise<void> {
    this.assertWritable();
    return this.scheduler.flush();
  }

  /** Refuses (`READ_ONLY`) when the project was opened read-only. */
  private assertWritable(): void {
    if (this.readOnly) throw new FactmarkError('READ_ONLY', `${this.path} was opened for reading only, so nothing is saved.`, { path: this.path });
  }

  /** Asks the next save pass to settle a conflict: `overwrite` writes ours over theirs, `reload` takes theirs. */
  async resolveConflict(choice: 'overwrite' | 'reload'): Promise<void> {
    this.assertOpen();
    this.assertWritable();
    if (choice === 'overwrite') this.overwriteRequested = true;
    else this.reloadRequested = true;
    await this.scheduler.flush();
  }

  status(): SaveStatus {
    return this.statusTracker.get();
  }

  onStatus(listener: SaveStatusListener): () => void {
    return this.statusTracker.subscribe(listener);
  }

  /**
   * True while a change has not been committed (including changes being written right now). A
   * read-only project has none: it never saves. Deleted documents whose files have not yet moved
   * to the trash do not count: their deletion is committed, and the next writer moves the files.
   */
  hasUnsavedChanges(): boolean {
    if (this.readOnly) return false;
    return this.writing || this.projectDirty || this.dirtyDocuments.size > 0 || this.pendingOriginals.size > 0;
  }

  /** Writes what is pending and releases the lock; when the write fails, throws its error and stays open. A read-only project just closes. */
  async close(): Promise<void> {
    if (this.closedNow) return;
    if (!this.readOnly) await this.scheduler.flush();
    if (this.hasUnsavedChanges()) {
      const cause = this.lastError;
      throw new FactmarkError(cause?.code ?? 'IO_ERROR', `The project stays open because its changes could not be saved: ${cause?.message ?? 'unknown error'}`, {
        ...(cause?.path !== undefined && { path: cause.path }),
        ...(cause?.backupPath !== undefined && { backupPath: cause.backupPath }),
      });
    }
    this.scheduler.cancel();
    this.closedNow = true;
    await this.lock?.release();
  }

  /**
   * Closes without writing what is not yet saved — for a command that failed, so it commits
   * nothing more — after the save pass already running, if any, has ended; releases the lock.
   */
  async closeWithoutSaving(): Promise<void> {
    if (this.closedNow) return;
    this.scheduler.cancel();
    this.closedNow = true;
    await this.passRunning;
    await this.lock?.release();
  }

  private changed(): void {
    if (this.readOnly) return; // kept in memory only (a reconciliation on load), never saved
    if (this.status().state !== 'error') this.setStatus('pending');
    this.scheduler.changed();
  }

  private setStatus(state: SaveStatus['state'], error: FactmarkError | null = null): void {
    this.lastError = error;
    this.statusTracker.set({ state, savedAt: this.savedAt, error: error && error.toAppError() });
  }

  /** One save pass (run by the scheduler, never two at once). Failures end up in the status. */
  private async savePass(): Promise<void> {
    if (this.closedNow) return; // a pass asked for before closing without saving
    const overwrite = this.overwriteRequested;
    const reload = this.reloadRequested;
    this.overwriteRequested = false;
    this.reloadRequested = false;
    try {
      if (reload) await this.reloadChangedFiles();
      if (!this.hasUnsavedChanges()) {
        this.setStatus('saved');
        return;
      }
      if (this.status().state !== 'error') this.setStatus('saving');
      this.writing = true;
      try {
        await this.writePending(overwrite);
      } finally {
        this.writing = false;
      }
      this.savedAt = this.timestamp();
      this.setStatus(this.hasUnsavedChanges() ? 'pending' : 'saved');
    } catch (error) {
      this.setStatus('error', asFactmarkError(error));
    }
  }

  /**
   * Writes what is pending, as one commit (./commit-journal.ts): new documents' originals first
   * (files no one reads until a document that names them is committed), then every changed
   * document and `project.json` staged and committed together — after a last check that this
   * process still holds the lock — so `project.json` never lists a document whose file is not
   * written, and a change spanning files is on disk whole or not at all. A failure before the
   * commit leaves every change pending; after it, the files of deleted documents move to the trash
   * (a failure there is left to the next writer, ./leftovers.ts).
   */
  private async writePending(overwrite: boolean): Promise<void> {
    const lock = this.lock!;
    await lock.assertHeld();
    await finishCommit(this.path, this.loadOptions.fs); // an earlier pass's commit whose renames failed
    await this.pendingOriginals.writeAll(this.path, this.loadOptions.fs);
    const documents = [...this.dirtyDocuments];
    const project = this.projectDirty;
    const batch = new CommitBatch(this.path, this.loadOptions.fs);
    const committed: (() => void)[] = [];
    this.dirtyDocuments.clear();
    this.projectDirty = false;
    try {
      for (const [, document] of documents) committed.push(await this.stage(document, overwrite, batch));
      if (project) committed.push(await this.stage(this.projectFile, overwrite, batch));
      if (batch.size > 0) await batch.commit(() => lock.assertHeld());
    } catch (error) {
      // Nothing was committed: every change stays pending (a change made meanwhile is already marked).
      await batch.discard();
      for (const [id, document] of documents) if (!this.dirtyDocuments.has(id)) this.dirtyDocuments.set(id, document);
      if (project) this.projectDirty = true;
      throw error;
    }
    for (const settle of committed) settle();
    // Committed: a failure to put the files in place loses nothing (the next pass, or the next writer, finishes it).
    await batch.apply().catch(() => undefined);
    for (const id of [...this.toTrash]) {
      if (!(await moveToTrash(this.path, id).then(() => true, () => false))) break;
      this.toTrash.delete(id);
    }
  }

  /** Stages a held file's data in `batch` (the checks of ./durable-json-file.ts first); returns what tells the file, once committed, that this is its version now. */
  private async stage<T>(held: HeldFile<T>, overwrite: boolean, batch: CommitBatch): Promise<() => void> {
    if (overwrite) held.file.allowOverwrite();
    const { file, fingerprint } = await held.file.stage(held.db.data);
    batch.add(file);
    return () => held.file.committed(fingerprint);
  }

  /** Takes the version on disk of every file another program changed, dropping our changes to it. */
  private async reloadChangedFiles(): Promise<void> {
    for (const [id, document] of this.loaded) {
      if (!(await document.file.changedOnDisk())) continue;
      document.db.data = await readAgain(document.file);
      this.dirtyDocuments.delete(id);
      this.hooks.forgotten(id);
    }
    if (await this.projectFile.file.changedOnDisk()) {
      this.projectFile.db.data = await readAgain(this.projectFile.file);
      this.projectDirty = false;
      const listed = new Set(this.project.documents.map((d) => d.id));
      for (const id of [...this.loaded.keys()].filter((id) => !listed.has(id))) {
        this.loaded.delete(id);
        this.documents.delete(id);
        this.dirtyDocuments.delete(id);
        this.hooks.forgotten(id);
      }
    }
  }
}

function asFactmarkError(error: unknown): FactmarkError {
  if (error instanceof FactmarkError) return error;
  return new FactmarkError('INTERNAL', `Factmark could not save because of an unexpected error (${error instanceof Error ? error.message : String(error)}). Your changes are kept in memory.`);
}
