/**
 * The user's settings: theme, recent projects and the desktop window's place, in
 * `<settingsDir>/settings.json`, written with the same atomic writer as projects. Settings are not
 * user work: a damaged file is renamed aside (`settings.json.corrupt-<time>`) and defaults are used.
 * Written directly, without the project files' lowdb adapter and its conflict check: only this app
 * writes settings, and the last change wins.
 */
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import * as z from 'zod';
import { THEMES, type RecentProject, type Theme } from '../../shared/contract.js';
import { Line, Timestamp } from '../../shared/model/index.js';
import { FactmarkError } from '../../shared/result.js';
import { writeFileAtomic, type AtomicFs } from './store/atomic-file.js';
import { describeIssue } from './store/describe-issue.js';
import { writeError } from './store/file-errors.js';
import { readFileSnapshot } from './store/fingerprint.js';

/** The settings file's name inside the settings folder. */
export const SETTINGS_FILE = 'settings.json';
/** How many recent projects are remembered. */
export const MAX_RECENT_PROJECTS = 10;
const SETTINGS_VERSION = 1;

/** Where and how large the desktop window was, to reopen it there. */
export const WindowState = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowState>;

const ThemeSchema = z.enum(THEMES);
const RecentProjectEntry = z.strictObject({ path: z.string().min(1).max(4_096), name: Line, openedAt: Timestamp });

const StoredSettings = z.strictObject({
  schemaVersion: z.literal(SETTINGS_VERSION),
  theme: ThemeSchema.default('system'),
  recentProjects: z.array(RecentProjectEntry).max(MAX_RECENT_PROJECTS).default([]),
  windowState: WindowState.nullable().default(null),
});
type StoredSettings = z.infer<typeof StoredSettings>;

const DEFAULTS: StoredSettings = { schemaVersion: SETTINGS_VERSION, theme: 'system', recentProjects: [], windowState: null };

export interface SettingsStoreOptions {
  /** The clock for `openedAt` and the name of a corrupt file set aside. */
  now?: () => Date;
  /** The file-system calls of the atomic writer (tests make one fail). */
  fs?: AtomicFs;
}

export class SettingsStore {
  /** The last write, so writes happen one after another and the last change is the last written. */
  private writing: Promise<unknown> = Promise.resolve();

  private constructor(
    /** The settings file. */
    readonly path: string,
    private data: StoredSettings,
    private readonly options: SettingsStoreOptions,
  ) {}

  /**
   * Reads the settings in `dir` (which need not exist yet). A missing file gives the defaults; a
   * damaged or invalid one is renamed aside and gives the defaults too.
   */
  static async open(dir: string, options: SettingsStoreOptions = {}): Promise<SettingsStore> {
    const path = join(resolve(dir), SETTINGS_FILE);
    const snapshot = await readFileSnapshot(path);
    if (!snapshot) return new SettingsStore(path, DEFAULTS, options);
    const parsed = StoredSettings.safeParse(parseJsonOrUndefined(snapshot.bytes));
    if (parsed.success) return new SettingsStore(path, parsed.data, options);
    const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
    await rename(path, `${path}.corrupt-${stamp}`).catch(() => undefined); // if it cannot move, the next save replaces it
    return new SettingsStore(path, DEFAULTS, options);
  }

  /** The colour theme. */
  get theme(): Theme {
    return this.data.theme;
  }

  /** Recently opened projects, most recent first. */
  get recentProjects(): RecentProject[] {
    return this.data.recentProjects.map((entry) => ({ ...entry }));
  }

  /** Where the desktop window was last, or null before the first run. */
  get windowState(): WindowState | null {
    return this.data.windowState && { ...this.data.windowState };
  }

  /** Sets the theme and saves. */
  async setTheme(theme: Theme): Promise<void> {
    await this.change({ theme: valid(ThemeSchema, theme, 'theme') });
  }

  /** Puts a project at the top of the recent list (once per path, at most {@link MAX_RECENT_PROJECTS}) and saves. */
  async rememberProject(project: { path: string; name: string }): Promise<void> {
    const path = resolve(project.path);
    const entry = valid(RecentProjectEntry, { path, name: project.name.trim(), openedAt: (this.options.now?.() ?? new Date()).toISOString() }, 'recent project');
    const others = this.data.recentProjects.filter((p) => p.path !== path);
    await this.change({ recentProjects: [entry, ...others].slice(0, MAX_RECENT_PROJECTS) });
  }

  /** Removes a project from the recent list (the project itself stays on disk) and saves. */
  async forgetProject(path: string): Promise<void> {
    const target = resolve(path);
    await this.change({ recentProjects: this.data.recentProjects.filter((p) => p.path !== target) });
  }

  /** Remembers the desktop window's place and size (null forgets it) and saves. */
  async setWindowState(state: WindowState | null): Promise<void> {
    await this.change({ windowState: state && valid(WindowState, state, 'window state') });
  }

  /**
   * Applies a change in memory at once, then writes all settings after any write still running.
   * A failed write (read-only or full disk) rejects; the change stays in memory for the next write.
   */
  private change(patch: Partial<StoredSettings>): Promise<void> {
    this.data = { ...this.data, ...patch };
    const write = this.writing.then(async () => {
      await mkdir(dirname(this.path), { recursive: true }).catch((error: unknown) => {
        throw writeError(error, this.path);
      });
      await writeFileAtomic(this.path, JSON.stringify(this.data), this.options.fs);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }
}

/** `value` checked against `schema`; `INVALID_ARGUMENT` naming the first problem otherwise. */
function valid<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new FactmarkError('INVALID_ARGUMENT', `Invalid ${what}: ${describeIssue(parsed.error)}.`);
  return parsed.data;
}

function parseJsonOrUndefined(bytes: Buffer): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
}
