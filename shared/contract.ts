/**
 * The single IPC contract: every call the renderer can make of the main process and every event
 * main pushes to the renderer. Main registers one handler per call (main/ipc), the preload exposes
 * one function per call (main/preload.ts), the browser host serves the same calls over loopback
 * HTTP (main/browser-host), and the renderer talks through one typed client (renderer/api).
 * Arguments are validated at runtime (shared/contract-validation.ts): the renderer is untrusted.
 * This file holds no validator code, so the renderer's bundle stays small.
 */
import type { Organisation, ReportOptions } from './report/input.js';
import type { Result } from './result.js';
import type { AppError } from './result.js';
import type { Anchor, Annotation, Claim, ContentNode, DocumentSummary, OriginalText, RatingScale, Revision, RevisionNote, Source, StoredDocument, StoredProject } from './model/index.js';

/** The app's colour theme: follow the operating system, or force one. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Which host serves the renderer: the Electron desktop app, or the loopback browser host. */
export type HostKind = 'desktop' | 'browser';

export interface AppInfo {
  name: string;
  version: string;
  host: HostKind;
  platform: string;
  /** True where a native file dialog can pick paths (the desktop); the browser asks for a typed path. */
  nativeDialogs: boolean;
}

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
}

export interface Settings {
  theme: Theme;
  recentProjects: RecentProject[];
}

/** The open project as the renderer sees it: its stored data and where it lives. */
export interface ProjectView {
  path: string;
  project: StoredProject;
}

/** Where autosave stands, shown in the status bar. */
export interface SaveStatus {
  state: 'saved' | 'pending' | 'saving' | 'error';
  /** When the last successful write finished (ISO timestamp). */
  savedAt: string | null;
  error: { code: string; message: string; path?: string; backupPath?: string } | null;
}

