/**
 * Sends edited document content to main shortly after the analyst stops typing, and at once when
 * asked (switching documents, closing the project, Save). Main then autosaves it to disk.
 * At most one pending send per document; the newest content always wins.
 *
 * A send carries only what changed since the last one (a {@link PatchMaker}): the top-level
 * blocks between the first and the last one that are not the same objects as before (ProseMirror
 * keeps unchanged blocks as the same nodes), and the annotation table's entries that are not the
 * same records. That takes well under a millisecond even for a long document, and main refreshes
 * the selectors. The first patch of an editor is made on the version main said it holds when the
 * document was opened ({@link ContentSync.opened}, {@link ContentSync.begin}). Without one, and
 * after main refused a patch, a send is the whole document with refreshed selectors; it still
 * waits for a pause in typing and an idle moment.
 *
 * Another window (a second tab, a second desktop window) may change the same document. A patch
 * main refuses as made on another version (STALE_BASE), and main's word that it accepted another
 * window's edit of a shown document ({@link ContentSync.changedElsewhere}), start a merge: the page
 * merges main's document with this window's (SyncHooks.onStale, ../app/other-windows.ts) and hands
 * it back ({@link ContentSync.rebased}); until then the edits wait here, unsaved, never sent whole
 * over the other window's work.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import type { ContentPatch, OpenedDocument } from '../../shared/contract.js';
import type { StoredDocument } from '../../shared/model/document.js';
import type { Result } from '../../shared/result.js';
import { whenIdle } from '../idle.js';
import type { TextRevisionNote } from './text-revision.js';

/** What is read of a document to send it: its node, carrying its annotation table. */
export type DocumentSnapshot = ProseMirrorNode;

/** Hands one edit of a document to main (`patchDocumentContent`). */
export type ContentSender = (documentId: string, patch: ContentPatch) => Promise<Result<unknown>>;

/** Runs `work` when the page is idle (or after `timeoutMs` at the latest). */
export type IdleScheduler = (work: () => void, timeoutMs: number) => void;

/** Makes one document's edits into patches ({@link DocumentSender} in ./document-sender.ts). */
export interface PatchMaker {
  /** The patch that takes main from the last patch made to `doc`. */
  next(doc: DocumentSnapshot): ContentPatch;
  /** Forgets what main holds: the next patch is the whole document. */
  reset(): void;
}

/**
 * Makes patch makers: a fresh one (its first patch is the whole document), or one on `doc` as main
 * holds it at `version`. The editor hands these over ({@link ContentSync.begin}), so that starting
 * the page loads neither ProseMirror nor the anchoring code that whole sends need.
 */
export interface PatchMakers {
  fresh(): PatchMaker;
  from(doc: DocumentSnapshot, version: string): PatchMaker;
}

/** True when main refused a patch because it holds another version: the whole document goes again. */
export function isStaleBase(result: Result<unknown>): boolean {
  return !result.ok && result.error.code === 'STALE_BASE';
}

/**
 * One note for text changes sent together: a repair's detail is kept (the analyst made it on
 * purpose, naming its warning), and edits beside it are said too.
 */
function mergeNotes(old: TextRevisionNote | undefined, next: TextRevisionNote): TextRevisionNote {
  if (!old) return next;
  const by = next.analyst ?? old.analyst;
  const signedBy = (note: TextRevisionNote): TextRevisionNote => (by ? { ...note, analyst: by } : note);
  if (old.reason === next.reason) return signedBy(old.detail === next.detail || !next.detail ? old : { reason: old.reason, detail: old.detail ? `${old.detail}; ${next.detail}` : next.detail });
  const repair = old.reason === 'repair' ? old : next;
  return signedBy({ reason: 'repair', detail: `${repair.detail ?? 'a damage repair'}, with edits in edit mode` });
}

/** The longest a send waits for the page to be idle once typing paused. */
const IDLE_TIMEOUT_MS = 1_000;

/** A document whose last send main refused: what it said. Until a send succeeds, it is not saved. */
export interface Refusal {
  documentId: string;
  code: string;
  message: string;
  /** With `CLAIM_NUMBER_TAKEN`: the number taken and the next free one, so the page can renumber. */
  claimNumber?: { taken: string; next: string };
}

