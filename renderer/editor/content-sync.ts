/**
 * Sends edited document content to main shortly after the analyst stops typing, and at once when
 * asked (switching documents, closing the project, Save). Main then autosaves it to disk.
 * At most one pending send per document; the newest content always wins.
 *
 * Reading a snapshot of a long document (its JSON and every annotation's refreshed selectors) is
 * tens of milliseconds of script, so a send waits for a pause in typing and then for the browser
 * to be idle: it never lands between two keystrokes.
 */
import type { Annotation } from '../../shared/model/annotation.js';
import type { ContentNode } from '../../shared/model/document.js';
import type { Result } from '../../shared/result.js';

/** What is sent of a document: its content (without the annotation table) and its annotations. */
export interface DocumentSnapshot {
  content: ContentNode;
  annotations: Annotation[];
}

export type ContentSender = (documentId: string, snapshot: DocumentSnapshot) => Promise<Result<unknown>>;

/** Runs `work` when the page is idle (or after `timeoutMs` at the latest). */
export type IdleScheduler = (work: () => void, timeoutMs: number) => void;

/** The browser's idle callback where there is one, else the next turn of the event loop. */
const whenIdle: IdleScheduler = (work, timeoutMs) => {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: timeoutMs });
  else setTimeout(work, 0);
};

/** The longest a send waits for the page to be idle once typing paused. */
const IDLE_TIMEOUT_MS = 1_000;


export class ContentSync {
  private readonly pending = new Map<string, () => DocumentSnapshot>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /**
   * @param send hands one document's content to main.
   * @param onError reports a send that failed.
   * @param onPendingChange says when edits start and stop waiting here, so the status bar never
   *   claims "saved" while an edit has not even left the page.
   */
  constructor(
    private readonly send: ContentSender,
    private readonly onError: (message: string) => void,
    private readonly onPendingChange: (pending: boolean) => void = () => {},
    private readonly delayMs = 300,
    private readonly idle: IdleScheduler = whenIdle,
  ) {}

  /** Notes that a document changed; `read` gives its snapshot when the send happens. */
  changed(documentId: string, read: () => DocumentSnapshot): void {
    if (this.pending.size === 0) this.onPendingChange(true);
    this.pending.set(documentId, read);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.idle(() => {
        // A keystroke since the pause started a new wait: that one sends.
        if (this.timer === null) void this.flush();
      }, IDLE_TIMEOUT_MS);
    }, this.delayMs);
  }

  /** True while an edit has not been handed to main. */
  hasPending(): boolean {
    return this.pending.size > 0;
  }

  /** Hands every pending edit to main now. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.pending.size === 0) return;
    const batch = [...this.pending];
    this.pending.clear();
    // Every send starts before the first await, so a page that is unloading still hands them all over.
    const results = await Promise.all(batch.map(([documentId, read]) => this.send(documentId, read())));
    this.onPendingChange(this.pending.size > 0);
    for (const result of results) if (!result.ok) this.onError(result.error.message);
  }
}
