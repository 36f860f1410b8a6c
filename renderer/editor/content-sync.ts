/**
 * Sends edited document content to main shortly after the analyst stops typing, and at once when
 * asked (switching documents, closing the project, Save). Main then autosaves it to disk.
 * At most one pending send per document; the newest content always wins.
 *
 * A send carries only what changed since the last one ({@link DocumentSender}): the top-level
 * blocks between the first and the last one that are not the same objects as before (ProseMirror
 * keeps unchanged blocks as the same nodes), and the annotation table's entries that are not the
 * same records. That takes well under a millisecond even for a long document, and main refreshes
 * the selectors. The first patch of an editor is made on the version main said it holds when the
 * document was opened ({@link ContentSync.opened}, {@link ContentSync.begin}). Without one, and
 * after main refused a patch, a send is the whole document with refreshed selectors; it still
 * waits for a pause in typing and an idle moment.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { refreshAnchors } from '../../shared/annotations/refresh.js';
import { contentOf, tableOf, type AnnotationTable } from '../../shared/annotations/table.js';
import { STALE_BASE_MESSAGE, type ContentPatch, type OpenedDocument } from '../../shared/contract.js';
import type { ContentNode, StoredDocument } from '../../shared/model/document.js';
import type { Result } from '../../shared/result.js';
import { whenIdle } from '../idle.js';

/** What is read of a document to send it: its node, carrying its annotation table. */
export type DocumentSnapshot = ProseMirrorNode;

/** Hands one edit of a document to main (`patchDocumentContent`). */
export type ContentSender = (documentId: string, patch: ContentPatch) => Promise<Result<unknown>>;

/** Runs `work` when the page is idle (or after `timeoutMs` at the latest). */
export type IdleScheduler = (work: () => void, timeoutMs: number) => void;

/** What main holds of a document after the last send: the base of the next patch. */
interface SentVersion {
  doc: ProseMirrorNode;
  table: AnnotationTable;
  /** The table's ids as main knows them; null until a patch told it. */
  order: string[] | null;
  version: string;
}

let senders = 0;

/**
 * Makes the edits of one document into patches: the whole document first, then what changed since
 * the last patch it made. It assumes main accepted every patch it made; after a refusal call
 * {@link reset}, and the next patch is the whole document again.
 */
export class DocumentSender {
  private base: SentVersion | null = null;
  private count = 0;
  private readonly prefix = `${(senders += 1)}-${Math.random().toString(36).slice(2, 10)}`;

  /** Starts from `doc` as main holds it at `version`: the first patch is what changed since. */
  static from(doc: ProseMirrorNode, version: string): DocumentSender {
    const sender = new DocumentSender();
    sender.base = { doc, table: tableOf(doc), order: null, version };
    return sender;
  }

  /** The patch that takes main from the last patch made to `doc`; `doc` becomes the base of the next one. */
  next(doc: ProseMirrorNode): ContentPatch {
    const version = `${this.prefix}-${(this.count += 1)}`;
    const table = tableOf(doc);
    const base = this.base;
    if (!base) {
      this.base = { doc, table, order: null, version };
      return { base: null, version, from: 0, to: 0, blocks: contentOf(doc).content ?? [], annotations: refreshAnchors(doc) };
    }
    const before = base.doc;
    const shorter = Math.min(before.childCount, doc.childCount);
    let from = 0;
    while (from < shorter && before.child(from) === doc.child(from)) from++;
    let to = before.childCount;
    let end = doc.childCount;
    while (to > from && end > from && before.child(to - 1) === doc.child(end - 1)) {
      to--;
      end--;
    }
    const blocks: ContentNode[] = [];
    for (let i = from; i < end; i++) blocks.push(doc.child(i).toJSON() as ContentNode);
    const changed = Object.values(table).filter((entry) => base.table[entry.id] !== entry);
    const keys = Object.keys(table);
    const sameOrder = base.order !== null && base.order.length === keys.length && keys.every((id, i) => base.order![i] === id);
    this.base = { doc, table, order: keys, version };
    return { base: base.version, version, from, to, blocks, annotations: changed, ...(sameOrder ? {} : { order: keys }) };
  }

  /** Forgets what main holds: the next patch is the whole document. */
  reset(): void {
    this.base = null;
  }
}

/** True when main refused a patch because it holds another version: the whole document goes again. */
export function isStaleBase(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'INVALID_ARGUMENT' && result.error.message.startsWith(STALE_BASE_MESSAGE);
}

/** The longest a send waits for the page to be idle once typing paused. */
const IDLE_TIMEOUT_MS = 1_000;


export class ContentSync {
  private readonly pending = new Map<string, () => DocumentSnapshot>();
  private readonly senders = new Map<string, DocumentSender>();
  /** The last opening of each document not yet begun by an editor. */
  private readonly openings = new Map<string, OpenedDocument>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  /**
   * @param send hands one document's edit to main.
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

  /** Notes that a document changed; `read` gives its node (with its annotation table) when the send happens. */
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
    const results = await Promise.all(batch.map(([documentId, read]) => this.sendEdit(documentId, read())));
    this.onPendingChange(this.pending.size > 0);
    for (const result of results) if (!result.ok) this.onError(result.error.message);
  }

  /** Notes the version main holds of a document just opened, for the editor that will show it. */
  opened(opened: OpenedDocument): void {
    this.openings.set(opened.document.id, opened);
  }

  /**
   * An editor began showing `document` as `doc`: when that is the document last {@link opened},
   * its next send is a patch on the version main gave with it.
   */
  begin(document: StoredDocument, doc: DocumentSnapshot): void {
    const opened = this.openings.get(document.id);
    this.openings.delete(document.id);
    if (opened?.document === document && !this.pending.has(document.id)) this.senders.set(document.id, DocumentSender.from(doc, opened.version));
  }

  /**
   * Sends what a closing editor left and then forgets what was last sent of its document, unless
   * a new editor began meanwhile or an edit still waits: a new editor's blocks are all new
   * objects, so that base would save nothing, and it would keep the closed document in memory.
   */
  async close(documentId: string): Promise<void> {
    const sender = this.senders.get(documentId);
    await this.flush();
    if (!this.pending.has(documentId) && this.senders.get(documentId) === sender) this.senders.delete(documentId);
  }

  /** Sends one document's edit; when main holds another version, sends the whole document instead. */
  private sendEdit(documentId: string, doc: DocumentSnapshot): Promise<Result<unknown>> {
    let sender = this.senders.get(documentId);
    if (!sender) this.senders.set(documentId, (sender = new DocumentSender()));
    const patch = sender.next(doc);
    return this.send(documentId, patch).then((result) => {
      if (result.ok) return result;
      sender.reset();
      if (patch.base === null || !isStaleBase(result)) return result;
      return this.send(documentId, sender.next(doc)).then((again) => {
        if (!again.ok) sender.reset();
        return again;
      });
    });
  }
}
