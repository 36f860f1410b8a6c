/**
 * The single IPC contract: every call the renderer can make of the main process and every event
 * main pushes to the renderer. Main registers one handler per call (main/ipc), the preload exposes
 * one function per call (main/preload.ts), the browser host serves the same calls over loopback
 * HTTP (main/browser-host), and the renderer talks through one typed client (renderer/api).
 * Arguments are validated at runtime against the schemas below: the renderer is untrusted.
 */
import { z } from 'zod';
import type { Result } from './result.js';
import { DocContent, Id, Line, type DocumentSummary, type StoredDocument, type StoredProject } from './model/index.js';

/** A file-system path as the user gave it. Checked further (absolute, no NUL) by the services. */
export const PathArg = z.string().min(1).max(4_096).refine((p) => !p.includes('\0'), 'a path has no NUL character');

/** The app's colour theme: follow the operating system, or force one. */
export const THEMES = ['system', 'light', 'dark'] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

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
export const MENU_COMMANDS = ['newProject', 'openProject', 'closeProject', 'save', 'newDocument', 'about', 'find'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** How to settle a file that another program changed since we read it. */
export const ConflictChoice = z.enum(['overwrite', 'reload']);

/** Argument schemas, one tuple per call, with what each call does. */
export const calls = {
  /** Names the app, its version and its host. */
  getAppInfo: z.tuple([]),
  /** Reads the user's settings: theme and recent projects. */
  getSettings: z.tuple([]),
  /** Sets the theme override and returns the new settings. */
  setTheme: z.tuple([Theme]),
  /** Removes a project from the recent list (it is not deleted from disk). */
  forgetRecentProject: z.tuple([PathArg]),
  /** Creates a new project folder at `path` (".factmark" is appended when missing) and opens it. */
  createProject: z.tuple([z.strictObject({ path: PathArg, name: Line.min(1) })]),
  /** Opens the project at `path`: its folder, or any file inside it. */
  openProject: z.tuple([PathArg]),
  /** Saves what is pending and closes the open project. */
  closeProject: z.tuple([]),
  /** The open project, or null. */
  getOpenProject: z.tuple([]),
  /** Desktop only: asks the user for a project to open with the native dialog; null if cancelled. */
  pickProjectToOpen: z.tuple([]),
  /** Desktop only: asks the user where to create a project with the native dialog; null if cancelled. */
  pickProjectToCreate: z.tuple([]),
  /** Adds a document made from plain text to the open project. */
  createDocument: z.tuple([z.strictObject({ title: Line.min(1), text: z.string().max(50_000_000) })]),
  /** Loads one document with its content and annotations. */
  getDocument: z.tuple([Id]),
  /** Renames a document. */
  renameDocument: z.tuple([Id, Line.min(1)]),
  /** Deletes a document from the project (a copy is kept in the project's trash folder). */
  deleteDocument: z.tuple([Id]),
  /** Replaces a document's content after an edit; written by autosave shortly after. */
  updateDocumentContent: z.tuple([Id, DocContent]),
  /** Writes everything pending now (Save). */
  saveNow: z.tuple([]),
  /** Settles a conflict with a file changed on disk: keep ours (overwrite) or take theirs (reload). */
  resolveConflict: z.tuple([ConflictChoice]),
  /** Opens an http(s) or mailto link in the user's browser (desktop); refuses every other scheme. */
  openExternal: z.tuple([z.string().max(4_096)]),
} as const;

export type CallName = keyof typeof calls;
export const CALL_NAMES = Object.keys(calls) as CallName[];
export type CallArgs<K extends CallName> = z.infer<(typeof calls)[K]>;

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
  getDocument: StoredDocument;
  renameDocument: DocumentSummary;
  deleteDocument: null;
  updateDocumentContent: SaveStatus;
  saveNow: SaveStatus;
  resolveConflict: ProjectView | null;
  openExternal: null;
}

/** Events main pushes to the renderer, with their payloads. */
export interface EventPayloads {
  /** Autosave state changed. */
  saveStatus: SaveStatus;
  /** A project was opened or closed from outside the renderer (menu, second launch, OS "open with"). */
  projectChanged: ProjectView | null;
  /** The native menu asked the renderer to run a command. */
  menuCommand: MenuCommand;
}
export type EventName = keyof EventPayloads;
export const EVENT_NAMES: readonly EventName[] = ['saveStatus', 'projectChanged', 'menuCommand'];

/** The typed API the renderer uses, identical over IPC and over the browser host. */
export type Api = { [K in CallName]: (...args: CallArgs<K>) => Promise<Result<CallResults[K]>> };

/** A listener registry for main's events; returns a function that unsubscribes. */
export type EventSubscriber = <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => () => void;

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
  /** The file-system path of a file dropped on the window (Electron's webUtils), or '' for none. */
  pathForFile: (file: unknown) => string;
};

// Compile-time check: every call has a result type and every result type has a call.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const callsAndResultsAgree: Exact<CallName, keyof CallResults> = true;
void callsAndResultsAgree;