/** Commands the native menu sends to the renderer, which owns the UI flows behind them. */
export const MENU_COMMANDS = [
  'newProject',
  'openProject',
  'closeProject',
  'save',
  'newDocument',
  'importFiles',
  'exportReport',
  'about',
  'find',
  'toggleEditText',
  'markClaim',
  'markSourceMention',
  'markNote',
  'removeAnnotation',
  'nextAnnotation',
  'previousAnnotation',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** How to settle a file that another program changed since we read it. */
export const CONFLICT_CHOICES = ['overwrite', 'reload'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

/** Metadata of a document the analyst can edit; omitted fields stay as they are. */
export interface DocumentMetaPatch {
  title?: string;
  sourceUrl?: string;
  outlet?: string;
  author?: string;
  published?: string | null;
  retrieved?: string | null;
  language?: string;
  direction?: 'auto' | 'ltr' | 'rtl';
}

/** A source of the library as the analyst enters it: every field of {@link Source} but its id and times. */
export type SourceDraft = Omit<Source, 'id' | 'createdAt' | 'updatedAt'>;

/** A source just added to the library, and the project with it. */
export interface SourceAdded {
  view: ProjectView;
  source: Source;
}

/** One place that uses a source: evidence of a claim, or a source mention. */
export interface SourceUse {
  documentId: string;
  documentTitle: string;
  annotationId: string;
  /** "Claim C3 (evidence)", "Source mention “a UN representative”". */
  label: string;
}

/** What importing a CSL-JSON library did. */
export interface SourcesImported {
  view: ProjectView;
  added: number;
  /** Entries whose normalised URL (or, without a URL, title and date) matched a source already there. */
  duplicates: number;
  /** Entries that could not be read, each with the reason. */
  refused: string[];
}

/** A claim of the project, listed across documents (dashboard, CLI, claimant suggestions). */
export interface ClaimListing {
  documentId: string;
  documentTitle: string;
  claim: Claim;
}

/** A span of another document, placed in its current text (re-anchored), for evidence that points at it. */
export interface PlacedSpan {
  documentId: string;
  documentTitle: string;
  /** The anchor refreshed over the document's current text, or the stored one when it could not be placed. */
  anchor: Anchor;
  /** The words found there now, or null when they are gone (an orphaned span). */
  text: string | null;
}

/** What to export: a format of shared/report's REPORT_FORMATS, which documents (none listed: all), and the analyst's choices. */
export interface ReportRequest {
  format: string;
  documentIds: string[];
  options: ReportOptions;
  /** Who is named as the report's analyst ('' for nobody). */
  analyst: string;
  /** The fact-checking organisation publishing the report (ClaimReview's author); omitted for none. */
  organisation?: Organisation;
}

/**
 * An exported report: its suggested file name, MIME type and content — `text` for the text formats,
 * `base64` (the file's bytes) for a binary one (the PDF), so it crosses the browser host's JSON and
 * the desktop's structured clone alike.
 */
export type ReportFile = { fileName: string; mimeType: string } & ({ text: string; base64?: undefined } | { base64: string; text?: undefined });

/** A new tag of the codebook; the colour comes from the palette when omitted, and no parent means the top level. */
export interface NewTag {
  name: string;
  colour?: string;
  description?: string;
  parentId?: string | null;
}

/** Changes to a tag; omitted fields stay as they are, `parentId: null` moves it to the top level. */
export interface TagPatch {
  name?: string;
  colour?: string;
  description?: string;
  parentId?: string | null;
}

/** What became of one file of an import: the new document, or why it was refused. */
export interface ImportOutcome {
  fileName: string;
  document: DocumentSummary | null;
  error: AppError | null;
}

/**
 * The arguments of each call, in order. Runtime schemas for them live in
 * shared/contract-validation.ts (so the renderer bundle carries no validator), which fails to
 * compile unless its schemas infer exactly these types.
 */
/**
 * An edit of a document as the editor sends it (`patchDocumentContent`). With `base` null it is the
 * whole document: `blocks` are all its top-level blocks and `annotations` all its annotations with
 * refreshed selectors. Otherwise it changes the version `base` (the last one main accepted from
 * this editor): top-level blocks `[from, to)` become `blocks`, `annotations` are the annotation
 * table's entries that changed or are new (their selectors are refreshed by main), and `order`,
 * sent when the table's ids changed (and with the first patch after a whole document), lists every
 * id in the table's order; an id no longer listed is removed. Main refuses a patch whose base is
 * not its version with the error code `STALE_BASE`; the editor then sends the whole document.
 */
export interface ContentPatch {
  base: string | null;
  version: string;
  from: number;
  to: number;
  blocks: ContentNode[];
  annotations: Annotation[];
  order?: string[];
  /**
   * Why the text changed, when this send changes it: documents are read-only unless edited on
   * purpose, so main refuses (`READ_ONLY`) a send that changes the words without a note.
   */
  revision?: RevisionNote;
}

/** A document's original as imported and every revision of its text since (`listRevisions`). */
export interface RevisionList {
  documentId: string;
  /** The original's fingerprint and date (null for a document that has none recorded). */
  original: OriginalText | null;
  /** True when the original's content is on disk, so it can be restored. */
  originalKept: boolean;
  /** Oldest first. */
  revisions: Revision[];
}

export interface CallArguments {
  /** Names the app, its version and its host. */
  getAppInfo: [];
  /** Reads the user's settings: theme and recent projects. */
  getSettings: [];
  /** Sets the theme override and returns the new settings. */
  setTheme: [theme: Theme];
  /** Removes a project from the recent list (it is not deleted from disk). */
  forgetRecentProject: [path: string];
  /** Creates a new project folder at `path` (".factmark" is appended when missing) and opens it. */
  createProject: [request: { path: string; name: string }];
  /** Opens the project at `path`: its folder, or any file inside it. */
  openProject: [path: string];
  /** Saves what is pending and closes the open project. */
  closeProject: [];
  /** The open project, or null. */
  getOpenProject: [];
  /** Desktop only: asks the user for a project to open with the native dialog; null if cancelled. */
  pickProjectToOpen: [];
  /** Desktop only: asks the user where to create a project with the native dialog; null if cancelled. */
  pickProjectToCreate: [];
  /** Adds a document made from plain text to the open project. */
  createDocument: [request: { title: string; text: string }];
  /** Loads one document with its content and annotations. */
  getDocument: [documentId: string];
  /** Renames a document. */
  renameDocument: [documentId: string, title: string];
  /** Deletes a document from the project (a copy is kept in the project's trash folder). */
  deleteDocument: [documentId: string];
  /**
   * Replaces a document's content and annotations after an edit (text, marks or annotation
   * details); written by autosave shortly after. `content` is stored without the annotation table.
   * A change of the words needs `revision`, as a {@link ContentPatch} does.
   */
  updateDocumentContent: [documentId: string, content: ContentNode, annotations: Annotation[], revision?: RevisionNote];
  /**
   * Applies an edit sent as a {@link ContentPatch}, as `updateDocumentContent` would the whole
   * document. A patch on another base than main's version is refused with the error code
   * `STALE_BASE`, and nothing changes; the editor then sends the whole document.
   */
  patchDocumentContent: [documentId: string, patch: ContentPatch];
  /** Writes everything pending now (Save). */
  saveNow: [];
  /** Settles a conflict with a file changed on disk: keep ours (overwrite) or take theirs (reload). */
  resolveConflict: [choice: ConflictChoice];
  /** Opens an http(s) or mailto link in the user's browser (desktop); refuses every other scheme. */
  openExternal: [url: string];
  /** Desktop only: asks the user for files to import with the native dialog; empty if cancelled. */
  pickFilesToImport: [];
  /** Imports files from disk into the open project, each on its own (one bad file stops none of the others). */
  importFiles: [paths: string[], options: { encoding?: string }];
  /** Imports one file's content sent by the page (browser uploads and drops), base64-encoded. */
  importFileContent: [request: { fileName: string; base64: string; encoding?: string }];
  /** Imports pasted content: the clipboard's HTML (sanitised) when present, else its plain text. */
  importPasted: [request: { text: string; html?: string; title?: string }];
  /** Changes a document's title and metadata. */
  updateDocumentMeta: [documentId: string, patch: DocumentMetaPatch];
  /** Runs the text damage check on a document's current text and stores its warnings. */
  checkDocumentDamage: [documentId: string];
  /** Reads an imported text file again with another encoding, replacing the document's text (a 'reencode' revision). */
  reimportDocument: [documentId: string, encoding: string];
  /** The original as imported (fingerprint, date) and the revisions of a document's text. */
  listRevisions: [documentId: string];
  /** Brings back the text as imported, as a 'restore' revision; annotations are placed again on it. */
  restoreOriginal: [documentId: string];
  /** Adds a tag to the codebook; its name must differ from every other tag's, whatever the case. */
  createTag: [request: NewTag];
  /** Renames, recolours, describes or moves a tag (never under itself or a tag inside it). */
  updateTag: [tagId: string, patch: TagPatch];
  /** Deletes a tag: annotations stop carrying it, and the tags under it move up to its parent. */
  deleteTag: [tagId: string];
  /** Merges one tag into another: its annotations carry the other tag (once), its children move under it, and it is deleted. */
  mergeTags: [fromId: string, intoId: string];
  /** How many annotations carry each tag, over every document of the project (every tag listed, 0 included). */
  tagUsage: [];
  /** Adds a source to the library (validated: http/https URLs, real dates, publication not in the future). */
  createSource: [draft: SourceDraft];
  /** Changes a source's fields. */
  updateSource: [sourceId: string, draft: SourceDraft];
  /** Deletes a source; refused (IN_USE) while evidence or a source mention uses it, saying where. */
  deleteSource: [sourceId: string];
  /** Merges a duplicate into another source: evidence and mentions that used it use the other. */
  mergeSources: [fromId: string, intoId: string];
  /** Where each source is used, over every document (every source listed, unused ones with none). */
  sourceUsage: [];
  /** Adds the entries of a CSL-JSON file (as Zotero exports it) to the library, skipping duplicates. */
  importSources: [request: { fileName: string; text: string }];
  /** The library as CSL-JSON text (as Zotero imports it). */
  exportSources: [];
  /** Adds or replaces a rating scale of the project (its levels, descriptions, colours, order, values). */
  saveRatingScale: [scale: RatingScale];
  /** Chooses the project's rating scale. */
  setActiveRatingScale: [scaleId: string];
  /** Deletes a rating scale; refused (IN_USE) while a verdict uses one of its levels, saying where. */
  deleteRatingScale: [scaleId: string];
  /** Every claim of the project, in document order, document by document. */
  listClaims: [];
  /** A span of a document placed again in its current text (for evidence that points at it). */
  placeSpan: [documentId: string, anchor: Anchor];
  /** Builds a report of the open project in one format (the page shows it, or downloads it). */
  buildReport: [request: ReportRequest];
  /** Desktop only: asks where to save with the native dialog and writes the report atomically; null if cancelled. */
  saveReport: [request: ReportRequest];
  /** Names the web address the project's report is published at ('' for none): ClaimReview's `url` is built from it. */
  setReportAddress: [url: string];
}

export type CallName = keyof CallArguments;

/** Every call name, in a fixed order: the preload, the browser host client and tests build from it. */
export const CALL_NAMES = [
  'getAppInfo',
  'getSettings',
  'setTheme',
  'forgetRecentProject',
  'createProject',
  'openProject',
  'closeProject',
  'getOpenProject',
  'pickProjectToOpen',
  'pickProjectToCreate',
  'createDocument',
  'getDocument',
  'renameDocument',
  'deleteDocument',
  'updateDocumentContent',
  'patchDocumentContent',
  'saveNow',
  'resolveConflict',
  'openExternal',
  'pickFilesToImport',
  'importFiles',
  'importFileContent',
  'importPasted',
  'updateDocumentMeta',
  'checkDocumentDamage',
  'reimportDocument',
  'listRevisions',
  'restoreOriginal',
  'createTag',
  'updateTag',
  'deleteTag',
  'mergeTags',
  'tagUsage',
  'createSource',
  'updateSource',
  'deleteSource',
  'mergeSources',
  'sourceUsage',
  'importSources',
  'exportSources',
  'saveRatingScale',
  'setActiveRatingScale',
  'deleteRatingScale',
  'listClaims',
  'placeSpan',
  'buildReport',
  'saveReport',
  'setReportAddress',
] as const satisfies readonly CallName[];

export type CallArgs<K extends CallName> = CallArguments[K];

/** What each call returns on success. */
export interface CallResults {
  getAppInfo: AppInfo;
  getSettings: Settings;
  setTheme: Settings;
  forgetRecentProject: Settings;
  createProject: ProjectView;
  openProject: ProjectView;
  closeProject: null;
  getOpenProject: ProjectView | null;
  pickProjectToOpen: string | null;
  pickProjectToCreate: string | null;
  createDocument: DocumentSummary;
  getDocument: OpenedDocument;
  renameDocument: DocumentSummary;
  deleteDocument: null;
  updateDocumentContent: SaveStatus;
  patchDocumentContent: SaveStatus;
  saveNow: SaveStatus;
  resolveConflict: ProjectView | null;
  openExternal: null;
  pickFilesToImport: string[];
  importFiles: ImportOutcome[];
  importFileContent: DocumentSummary;
  importPasted: DocumentSummary;
  updateDocumentMeta: StoredDocument;
  checkDocumentDamage: StoredDocument;
  reimportDocument: OpenedDocument;
  listRevisions: RevisionList;
  restoreOriginal: OpenedDocument;
  createTag: ProjectView;
  updateTag: ProjectView;
  deleteTag: ProjectView;
  mergeTags: ProjectView;
  tagUsage: Record<string, number>;
  createSource: SourceAdded;
  updateSource: ProjectView;
  deleteSource: ProjectView;
  mergeSources: ProjectView;
  sourceUsage: Record<string, SourceUse[]>;
  importSources: SourcesImported;
  exportSources: string;
  saveRatingScale: ProjectView;
  setActiveRatingScale: ProjectView;
  deleteRatingScale: ProjectView;
  listClaims: ClaimListing[];
  placeSpan: PlacedSpan;
  buildReport: ReportFile;
  saveReport: string | null;
  setReportAddress: ProjectView;
}

/**
 * A document as opened: its stored form (annotations re-anchored if its text changed outside the
 * app) and what the analyst must be told about the opening, e.g. annotations set aside as unreadable.
 */
export interface OpenedDocument {
  document: StoredDocument;
  notices: string[];
  /**
   * The version of the text main holds, which `document` shows: the base of the editor's first
   * {@link ContentPatch}, so even the first edit after opening sends only what changed.
   */
  version: string;
}

/** Events main pushes to the renderer, with their payloads. */
export interface EventPayloads {
  /** Autosave state changed. */
  saveStatus: SaveStatus;
  /** A project was opened or closed from outside the renderer (menu, second launch, OS "open with"). */
  projectChanged: ProjectView | null;
  /** The native menu asked the renderer to run a command. */
  menuCommand: MenuCommand;
  /** The settings changed (theme from the menu, a project added to the recent list). */
  settingsChanged: Settings;
  /**
   * Main accepted an edit of a document: every window hears it, and one showing that document
   * whose own last edit is not `version` merges the document as main holds it (another window's
   * work) with its own unsent changes.
   */
  documentChanged: DocumentChange;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES = ['saveStatus', 'projectChanged', 'menuCommand', 'settingsChanged', 'documentChanged'] as const satisfies readonly EventName[];

/** A document's accepted edit, as {@link EventPayloads.documentChanged} tells it. */
export interface DocumentChange {
  documentId: string;
  /** The version main now holds: the one the edit was sent as. */
  version: string;
  /** The highest claim number the project has issued, so every window numbers on from it. */
  lastClaimNumber: number;
}

/** The typed API the renderer uses, identical over IPC and over the browser host. */
export type Api = { [K in CallName]: (...args: CallArgs<K>) => Promise<Result<CallResults[K]>> };

/** A listener registry for main's events; returns a function that unsubscribes. */
export type EventSubscriber = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => () => void;

/**
 * The one IPC message that is no call of the contract: the desktop preload tells main the path of
 * a file the user dropped on the window (Electron's `webUtils.getPathForFile`, behind
 * `pathForFile`), so that main accepts that path in the calls that take paths. The page cannot
 * send it: the preload sends only the path Electron gives for a real File, never a string the page
 * hands it (main/desktop/path-grants.ts).
 */
export const DROPPED_FILE_CHANNEL = 'factmark:dropped-file';

/** The IPC channel of a call. */
export function callChannel(name: CallName): string {
  return `factmark:call:${name}`;
}

/** The IPC channel of an event. */
export function eventChannel(name: EventName): string {
  return `factmark:event:${name}`;
}

/** The name of the preload function that subscribes to an event, e.g. `onSaveStatus`. */
export function eventSubscriberName(name: EventName): string {
  return `on${name[0]!.toUpperCase()}${name.slice(1)}`;
}

/** The object the preload exposes on `window.factmark`: one function per call, one subscriber per event. */
export type PreloadSurface = Api & {
  [E in EventName as `on${Capitalize<E>}`]: (listener: (payload: EventPayloads[E]) => void) => () => void;
} & {
  /**
   * The file-system path of a file dropped on the window (Electron's webUtils), or '' for none.
   * Main accepts that path in the calls that take paths from then on ({@link DROPPED_FILE_CHANNEL}).
   */
  pathForFile: (file: unknown) => string;
};

/** True when two types are the same (used for compile-time agreement checks). */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Compile-time checks: every call has a result type and is listed in CALL_NAMES, and vice versa.
const callsAndResultsAgree: Same<CallName, keyof CallResults> = true;
const namesListComplete: Same<CallName, (typeof CALL_NAMES)[number]> = true;
const eventListComplete: Same<EventName, (typeof EVENT_NAMES)[number]> = true;
void callsAndResultsAgree;
void namesListComplete;
void eventListComplete;