/**
 * A document another window changed while this one had edits of it, or was showing it: what this
 * window last had accepted by main (the base of its edits), and how to read its current state.
 */
export interface StaleDocument {
  documentId: string;
  base: DocumentSnapshot;
  /** The document as this window has it now, unsent edits included. */
  read: () => DocumentSnapshot;
}

/** A merge of a stale document with main's (renderer/editor/rebase.ts), handed back by {@link ContentSync.rebased}. */
export interface RebasedDocument {
  documentId: string;
  /** The document as main holds it, at `version`: the base of the next patch. */
  main: DocumentSnapshot;
  version: string;
  /** Main's document with this window's edits in it. */
  merged: DocumentSnapshot;
  /** True when the merge holds edits main does not have yet: they are sent. */
  localChanges: boolean;
}

/** What the page around the sync may do at its edges. */
export interface SyncHooks {
  /** Runs first in every flush: hands over what the page still holds (card fields being typed). */
  gather?: () => void;
  /** Says when a document's edits were refused (and not saved), and when that is over (null). */
  onRefusal?: (refusals: readonly Refusal[]) => void;
  /**
   * Another window changed a document this one edits or shows: merge it with main's and call
   * {@link ContentSync.rebased} (or {@link ContentSync.rebaseFailed}). Without this hook a patch on
   * an old version is sent again as the whole document.
   */
  onStale?: (stale: StaleDocument) => void;
}

/** How many of its own sent versions per document a window remembers, to tell its edits from others'. */
const OWN_VERSIONS_KEPT = 64;

export class ContentSync {
  private readonly pending = new Map<string, () => DocumentSnapshot>();
  /** Why the text of each pending document changed, when it did: sent with its next patch. */
  private readonly revisions = new Map<string, TextRevisionNote>();
  private readonly senders = new Map<string, PatchMaker>();
  /** The last opening of each document not yet begun by an editor. */
  private readonly openings = new Map<string, OpenedDocument>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Documents whose last send main refused, with the snapshot to send again and main's words. */
  private readonly refused = new Map<string, { read: () => DocumentSnapshot; refusal: Refusal }>();
  /** What main last accepted of each document from this window, or opened it with, and its version: the base of a merge or a retry. */
  private readonly accepted = new Map<string, { doc: DocumentSnapshot; version: string }>();
  /** How each shown document is read (its editor's current state). */
  private readonly readers = new Map<string, () => DocumentSnapshot>();
  /** The versions this window sent of each document, newest last. */
  private readonly ownVersions = new Map<string, string[]>();
  /** Documents being merged with another window's changes: their edits wait here until then. */
  private readonly stale = new Map<string, () => DocumentSnapshot>();
  /** Documents with a send on its way to main. */
  private readonly inFlight = new Set<string>();

  /**
   * @param send hands one document's edit to main.
   * @param onError reports a send that failed.
   * @param onPendingChange says when edits start and stop waiting here, so the status bar never
   *   claims "saved" while an edit has not even left the page.
   * @param makers makes patches; else the first editor to {@link begin} hands them over.
   * @param hooks what runs before a flush, and who hears of refusals.
   */
  constructor(
    private readonly send: ContentSender,
    private readonly onError: (message: string) => void,
    private readonly onPendingChange: (pending: boolean) => void = () => {},
    private readonly delayMs = 300,
    private readonly idle: IdleScheduler = whenIdle,
    private makers: PatchMakers | null = null,
    private readonly hooks: SyncHooks = {},
  ) {}

