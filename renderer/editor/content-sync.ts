/**
 * Sends edited document content to main shortly after the analyst stops typing, and at once when
 * asked (switching documents, closing the project, Save). Main then autosaves it to disk.
 * At most one pending send per document; the newest content always wins.
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
  ) {}

  /** Notes that a document changed; `read` gives its snapshot when the send happens. */
  changed(documentId: string, read: () => DocumentSnapshot): void {
    if (this.pending.size === 0) this.onPendingChange(true);
    this.pending.set(documentId, read);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
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
