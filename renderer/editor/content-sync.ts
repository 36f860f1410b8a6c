/**
 * Sends edited document content to main shortly after the analyst stops typing, and at once when
 * asked (switching documents, closing the project, Save). Main then autosaves it to disk.
 * At most one pending send per document; the newest content always wins.
 */
import type { ContentNode } from '../../shared/model/document.js';
import type { Result } from '../../shared/result.js';

export type ContentSender = (documentId: string, content: ContentNode) => Promise<Result<unknown>>;

export class ContentSync {
  private readonly pending = new Map<string, () => ContentNode>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly send: ContentSender,
    private readonly onError: (message: string) => void,
    private readonly delayMs = 300,
  ) {}

  /** Notes that a document changed; `read` gives its content when the send happens. */
  changed(documentId: string, read: () => ContentNode): void {
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
    const batch = [...this.pending];
    this.pending.clear();
    // Every send starts before the first await, so a page that is unloading still hands them all over.
    const results = await Promise.all(batch.map(([documentId, read]) => this.send(documentId, read())));
    for (const result of results) if (!result.ok) this.onError(result.error.message);
  }
}