  /**
   * Notes that a document changed; `read` gives its node (with its annotation table) when the send
   * happens. `revision` says why its text changed, when the change touched the text.
   */
  changed(documentId: string, read: () => DocumentSnapshot, revision?: TextRevisionNote): void {
    if (this.pending.size === 0) this.onPendingChange(true);
    this.pending.set(documentId, read);
    if (revision) this.revisions.set(documentId, mergeNotes(this.revisions.get(documentId), revision));
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.idle(() => {
        // A keystroke since the pause started a new wait: that one sends.
        if (this.timer === null) void this.flush();
      }, IDLE_TIMEOUT_MS);
    }, this.delayMs);
  }

  /** True while an edit has not been handed to main (or waits for a merge with another window's). */
  hasPending(): boolean {
    return this.pending.size > 0 || this.stale.size > 0;
  }

  /** The documents whose edits main refused and that are not saved since. */
  refusals(): Refusal[] {
    return [...this.refused.values()].map(({ refusal }) => refusal);
  }

  /** Hands every pending edit to main now, and sends again what main refused before. */
  async flush(): Promise<void> {
    this.hooks.gather?.();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const [documentId, { read }] of this.refused) if (!this.pending.has(documentId)) this.pending.set(documentId, read);
    // A document being merged sends once the merge is done (rebased), not before.
    const ready = [...this.pending].filter(([documentId]) => !this.stale.has(documentId));
    if (ready.length === 0) return;
    const batch = ready.map(([documentId, read]) => ({ documentId, read, revision: this.revisions.get(documentId) }));
    for (const { documentId } of batch) {
      this.pending.delete(documentId);
      this.revisions.delete(documentId);
    }
    // Every send starts before the first await, so a page that is unloading still hands them all over.
    const results = await Promise.all(batch.map(({ documentId, read, revision }) => this.sendEdit(documentId, read(), revision)));
    let refusalsChanged = false;
    batch.forEach(({ documentId, read, revision }, i) => {
      const result = results[i]!;
      if (result.ok) {
        refusalsChanged = this.refused.delete(documentId) || refusalsChanged;
        return;
      }
      // Not saved: kept to be sent again (with its reason) after a merge or by the next flush.
      if (revision && !this.revisions.has(documentId)) this.revisions.set(documentId, revision);
      const again = this.pending.get(documentId) ?? read;
      if (isStaleBase(result) && this.hooks.onStale) {
        refusalsChanged = this.refused.delete(documentId) || refusalsChanged;
        this.pending.set(documentId, again);
        this.startMerge(documentId, again);
        return;
      }
      const { code, message, claimNumber } = result.error;
      this.refused.set(documentId, { read: again, refusal: { documentId, code, message, ...(claimNumber ? { claimNumber } : {}) } });
      refusalsChanged = true;
      this.onError(result.error.message);
    });
    this.onPendingChange(this.hasPending());
    if (refusalsChanged) this.hooks.onRefusal?.(this.refusals());
  }

  /**
   * Main accepted an edit of a document as `version`: when that edit is another window's and this
   * window shows the document, it merges main's document with its own (edits included).
   */
  changedElsewhere(documentId: string, version: string): void {
    if (this.ownVersions.get(documentId)?.includes(version)) return;
    const read = this.readers.get(documentId);
    // A send on its way learns of it from main's answer (a stale base), and merges then.
    if (!read || this.inFlight.has(documentId) || this.stale.has(documentId)) return;
    this.startMerge(documentId, this.pending.get(documentId) ?? read);
  }

  /** Takes the merge of a stale document: the next patch is on main's version, and the merged edits go in it. */
  rebased(rebase: RebasedDocument): void {
    const { documentId, main, version, merged, localChanges } = rebase;
    if (!this.stale.delete(documentId)) return;
    if (!this.makers) throw new Error('ContentSync: a merge arrived before any editor began.');
    this.senders.set(documentId, this.makers.from(main, version));
    this.accepted.set(documentId, { doc: main, version });
    this.pending.delete(documentId);
    // The editor showing the document holds the merge (and anything typed since); else the merge itself goes.
    if (localChanges) return this.changed(documentId, this.readers.get(documentId) ?? (() => merged));
    this.revisions.delete(documentId);
    this.onPendingChange(this.hasPending());
  }

  /** The merge could not be made: the edits stay unsaved, said in `message`, and are tried again by the next flush. */
  rebaseFailed(documentId: string, message: string): void {
    const read = this.stale.get(documentId);
    if (!read) return;
    this.stale.delete(documentId);
    this.refused.set(documentId, { read, refusal: { documentId, code: 'STALE_BASE', message } });
    this.onError(message);
    this.hooks.onRefusal?.(this.refusals());
  }

  /** Marks a document as being merged and asks the page to merge it. */
  private startMerge(documentId: string, read: () => DocumentSnapshot): void {
    const base = this.accepted.get(documentId);
    if (!base || !this.hooks.onStale) return;
    this.stale.set(documentId, read);
    this.onPendingChange(true);
    this.hooks.onStale({ documentId, base: base.doc, read: () => (this.pending.get(documentId) ?? this.readers.get(documentId) ?? read)() });
  }

  /** Notes the version main holds of a document just opened, for the editor that will show it. */
  opened(opened: OpenedDocument): void {
    this.openings.set(opened.document.id, opened);
  }

  /**
   * An editor began showing `document` as `doc`, with `makers` to make its patches: when that is
   * the document last {@link opened}, its next send is a patch on the version main gave with it.
   */
  begin(document: StoredDocument, doc: DocumentSnapshot, makers: PatchMakers, read: () => DocumentSnapshot): void {
    this.makers = makers;
    this.readers.set(document.id, read);
    const opened = this.openings.get(document.id);
    this.openings.delete(document.id);
    if (opened?.document === document && !this.pending.has(document.id)) {
      this.senders.set(document.id, makers.from(doc, opened.version));
      this.accepted.set(document.id, { doc, version: opened.version });
    }
  }

  /**
   * Sends what a closing editor left and then forgets what was last sent of its document, unless
   * a new editor began meanwhile or an edit still waits: a new editor's blocks are all new
   * objects, so that base would save nothing, and it would keep the closed document in memory.
   */
  async close(documentId: string): Promise<void> {
    const sender = this.senders.get(documentId);
    const read = this.readers.get(documentId);
    await this.flush();
    if (this.readers.get(documentId) === read) this.readers.delete(documentId);
    if (!this.pending.has(documentId) && !this.stale.has(documentId) && this.senders.get(documentId) === sender) {
      this.senders.delete(documentId);
      this.accepted.delete(documentId);
    }
  }

  /** Sends one document's edit; when main holds another version, sends the whole document instead. */
  private sendEdit(documentId: string, doc: DocumentSnapshot, revision: TextRevisionNote | undefined): Promise<Result<unknown>> {
    let sender = this.senders.get(documentId);
    if (!sender) {
      // Only an editor that began reports changes, so its patch makers are here.
      if (!this.makers) throw new Error('ContentSync: an edit arrived before any editor began.');
      this.senders.set(documentId, (sender = this.makers.fresh()));
    }
    const noted = (patch: ContentPatch): ContentPatch => (revision ? { ...patch, revision } : patch);
    const sendOne = (patch: ContentPatch): Promise<Result<unknown>> => {
      const own = this.ownVersions.get(documentId) ?? [];
      this.ownVersions.set(documentId, [...own.slice(-(OWN_VERSIONS_KEPT - 1)), patch.version]);
      this.inFlight.add(documentId);
      return this.send(documentId, patch).then((result) => {
        this.inFlight.delete(documentId);
        if (result.ok) this.accepted.set(documentId, { doc, version: patch.version });
        return result;
      });
    };
    const patch = noted(sender.next(doc));
    return sendOne(patch).then((result) => {
      if (result.ok) return result;
      // Another window's edit came first: the page merges (hooks.onStale) on main's version, so the
      // patch keeps its base until then; without a merge, the whole document goes again.
      const accepted = this.accepted.get(documentId);
      if (isStaleBase(result) && this.hooks.onStale && accepted) return result;
      // Main took nothing of a refused patch: the next one starts again from what it accepted last
      // (so a change another window made meanwhile is merged, never overwritten by a whole send).
      if (accepted && this.hooks.onStale && this.makers) {
        this.senders.set(documentId, this.makers.from(accepted.doc, accepted.version));
        return result;
      }
      sender.reset();
      if (patch.base === null || !isStaleBase(result)) return result;
      return sendOne(noted(sender.next(doc))).then((again) => {
        if (!again.ok) sender.reset();
        return again;
      });
    });
  }
}
