/**
 * One open project on disk: a folder `<Name>.factmark/` holding `project.json`, one
 * `documents/<id>.json` per document, a `.lock` while open and `trash/` for deleted documents.
 * Changes are kept in memory and written by a debounced autosave, one pass at a time; a failed
 * write keeps everything in memory, shows the error in the save status and is retried on the next
 * change or save. Nothing here imports `electron`.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Low } from 'lowdb';
import { remapTagIds, type TagRemap } from '../../../shared/codebook/remap.js';
import { anchorAll, describeRange } from '../../../shared/anchoring/index.js';
import { parseCslJson, sourcesToCslJson } from '../../../shared/check/csl.js';
import { today } from '../../../shared/check/fields.js';
import { repointSource } from '../../../shared/check/source-merge.js';
import type { ContentPatch, ClaimListing, RevisionList, NewTag, OpenedDocument, PlacedSpan, ProjectView, SaveStatus, SourceDraft, SourceUse, TagPatch } from '../../../shared/contract.js';
import {
  Id,
  PROJECT_FORMAT,
  SCHEMA_VERSION,
  DocumentMeta,
  StoredDocument,
  StoredProject,
  type Anchor,
  type Annotation,
  type Claim,
  type RatingScale,
  type Source,
  type DamageWarning,
  type DocumentOrigin,
  type ContentNode,
  type DocumentSummary,
  type RevisionNote,
  type Tag,
} from '../../../shared/model/index.js';
import { activeScale } from '../../../shared/model/queries.js';
import { FactmarkError } from '../../../shared/result.js';
import { contentToText, textToContent } from '../../../shared/text.js';
import * as codebook from './codebook.js';
import * as library from './source-library.js';
import * as scales from './rating-scales.js';
import { describeUses, sourceUses, sourceUsesByDocument, verdictUsesByDocument } from './usage.js';
import { setAsideNotice } from './annotation-notices.js';
import { checkAnnotationIds, withCodebookTags } from './annotation-rules.js';
import { checkChangedClaims } from './claim-guard.js';
import { ClaimNumbers } from './claim-numbers.js';
import { reconcileStored } from './reconcile-stored.js';
import type { SetAside } from './salvage.js';
import { backupPathOf, removeTemporaryFiles, writeFileAtomic, type AtomicFs } from './atomic-file.js';
import { contentProblem, textFingerprint } from './document-content.js';
import { blocksFingerprint, splicedAnnotations, splicePatch, staleBase } from './document-patch.js';
import type { DurableJsonFile } from './durable-json-file.js';
import { errnoOf, readError, writeError } from './file-errors.js';
import {
  absolutePath,
  documentFile,
  documentPathOf,
  DOCUMENTS_FOLDER,
  loadDocument,
  loadProject,
  locateProject,
  PROJECT_EXTENSION,
  projectFile,
  projectFolderOf,
  TRASH_FOLDER,
  type LoadOptions,
} from './load.js';
import type { MigrationTable } from './migrations.js';
import { ProjectLock } from './project-lock.js';
import { blocksStretch, checkNoted, contentStretch, keepOriginalOnLoad, readOriginal, REFUSE_UNNOTED_TEXT_CHANGES, originalPathOf, PendingOriginals, RevisionLog, type TextStretch } from './revisions.js';
import { SaveScheduler } from './save-scheduler.js';
import { SaveStatusTracker, type SaveStatusListener } from './save-status.js';

/** How a project store behaves; every field has a default. */
/** The folder of imported files' original bytes, one file per document id. */
const ORIGINALS_FOLDER = 'originals';

/** What a new document starts with: pasted text gives only title and content; imports give the rest. */
export interface NewDocument {
  title: string;
  content: ContentNode;
  meta?: Partial<DocumentMeta>;
  origin?: DocumentOrigin;
  damage?: DamageWarning[];
}

export interface StoreOptions {
  /** Autosave delay after the last change, in milliseconds (default 750). */
  autosaveDelayMs?: number;
  /** The longest a change waits for autosave while more changes keep coming (default 2000 ms). */
  autosaveMaxWaitMs?: number;
  /** The clock for `createdAt` and `updatedAt`. */
  now?: () => Date;
  /** Makes ids for projects and documents (default `crypto.randomUUID()`). */
  newId?: () => string;
  /** Schema migrations (default: the production table). */
  migrations?: MigrationTable;
  /** The file-system calls of the atomic writer (tests make one fail). */
  fs?: AtomicFs;
  /** Who is named in the revisions of the text (default '': no name known). */
  analyst?: string;
  /** Refuse a send that changes the words without a revision note (default ./revisions.ts `REFUSE_UNNOTED_TEXT_CHANGES`). */
  refuseUnnotedTextChanges?: boolean;
}

/** A file held in memory by lowdb, with the adapter that reads and writes it. */
interface HeldFile<T> {
  db: Low<T>;
  file: DurableJsonFile<T>;
}

/** How long a slice of applying a patch may keep the event loop (./document-patch.ts). */
const PATCH_SLICE_MS = 2;

/** The longest title or name, as the shared model allows. */
const MAX_TITLE_LENGTH = 2_000;

