/**
 * What the hosts (Electron desktop, browser host, tests) give the services and get back from them.
 * Services never import `electron`: desktop-only abilities (native dialogs, opening links) arrive
 * here as plain functions, so the same services run under Node in tests and in the browser host.
 */
import type { EventName, EventPayloads, HostKind, ProjectView } from '../../shared/contract.js';
import type { Handlers } from '../ipc/dispatch.js';

/** Sends an event to every renderer of this host. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayloads[E]) => void;

/** Abilities only some hosts have. Absent ones make the matching call fail with `UNSUPPORTED`. */
export interface HostAbilities {
  /** Shows a native "open project" dialog; resolves to the chosen path or null. */
  pickProjectToOpen?: () => Promise<string | null>;
  /** Shows a native "new project" save dialog; resolves to the chosen path or null. */
  pickProjectToCreate?: () => Promise<string | null>;
  /** Shows a native "import files" dialog; resolves to the chosen paths (empty when cancelled). */
  pickFilesToImport?: () => Promise<string[]>;
  /** Shows a native "export report" save dialog suggesting `fileName`, filtered to `extension`; resolves to the chosen path or null. */
  pickReportPath?: (suggestion: { fileName: string; extension: string }) => Promise<string | null>;
  /** Opens an already-validated http(s)/mailto URL in the user's browser. */
  openExternal?: (url: string) => Promise<void>;
  /**
   * Prints an HTML page to PDF bytes (Chromium, desktop only). When present, the PDF report is the
   * printed HTML report instead of the pdfkit one; Chromium dates it, so it is not byte-for-byte
   * reproducible.
   */
  printHtmlToPdf?: (html: string) => Promise<Uint8Array>;
}

export interface ServiceOptions {
  /** Which host serves the renderer. */
  host: HostKind;
  /** Folder for the user's settings (Electron's userData; a temp folder in tests). */
  settingsDir: string;
  /** The app version shown in About and written into reports. */
  version: string;
  /** Pushes events to the renderer(s). */
  emit: EventSink;
  /** Desktop-only abilities. */
  abilities?: HostAbilities;
  /** Autosave delay after the last change, in milliseconds (default 750). */
  autosaveDelayMs?: number;
}

/** The running services: the contract's handlers plus what the host itself needs. */
export interface AppServices {
  handlers: Handlers;
  /** Opens a project the host was asked to open (argv, second instance, OS "open with", drop); emits `projectChanged`. */
  openFromHost(path: string): Promise<ProjectView>;
  /** True while a change has not reached the disk. */
  hasUnsavedChanges(): boolean;
  /** Writes what is pending and releases the open project (quit). */
  shutdown(): Promise<void>;
}