export class ProjectStore {
  private readonly projectFile: HeldFile<StoredProject>;
  /** Documents loaded or loading, by id. */
  private readonly documents = new Map<string, Promise<HeldFile<StoredDocument>>>();
  /** Documents loaded, by id: what synchronous edits can reach. */
  private readonly loaded = new Map<string, HeldFile<StoredDocument>>();
  /** What loading did to a document's annotations, told once with the next {@link openedDocument}. */
  private readonly notices = new Map<string, string[]>();
  /** Which claim holds each short id seen this session (./claim-numbers.ts). */
  private readonly claimNumbers = new ClaimNumbers();
  /**
   * Sources merged this session, duplicate → kept, in order: an edit of a document made before a
   * merge (the editor's copy) still cites the duplicate, and is repointed when it arrives.
   */
  private readonly mergedSources = new Map<string, string>();
  /**
   * For each document an editor sends patches for: the version it last sent and main accepted, and
   * its annotation table's ids in order (null until its first patch says). Any other change of a
   * document's text forgets it, so a patch on the old text is refused and the editor sends it whole.
   */
  private readonly editorVersions = new Map<string, { version: string; order: string[] | null }>();
  /** Numbers the versions {@link openedVersion} hands out. */
  private openings = 0;
  /** The last patch of each document being applied: the next one waits for it. */
  private readonly patching = new Map<string, Promise<unknown>>();
  private projectDirty = false;
  /** Documents with changes not yet written, including deleted ones whose last text goes to the trash. */
  private readonly dirtyDocuments = new Map<string, HeldFile<StoredDocument>>();
  /** Deleted documents whose files still have to move to `trash/`. */
  private readonly toTrash = new Set<string>();
  /** True while a save pass is writing: the changes it took are not on disk yet. */
  private writing = false;
  private overwriteRequested = false;
  private reloadRequested = false;
  private lastError: FactmarkError | null = null;
  private savedAt: string | null = null;
  private closed = false;
  private readonly statusTracker = new SaveStatusTracker();
  private readonly scheduler: SaveScheduler;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly loadOptions: LoadOptions;
  /** The revisions of the documents' text (./revisions.ts). */
  private readonly revisionLog = new RevisionLog();
  private readonly pendingOriginals = new PendingOriginals();
  private readonly analyst: string;
  private readonly refuseUnnoted: boolean;

  private constructor(
    /** The project folder: absolute and normalised. */
    readonly path: string,
    project: HeldFile<StoredProject>,
    private readonly lock: ProjectLock,
    options: StoreOptions,
  ) {
    this.projectFile = project;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.analyst = options.analyst ?? '';
    this.refuseUnnoted = options.refuseUnnotedTextChanges ?? REFUSE_UNNOTED_TEXT_CHANGES;
    this.loadOptions = { ...(options.migrations && { migrations: options.migrations }), ...(options.fs && { fs: options.fs }), now: this.now };
    this.scheduler = new SaveScheduler(() => this.savePass(), options.autosaveDelayMs ?? 750, options.autosaveMaxWaitMs ?? 2_000);
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
    await makeEmptyFolder(folder);
    const lock = await ProjectLock.acquire(folder);
    try {
      await mkdir(join(folder, DOCUMENTS_FOLDER), { recursive: true }).catch((error: unknown) => {
        throw writeError(error, join(folder, DOCUMENTS_FOLDER));
      });
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
      const file = projectFile(folder, options);
      await file.write(data);
      return new ProjectStore(folder, { db: new Low(file, data), file }, lock, options);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  /**
   * Opens the project at `path` (its folder, or any file inside it): validates `project.json`, then
   * takes the lock, so a folder that is no Factmark project is left untouched. (Should another
   * Factmark write in between, the next save reports `CHANGED_ON_DISK`.) Documents are validated
   * when first read, so one damaged document leaves the others usable.
   */
  static async open(path: string, options: StoreOptions = {}): Promise<ProjectStore> {
    const folder = await locateProject(path);
    const { file, data } = await loadProject(folder, options);
    const lock = await ProjectLock.acquire(folder);
    await removeTemporaryFiles(folder);
    await removeTemporaryFiles(join(folder, DOCUMENTS_FOLDER));
    return new ProjectStore(folder, { db: new Low(file, data), file }, lock, options);
  }

  /** The project as it is in memory (saved or not). The store replaces it on change; do not mutate it. */
  get project(): StoredProject {
    return this.projectFile.db.data;
  }

  /** The open project as the renderer sees it. */
  view(): ProjectView {
    return { path: this.path, project: this.project };
  }

  /** A document with its content and annotations, loaded and validated on first use. Do not mutate it. */
  async getDocument(id: string): Promise<StoredDocument> {
    return (await this.openDocument(id)).db.data;
  }

  /**
   * A document as the analyst opens it, with notices of what loading did to its annotations
   * (placed again, orphaned, set aside): each notice is given once, with the first call after the
   * document was loaded.
   */
  async openedDocument(id: string): Promise<OpenedDocument> {
    const document = await this.getDocument(id);
    const notices = this.notices.get(id) ?? [];
    this.notices.delete(id);
    return { document, notices, version: this.openedVersion(id) };
  }

  /**
   * The version of a document's text as main holds it, for an editor that opens it: the last
   * version an editor sent, which is what is stored, or else a new one. The table's order is not
   * known from it, so the editor's first patch carries it.
   */
  private openedVersion(id: string): string {
    const known = this.editorVersions.get(id);
    if (known) return known.version;
    const version = `opened-${(this.openings += 1)}`;
    this.editorVersions.set(id, { version, order: null });
    return version;
  }

  /**
   * Adds a document made from plain text (one paragraph a line) and writes it at once. As with
   * every change here, a failed write keeps the document in memory and shows why in the status.
   */
  async createDocument(title: string, text: string): Promise<DocumentSummary> {
    return this.addDocument({ title, content: textToContent(text) });
  }

  /**
   * Adds a document with the given content and, for imports, its metadata, origin and damage
   * warnings; written at once. Content must fit the editor schema.
   */
  async addDocument(init: NewDocument): Promise<DocumentSummary> {
    this.assertOpen();
    const documentTitle = checkedTitle(init.title, 'A document title');
    const problem = contentProblem(init.content);
    if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The text of "${documentTitle}" does not fit the document structure: ${problem}.`);
    const id = checkedId(this.newId());
    if (this.project.documents.some((d) => d.id === id)) throw new FactmarkError('INTERNAL', `The id generator repeated the id "${id}".`);
    const at = this.timestamp();
    const fingerprint = textFingerprint(init.content);
    // The original as imported, written once, by the save pass before the document itself.
    const original = { fingerprint, at };
    this.pendingOriginals.add(id, original, init.content);
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
    const file = documentFile(this.path, id, this.loadOptions);
    const document = { db: new Low(file, data), file };
    this.loaded.set(id, document);
    this.documents.set(id, Promise.resolve(document));
    const summary: DocumentSummary = { id, title: documentTitle, createdAt: at, updatedAt: at };
    this.changeProject((project) => ({ ...project, documents: [...project.documents, summary] }), at);
    this.changeDocument(document, {}, at);
    await this.scheduler.flush();
    return summary;
  }

  /**
   * Keeps the bytes a document was imported from (`originals/<id>`), so it can be decoded again
   * with another encoding and so the analyst can always show what was received.
   */
  async keepOriginal(id: string, bytes: Uint8Array): Promise<void> {
    this.summaryOf(id);
    const folder = join(this.path, ORIGINALS_FOLDER);
    try {
      await mkdir(folder, { recursive: true });
    } catch (error) {
      throw writeError(error, folder);
    }
    await writeFileAtomic(join(folder, id), bytes, this.loadOptions.fs);
  }

  /** The bytes a document was imported from, or null when it was pasted or typed. */
  async readOriginal(id: string): Promise<Uint8Array | null> {
    this.summaryOf(id);
    try {
      return new Uint8Array(await readFile(join(this.path, ORIGINALS_FOLDER, id)));
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') return null;
      throw readError(error, join(this.path, ORIGINALS_FOLDER, id));
    }
  }

  /**
   * Replaces a document's text after a re-import, with its new origin and damage warnings. Its
   * annotations are placed again on the new text from their anchors (orphans where they cannot be
   * placed); the notices say how that went.
   */
  async replaceDocumentText(
    id: string,
    replacement: { content: ContentNode; origin: DocumentOrigin; damage: DamageWarning[] },
    note: RevisionNote = { reason: 'reencode' },
  ): Promise<OpenedDocument> {
    const document = await this.openDocument(id);
    const problem = contentProblem(replacement.content);
    if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The new text of "${document.db.data.title}" does not fit the document structure: ${problem}.`);
    const reconciliation = reconcileStored(replacement.content, document.db.data.annotations, document.db.data.fingerprint, true);
    const at = this.timestamp();
    this.editorVersions.delete(id);
    const revised = this.revised(document, contentStretch(document.db.data.content, reconciliation.change.content), note, reconciliation.change.fingerprint, at);
    this.changeDocument(document, { ...replacement, ...reconciliation.change, ...revised }, at);
    this.changeSummary(id, {}, at);
    await this.scheduler.flush();
    return { document: document.db.data, notices: reconciliation.notices, version: this.openedVersion(id) };
  }

  /** The document's original as imported (fingerprint, date, whether its content is on disk) and its revisions. */
  async listRevisions(id: string): Promise<RevisionList> {
    const document = (await this.openDocument(id)).db.data;
    const content = await readOriginal(this.path, document);
    return { documentId: id, original: document.original, originalKept: content !== null, revisions: document.revisions };
  }

  /** The content of the document's original as imported; `NOT_FOUND` when its file is missing. */
  async originalContent(id: string): Promise<ContentNode> {
    const document = (await this.openDocument(id)).db.data;
    const content = await readOriginal(this.path, document);
    if (!content) throw new FactmarkError('NOT_FOUND', `The original of “${document.title}” as imported is not in the project folder, so it cannot be restored; its revisions still say what changed.`);
    return content;
  }

  /** Changes a document's metadata (origin, author, dates, language, direction); returns the document. */
  async updateDocumentMeta(id: string, meta: Partial<DocumentMeta>): Promise<StoredDocument> {
    const document = await this.openDocument(id);
    const merged = DocumentMeta.parse({ ...document.db.data.meta, ...meta });
    this.changeDocument(document, { meta: merged }, this.timestamp());
    await this.scheduler.flush();
    return document.db.data;
  }

  /** Replaces a document's text-damage warnings (after a check over its current text). */
  async setDocumentDamage(id: string, damage: DamageWarning[]): Promise<StoredDocument> {
    const document = await this.openDocument(id);
    this.changeDocument(document, { damage }, this.timestamp());
    await this.scheduler.flush();
    return document.db.data;
  }

  /** Renames a document (in the project's list and in its own file). */
  async renameDocument(id: string, title: string): Promise<DocumentSummary> {
    const documentTitle = checkedTitle(title, 'A document title');
    const document = await this.openDocument(id);
    const at = this.timestamp();
    this.changeDocument(document, { title: documentTitle }, at);
    const summary = this.changeSummary(id, { title: documentTitle }, at);
    await this.scheduler.flush();
    return summary;
  }

  /** Removes a document from the project; its file moves to `trash/` with its latest text. */
  async deleteDocument(id: string): Promise<void> {
    this.assertOpen();
    this.summaryOf(id);
    this.documents.delete(id);
    this.loaded.delete(id);
    this.editorVersions.delete(id);
    this.pendingOriginals.forget(id);
    this.toTrash.add(id);
    this.changeProject((project) => ({ ...project, documents: project.documents.filter((d) => d.id !== id) }), this.timestamp());
    await this.scheduler.flush();
  }

  /**
   * Replaces a loaded document's content and annotations after an edit, written by autosave
   * shortly after. Refused (`INVALID_ARGUMENT`): content that does not fit the editor schema, an
   * annotation id listed twice, a mark naming an annotation not in the list, a claim number that
   * belongs to another claim, a new or changed claim that breaks a claim rule (./claim-guard.ts).
   * Tags not in the codebook are dropped; evidence and mentions citing a source merged this session
   * cite the source it was merged into; the root's `attrs` (the editor's annotation table) are not
   * stored; the project's claim counter rises to the highest number seen, so numbers are never
   * issued twice.
   */
  updateDocumentContent(id: string, content: ContentNode, annotations: readonly Annotation[] = [], note?: RevisionNote): void {
    this.assertOpen();
    this.summaryOf(id);
    const document = this.loaded.get(id);
    if (!document) throw new FactmarkError('INVALID_ARGUMENT', `Document ${id} is not loaded yet: read it before changing its text.`);
    const title = document.db.data.title;
    const problem = contentProblem(content);
    if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The new text of "${title}" does not fit the document structure: ${problem}.`);
    checkAnnotationIds(title, content, annotations);
    const stretch = contentStretch(document.db.data.content, content);
    checkNoted(stretch, note, this.refuseUnnoted);
    const scale = activeScale(this.project);
    checkChangedClaims(title, document.db.data.annotations, annotations, scale, today(this.now()));
    const highest = this.claimNumbers.accept(title, annotations, this.project.lastClaimNumber);
    const { attrs: _table, ...stored } = content;
    const at = this.timestamp();
    const kept = withCodebookTags(this.withMergedSources(annotations), this.project.tags);
    const fingerprint = textFingerprint(stored);
    this.changeDocument(document, { content: stored, annotations: kept, fingerprint, ...this.revised(document, stretch, note, fingerprint, at) }, at);
    this.changeSummary(id, {}, at);
    this.raiseClaimNumber(highest, at);
    this.editorVersions.delete(id);
  }

  /**
   * Applies an editor's edit sent as a {@link ContentPatch}: the whole document (`base` null, as
   * {@link updateDocumentContent}), or a splice of top-level blocks with the annotation table's
   * changed entries on the version main accepted last from that editor. The same rules hold and the
   * same document is stored as for the whole document (./document-patch.ts), at a cost that grows
   * with the edit, not with the document, in three short stretches (checks, selectors, fingerprint). Patches of one document are applied in the order they came. A patch on another
   * version is refused with the error code `STALE_BASE`, and nothing changes.
   */
  patchDocumentContent(id: string, patch: ContentPatch): Promise<void> {
    const previous = this.patching.get(id) ?? Promise.resolve();
    const applied = previous.then(() => this.applyPatch(id, patch));
    const settled = applied.catch(() => undefined);
    this.patching.set(id, settled);
    void settled.then(() => {
      if (this.patching.get(id) === settled) this.patching.delete(id);
    });
    return applied;
  }

  private async applyPatch(id: string, patch: ContentPatch): Promise<void> {
    this.assertOpen();
    this.summaryOf(id);
    const document = this.loaded.get(id);
    if (!document) throw new FactmarkError('INVALID_ARGUMENT', `Document ${id} is not loaded yet: read it before changing its text.`);
    if (patch.base === null) {
      this.updateDocumentContent(id, { type: 'doc', content: patch.blocks }, patch.annotations, patch.revision);
      this.editorVersions.set(id, { version: patch.version, order: null });
      return;
    }
    const stored = document.db.data;
    const known = this.editorVersions.get(id);
    const order = patch.order ?? known?.order;
    if (!known || known.version !== patch.base || !order) throw staleBase(stored.title);
    const changed = withCodebookTags(this.withMergedSources(patch.annotations), this.project.tags);
    const scale = activeScale(this.project);
    const changedIds = new Set(changed.map((annotation) => annotation.id));
    checkChangedClaims(stored.title, stored.annotations.filter((annotation) => changedIds.has(annotation.id)), changed, scale, today(this.now()));
    const spliced = splicePatch(stored, patch, changed, order);
    const stretch = blocksStretch(stored.content.content ?? [], patch.from, patch.to, patch.blocks);
    checkNoted(stretch, patch.revision, this.refuseUnnoted);
    // The rest runs in slices of at most PATCH_SLICE_MS with the event loop free in between; anything
    // else that changed the document meanwhile (a re-import, a reload) wins: the editor sends it whole.
    let sliceEnd = 0;
    const pause = async (always = false): Promise<void> => {
      if (!always && performance.now() < sliceEnd) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.closed || this.loaded.get(id) !== document || document.db.data !== stored || this.editorVersions.get(id) !== known) throw staleBase(stored.title);
      sliceEnd = performance.now() + PATCH_SLICE_MS;
    };
    await pause(true);
    const annotations = await splicedAnnotations(stored.title, spliced, pause);
    await pause(true);
    const fingerprint = await blocksFingerprint(spliced.blocks, pause);
    const highest = this.claimNumbers.accept(stored.title, changed, this.project.lastClaimNumber);
    const at = this.timestamp();
    this.changeDocument(document, { content: { ...stored.content, content: spliced.blocks }, annotations, fingerprint, ...this.revised(document, stretch, patch.revision, fingerprint, at) }, at);
    this.changeSummary(id, {}, at);
    this.raiseClaimNumber(highest, at);
    this.editorVersions.set(id, { version: patch.version, order: [...order] });
  }

  /** Adds a tag to the codebook (rules in ./codebook.ts) and writes it at once; returns the new tag. */
  async createTag(init: NewTag): Promise<Tag> {
    this.assertOpen();
    const id = checkedId(this.newId());
    this.changeProject((project) => ({ ...project, tags: codebook.createTag(project.tags, init, id) }), this.timestamp());
    await this.scheduler.flush();
    return codebook.tagOf(this.project.tags, id);
  }

  /** Renames, recolours, describes or moves a tag, and writes it at once. */
  async updateTag(id: string, patch: TagPatch): Promise<void> {
    this.assertOpen();
    this.changeProject((project) => ({ ...project, tags: codebook.updateTag(project.tags, id, patch) }), this.timestamp());
    await this.scheduler.flush();
  }

  /** Deletes a tag: every document's annotations stop carrying it; the tags under it move up. */
  async deleteTag(id: string): Promise<void> {
    const tag = codebook.tagOf(this.project.tags, id);
    await this.changeCodebook(`The tag “${tag.name}” was not deleted`, { [id]: null }, (tags) => codebook.deleteTag(tags, id));
  }

  /** Merges tag `fromId` into `intoId`, in the codebook and in every document's annotations. */
  async mergeTags(fromId: string, intoId: string): Promise<void> {
    const from = codebook.tagOf(this.project.tags, fromId);
    await this.changeCodebook(`The tag “${from.name}” was not merged`, { [fromId]: intoId }, (tags) => codebook.mergeTags(tags, fromId, intoId));
  }

  /** How many annotations carry each tag, over every document (read from disk where not loaded yet). */
  async tagUsage(): Promise<Record<string, number>> {
    const usage: Record<string, number> = Object.fromEntries(this.project.tags.map((tag) => [tag.id, 0]));
    for (const document of await this.allDocuments('The tag counts could not be made')) {
      for (const annotation of document.db.data.annotations) {
        for (const tagId of new Set(annotation.tagIds)) if (tagId in usage) usage[tagId]! += 1;
      }
    }
    return usage;
  }

  /** Adds a source to the library (rules in ./source-library.ts) and writes it at once; returns the new source. */
  async createSource(draft: SourceDraft): Promise<Source> {
    this.assertOpen();
    const id = checkedId(this.newId());
    const at = this.timestamp();
    this.changeProject((project) => ({ ...project, sources: library.addSource(project.sources, draft, id, at, today(this.now())) }), at);
    await this.scheduler.flush();
    return library.sourceOf(this.project.sources, id);
  }

  /** Replaces a source's fields (same rules as a new source) and writes it at once. */
  async updateSource(id: string, draft: SourceDraft): Promise<void> {
    this.assertOpen();
    const at = this.timestamp();
    this.changeProject((project) => ({ ...project, sources: library.updateSource(project.sources, id, draft, at, today(this.now())) }), at);
    await this.scheduler.flush();
  }

  /** Deletes a source; refused (`IN_USE`) while any document cites it, saying where. */
  async deleteSource(id: string): Promise<void> {
    this.assertOpen();
    const source = library.sourceOf(this.project.sources, id);
    const uses = sourceUsesByDocument(id, await this.allDocumentData(`The source “${source.title}” was not deleted`));
    if (uses.length > 0) {
      throw new FactmarkError('IN_USE', `The source “${source.title}” was not deleted: it is cited in ${describeUses(uses)}. Remove those citations, or merge it into another source.`);
    }
    this.changeProject((project) => ({ ...project, sources: project.sources.filter((s) => s.id !== id) }), this.timestamp());
    await this.scheduler.flush();
  }

  /** Merges source `fromId` into `intoId`: blanks filled from it, and every document's evidence and source mentions repointed. */
  async mergeSources(fromId: string, intoId: string): Promise<void> {
    const from = library.sourceOf(this.project.sources, fromId);
    const at = this.timestamp();
    await this.changeEverywhere(
      `The source “${from.title}” was not merged`,
      (project) => ({ ...project, sources: library.mergeSources(project.sources, fromId, intoId, at) }),
      (annotation) => repointSource(annotation, fromId, intoId),
    );
    this.mergedSources.set(fromId, intoId);
  }

  /** Where each source of the library is cited, over every document (read from disk where not loaded yet). */
  async sourceUsage(): Promise<Record<string, SourceUse[]>> {
    this.assertOpen();
    return sourceUses(
      this.project.sources.map((source) => source.id),
      await this.allDocumentData('The uses of the sources could not be listed'),
    );
  }

  /**
   * Adds the entries of a CSL-JSON file to the library, skipping duplicates and refusing entries
   * that break a source rule; a file that cannot be read at all adds nothing (`INVALID_ARGUMENT`).
   */
  async importSources(fileName: string, text: string): Promise<Omit<library.LibraryImport, 'sources'>> {
    this.assertOpen();
    const reading = parseCslJson(text);
    if ('problem' in reading) throw new FactmarkError('INVALID_ARGUMENT', `${fileName} was not imported: ${reading.problem}. Export the library from Zotero as “CSL JSON”.`);
    const at = this.timestamp();
    const imported = library.importEntries(this.project.sources, reading.entries, () => checkedId(this.newId()), at, today(this.now()));
    if (imported.added > 0) this.changeProject((project) => ({ ...project, sources: imported.sources }), at);
    await this.scheduler.flush();
    return { added: imported.added, duplicates: imported.duplicates, refused: [...reading.refused, ...imported.refused] };
  }

  /** The library as CSL-JSON text, as Zotero imports it. */
  exportSources(): string {
    this.assertOpen();
    return sourcesToCslJson(this.project.sources);
  }

  /** Adds or replaces a rating scale (rules in ./rating-scales.ts); refused (`IN_USE`) when it drops a level a verdict uses. */
  async saveRatingScale(scale: RatingScale): Promise<void> {
    this.assertOpen();
    const dropped = scales.removedLevelIds(this.project.ratingScales, scale);
    if (dropped.size > 0) {
      const uses = verdictUsesByDocument(dropped, await this.allDocumentData(`The rating scale “${scale.name}” was not saved`));
      if (uses.length > 0) {
        throw new FactmarkError('IN_USE', `The rating scale “${scale.name}” was not saved: a level it drops is the verdict of claims in ${describeUses(uses)}. Change those verdicts first.`);
      }
    }
    this.changeProject((project) => ({ ...project, ratingScales: scales.saveScale(project.ratingScales, scale) }), this.timestamp());
    await this.scheduler.flush();
  }

  /** Makes `id` the project's rating scale. */
  async setActiveRatingScale(id: string): Promise<void> {
    this.assertOpen();
    scales.scaleOf(this.project.ratingScales, id);
    this.changeProject((project) => ({ ...project, activeRatingScaleId: id }), this.timestamp());
    await this.scheduler.flush();
  }

  /**
   * Deletes a rating scale; refused (`IN_USE`) while a verdict uses one of its levels, and for the
   * last scale. Deleting the active scale makes the first remaining one active.
   */
  async deleteRatingScale(id: string): Promise<void> {
    this.assertOpen();
    const scale = scales.scaleOf(this.project.ratingScales, id);
    scales.deleteScale(this.project.ratingScales, id);
    const levels = new Set(scale.levels.map((level) => level.id));
    const uses = levels.size === 0 ? [] : verdictUsesByDocument(levels, await this.allDocumentData(`The rating scale “${scale.name}” was not deleted`));
    if (uses.length > 0) {
      throw new FactmarkError('IN_USE', `The rating scale “${scale.name}” was not deleted: its levels are the verdicts of claims in ${describeUses(uses)}. Change those verdicts first.`);
    }
    this.changeProject((project) => {
      const ratingScales = scales.deleteScale(project.ratingScales, id);
      return { ...project, ratingScales, activeRatingScaleId: project.activeRatingScaleId === id ? ratingScales[0]!.id : project.activeRatingScaleId };
    }, this.timestamp());
    await this.scheduler.flush();
  }

  /** Every claim of the project: document by document in the project's order, each document's claims in text order. */
  async listClaims(): Promise<ClaimListing[]> {
    this.assertOpen();
    return (await this.allDocumentData('The claims could not be listed')).flatMap((document) =>
      document.annotations
        .filter((annotation): annotation is Claim => annotation.kind === 'claim')
        .sort((a, b) => a.anchor.position.start - b.anchor.position.start)
        .map((claim) => ({ documentId: document.id, documentTitle: document.title, claim })),
    );
  }

  /**
   * A span of document `id` placed again in its current text (exact, moved or fuzzy, as annotations
   * are): the refreshed anchor and the words there now, or the stored anchor and null when the
   * words cannot be placed confidently.
   */
  async placeSpan(id: string, anchor: Anchor): Promise<PlacedSpan> {
    const document = await this.getDocument(id);
    const text = contentToText(document.content);
    const [placement] = anchorAll(text, [anchor]);
    const span = { documentId: id, documentTitle: document.title };
    if (!placement || placement.status === 'orphan') return { ...span, anchor, text: null };
    const placed = describeRange(text, placement.start, placement.end);
    return { ...span, anchor: placed, text: placed.quote.exact };
  }

  /** Writes everything pending now (after a write already running) and returns the resulting status. */
  async saveNow(): Promise<SaveStatus> {
    this.assertOpen();
    await this.scheduler.flush();
    return this.status();
  }

  /**
   * Settles a conflict with files another program changed: `overwrite` writes our version over
   * theirs (theirs becomes the `.bak`), `reload` reads theirs and drops our unsaved changes to those
   * files only. The outcome shows in {@link status}.
   */
  async resolveConflict(choice: 'overwrite' | 'reload'): Promise<void> {
    this.assertOpen();
    if (choice === 'overwrite') this.overwriteRequested = true;
    else this.reloadRequested = true;
    await this.scheduler.flush();
  }

  /** Where autosave stands. */
  status(): SaveStatus {
    return this.statusTracker.get();
  }

  /** Calls `listener` whenever the save status changes; returns the function that stops it. */
  onStatus(listener: SaveStatusListener): () => void {
    return this.statusTracker.subscribe(listener);
  }

  /** True while a change has not reached the disk (including changes being written right now). */
  hasUnsavedChanges(): boolean {
    return this.writing || this.projectDirty || this.dirtyDocuments.size > 0 || this.toTrash.size > 0 || this.pendingOriginals.size > 0;
  }

  /**
   * Writes what is pending and releases the lock. When the write fails, nothing is dropped: this
   * throws the save error and the project stays open, so the user can fix the cause and try again.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.scheduler.flush();
    if (this.hasUnsavedChanges()) {
      const cause = this.lastError;
      throw new FactmarkError(cause?.code ?? 'IO_ERROR', `The project stays open because its changes could not be saved: ${cause?.message ?? 'unknown error'}`, {
        ...(cause?.path !== undefined && { path: cause.path }),
        ...(cause?.backupPath !== undefined && { backupPath: cause.backupPath }),
      });
    }
    this.scheduler.cancel();
    this.closed = true;
    await this.lock.release();
  }

  private assertOpen(): void {
    if (this.closed) throw new FactmarkError('NO_PROJECT_OPEN', `The project ${this.path} is closed.`);
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private summaryOf(id: string): DocumentSummary {
    const summary = this.project.documents.find((d) => d.id === id);
    if (!summary) throw new FactmarkError('NOT_FOUND', `There is no document "${id}" in this project.`);
    return summary;
  }

  /** The document `id`, loading its file once even when asked twice at the same time. */
  private openDocument(id: string): Promise<HeldFile<StoredDocument>> {
    this.assertOpen();
    this.summaryOf(id);
    const known = this.documents.get(id);
    if (known) return known;
    const loading = loadDocument(this.path, id, this.loadOptions).then(async ({ file, data, setAside }) => {
      await keepOriginalOnLoad(this.path, data, this.loadOptions.fs);
      const document = { db: new Low(file, data), file };
      if (this.documents.get(id) === loading) {
        this.loaded.set(id, document);
        this.settleLoaded(document, setAside);
      }
      return document;
    });
    this.documents.set(id, loading);
    loading.catch(() => {
      if (this.documents.get(id) === loading) this.documents.delete(id); // the next read tries again
    });
    return loading;
  }

  /** Every document of the project, loaded; a document that cannot be read fails the whole call, with `refusal` leading the message. */
  private async allDocuments(refusal: string): Promise<HeldFile<StoredDocument>[]> {
    const documents: HeldFile<StoredDocument>[] = [];
    for (const summary of this.project.documents) {
      try {
        documents.push(await this.openDocument(summary.id));
      } catch (error) {
        if (!(error instanceof FactmarkError)) throw error;
        throw new FactmarkError(error.code, `${refusal}, because the document “${summary.title}” could not be read: ${error.message}`, {
          ...(error.path !== undefined && { path: error.path }),
          ...(error.backupPath !== undefined && { backupPath: error.backupPath }),
        });
      }
    }
    return documents;
  }

  /**
   * Changes the codebook and remaps the tags of every document's annotations together, after all
   * documents are read, so a document that cannot be read leaves everything as it was.
   */
  private async changeCodebook(refusal: string, remap: TagRemap, change: (tags: Tag[]) => Tag[]): Promise<void> {
    await this.changeEverywhere(
      refusal,
      (project) => ({ ...project, tags: change(project.tags) }),
      (annotation) => {
        const tagIds = remapTagIds(annotation.tagIds, remap);
        return tagIds === annotation.tagIds ? annotation : { ...annotation, tagIds };
      },
    );
  }

  /**
   * Changes the project and rewrites every document's annotations together (tags, sources), after
   * all documents are read, so a document that cannot be read, or a change that is refused, leaves
   * everything as it was. `rewrite` returns an annotation it does not change as it was.
   */
  private async changeEverywhere(refusal: string, change: (project: StoredProject) => StoredProject, rewrite: (annotation: Annotation) => Annotation): Promise<void> {
    this.assertOpen();
    const documents = await this.allDocuments(refusal);
    const changed = change(this.project);
    const at = this.timestamp();
    for (const document of documents) {
      const annotations = document.db.data.annotations.map(rewrite);
      if (annotations.some((annotation, index) => annotation !== document.db.data.annotations[index])) this.changeDocument(document, { annotations }, at);
    }
    this.changeProject(() => changed, at);
    await this.scheduler.flush();
  }

  /** `annotations` citing, for each source merged this session, the source it was merged into. */
  private withMergedSources(annotations: readonly Annotation[]): Annotation[] {
    let result = [...annotations];
    for (const [fromId, intoId] of this.mergedSources) result = result.map((annotation) => repointSource(annotation, fromId, intoId));
    return result;
  }

  /** The documents (loaded as needed) as plain data, for questions asked of every document. */
  private async allDocumentData(refusal: string): Promise<StoredDocument[]> {
    return (await this.allDocuments(refusal)).map((document) => document.db.data);
  }

  /**
   * A document's first load: its marks and annotations are reconciled (a change goes to autosave,
   * and the notices wait for {@link openedDocument}), and its claim numbers become known.
   */
  private settleLoaded(document: HeldFile<StoredDocument>, setAside: SetAside | null): void {
    const { id, content, annotations, fingerprint } = document.db.data;
    const reconciliation = reconcileStored(content, annotations, fingerprint);
    const at = this.timestamp();
    if (reconciliation.changed) {
      this.changeDocument(document, reconciliation.change, at);
      this.changeSummary(id, {}, at);
    }
    const notices = [...(setAside ? [setAsideNotice(setAside)] : []), ...reconciliation.notices];
    if (notices.length > 0) this.notices.set(id, notices);
    this.raiseClaimNumber(this.claimNumbers.register(reconciliation.change.annotations), at);
  }

  /** The document's revisions after a change of its words (`stretch`; none: nothing to add), for {@link changeDocument}. */
  private revised(document: HeldFile<StoredDocument>, stretch: TextStretch | null, note: RevisionNote | undefined, fingerprint: string, at: string): Partial<StoredDocument> {
    if (!stretch) return {};
    const { id, revisions, fingerprint: fingerprintBefore } = document.db.data;
    const change = { documentId: id, stretch, note: note ?? { reason: 'edit' as const }, analyst: note?.analyst ?? this.analyst, at, fingerprintBefore, fingerprintAfter: fingerprint, newId: randomUUID };
    return { revisions: this.revisionLog.append(revisions, change) };
  }

  /** Raises the project's claim counter to `highest` when it is lower. */
  private raiseClaimNumber(highest: number, at: string): void {
    if (highest > this.project.lastClaimNumber) this.changeProject((project) => ({ ...project, lastClaimNumber: highest }), at);
  }

  private changeProject(change: (project: StoredProject) => StoredProject, at: string): void {
    this.projectFile.db.data = { ...change(this.project), updatedAt: at };
    this.projectDirty = true;
    this.changed();
  }

  /** Updates a document summary's fields and its `updatedAt`; returns the new summary. */
  private changeSummary(id: string, change: Partial<DocumentSummary>, at: string): DocumentSummary {
    const summary = { ...this.summaryOf(id), ...change, updatedAt: at };
    this.changeProject((project) => ({ ...project, documents: project.documents.map((d) => (d.id === id ? summary : d)) }), at);
    return summary;
  }

  /** Replaces a document's data (never mutating the old object, which a running write may hold). */
  private changeDocument(document: HeldFile<StoredDocument>, change: Partial<StoredDocument>, at: string): void {
    document.db.data = { ...document.db.data, ...change, updatedAt: at };
    this.dirtyDocuments.set(document.db.data.id, document);
    this.changed();
  }

  private changed(): void {
    if (this.status().state !== 'error') this.setStatus('pending');
    this.scheduler.changed();
  }

  private setStatus(state: SaveStatus['state'], error: FactmarkError | null = null): void {
    this.lastError = error;
    this.statusTracker.set({ state, savedAt: this.savedAt, error: error && error.toAppError() });
  }

  /** One save pass (run by the scheduler, never two at once). Failures end up in the status. */
  private async savePass(): Promise<void> {
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
   * Writes new documents' originals first (./revisions.ts), then documents, then `project.json`, then moves deleted documents to the trash, and
   * stops at the first failure: `project.json` never lists a document whose file was not written.
   */
  private async writePending(overwrite: boolean): Promise<void> {
    await this.pendingOriginals.writeAll(this.path, this.loadOptions.fs);
    for (const [id, document] of [...this.dirtyDocuments]) {
      this.dirtyDocuments.delete(id);
      try {
        await writeHeld(document, overwrite);
      } catch (error) {
        if (!this.dirtyDocuments.has(id)) this.dirtyDocuments.set(id, document);
        throw error;
      }
    }
    if (this.projectDirty) {
      this.projectDirty = false;
      try {
        await writeHeld(this.projectFile, overwrite);
      } catch (error) {
        this.projectDirty = true;
        throw error;
      }
    }
    for (const id of [...this.toTrash]) {
      await moveToTrash(this.path, id);
      this.toTrash.delete(id);
    }
  }

  /** Takes the version on disk of every file another program changed, dropping our changes to it. */
  private async reloadChangedFiles(): Promise<void> {
    for (const [id, document] of this.loaded) {
      if (!(await document.file.changedOnDisk())) continue;
      document.db.data = await readAgain(document.file);
      this.dirtyDocuments.delete(id);
      this.editorVersions.delete(id);
    }
    if (await this.projectFile.file.changedOnDisk()) {
      this.projectFile.db.data = await readAgain(this.projectFile.file);
      this.projectDirty = false;
      const listed = new Set(this.project.documents.map((d) => d.id));
      for (const id of [...this.loaded.keys()].filter((id) => !listed.has(id))) {
        this.loaded.delete(id);
        this.documents.delete(id);
        this.dirtyDocuments.delete(id);
        this.editorVersions.delete(id);
      }
    }
  }
}

/** A trimmed, non-empty title or name of bounded length; `INVALID_ARGUMENT` otherwise. */
function checkedTitle(text: string, what: string): string {
  const title = text.trim();
  if (title === '') throw new FactmarkError('INVALID_ARGUMENT', `${what} cannot be empty.`);
  if (title.length > MAX_TITLE_LENGTH) throw new FactmarkError('INVALID_ARGUMENT', `${what} is too long (at most ${MAX_TITLE_LENGTH} characters).`);
  return title;
}

/** An id from the generator, checked: ids become file names, so nothing but the safe characters. */
function checkedId(id: string): string {
  if (!Id.safeParse(id).success) throw new FactmarkError('INTERNAL', `The id generator made an unusable id "${id}".`);
  return id;
}

function asFactmarkError(error: unknown): FactmarkError {
  if (error instanceof FactmarkError) return error;
  return new FactmarkError('INTERNAL', `Factmark could not save because of an unexpected error (${error instanceof Error ? error.message : String(error)}). Your changes are kept in memory.`);
}

async function writeHeld<T>(held: HeldFile<T>, overwrite: boolean): Promise<void> {
  if (overwrite) held.file.allowOverwrite();
  await held.db.write();
}

async function readAgain<T>(file: DurableJsonFile<T>): Promise<T> {
  const data = await file.read();
  if (data === null) {
    throw new FactmarkError('NOT_FOUND', `${file.path} was deleted by another program, so it cannot be reloaded. Keep your version to write it again.`, { path: file.path });
  }
  return data;
}

/** Creates `folder` for a new project; an existing empty folder is accepted. */
async function makeEmptyFolder(folder: string): Promise<void> {
  const parent = dirname(folder);
  const parentStats = await stat(parent).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') throw new FactmarkError('NOT_FOUND', `The folder ${parent} does not exist. Create it first, or choose another place.`, { path: parent });
    throw readError(error, parent);
  });
  if (!parentStats.isDirectory()) throw new FactmarkError('NOT_FOUND', `${parent} is not a folder.`, { path: parent });
  try {
    await mkdir(folder);
  } catch (error) {
    if (errnoOf(error) !== 'EEXIST') throw writeError(error, folder);
    const entries = await readdir(folder).catch(() => null);
    if (entries === null || entries.length > 0) {
      throw new FactmarkError('ALREADY_EXISTS', `${folder} already exists. Open it, or choose another name.`, { path: folder });
    }
  }
}

/** Moves a deleted document's file (and its backup) into `trash/`. A file never written is skipped. */
async function moveToTrash(folder: string, id: string): Promise<void> {
  const from = documentPathOf(folder, id);
  const trash = join(folder, TRASH_FOLDER);
  const move = (source: string, target: string) =>
    rename(source, target).catch((error: unknown) => {
      if (errnoOf(error) !== 'ENOENT') throw writeError(error, source);
    });
  await mkdir(trash, { recursive: true }).catch((error: unknown) => {
    throw writeError(error, trash);
  });
  await move(from, join(trash, `${id}.json`));
  await move(backupPathOf(from), join(trash, `${id}.json.bak`));
  await move(originalPathOf(folder, id), join(trash, `${id}.original.json`));
}
