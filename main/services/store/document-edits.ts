/**
 * Everything that changes a document's text and annotations, and the session state those changes
 * need: the versions editors patch against, the claim numbers seen (./claim-numbers.ts), the
 * sources merged this session, the notices of what loading did, and the revisions of the text.
 *
 * A whole send ({@link DocumentEdits.updateDocumentContent}) and a patch
 * ({@link DocumentEdits.patchDocumentContent}) differ only in how the new blocks and annotations
 * are computed (./edit-drafts.ts); both are then accepted by {@link DocumentEdits.accept}, one
 * sequence, so the same edit is refused the same way, with the same error, whichever way it came:
 * (1) structure, (2) annotation ids (the draft's), (3) the revision note of changed words,
 * (4) the changed claims' rules and corrections logs (./claim-guard.ts), (5) claim numbers,
 * (6) tags kept to the codebook and sources merged this session repointed, (7) the change applied
 * with its revision, (8) the document's summary, (9) the project's claim counter.
 * Re-reading a document (another encoding, its original restored) replaces its text beside them.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { today } from '../../../shared/check/fields.js';
import { repointSource } from '../../../shared/check/source-merge.js';
import type { ContentPatch, OpenedDocument } from '../../../shared/contract.js';
import type { Annotation, ContentNode, DamageWarning, DocumentOrigin, RevisionNote, StoredDocument } from '../../../shared/model/index.js';
import { activeScale } from '../../../shared/model/queries.js';
import { FactmarkError } from '../../../shared/result.js';
import { setAsideNotice } from './annotation-notices.js';
import { withCodebookTags } from './annotation-rules.js';
import { checkChangedClaims } from './claim-guard.js';
import { ClaimNumbers } from './claim-numbers.js';
import { contentProblem } from './document-content.js';
import { staleBase } from './document-patch.js';
import { patchDraft, wholeDraft, type EditDraft, type Pause } from './edit-drafts.js';
import type { HeldDocument, ProjectDisk } from './project-disk.js';
import { reconcileStored } from './reconcile-stored.js';
import { checkNoted, contentStretch, REFUSE_UNNOTED_TEXT_CHANGES, RevisionLog, type TextStretch } from './revisions.js';
import type { SetAside } from './salvage.js';
import type { StoreOptions } from './store-options.js';

/** How long a slice of applying a patch may keep the event loop (./document-patch.ts). */
const PATCH_SLICE_MS = 2;

/** A document's text read again: its new content, origin and damage warnings. */
export interface Replacement {
  content: ContentNode;
  origin: DocumentOrigin;
  damage: DamageWarning[];
}

export class DocumentEdits {
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
  /** The revisions of the documents' text (./revisions.ts). */
  private readonly revisionLog = new RevisionLog();
  private readonly analyst: string;
  private readonly refuseUnnoted: boolean;

  constructor(
    private readonly disk: ProjectDisk,
    options: StoreOptions,
  ) {
    this.analyst = options.analyst ?? '';
    this.refuseUnnoted = options.refuseUnnotedTextChanges ?? REFUSE_UNNOTED_TEXT_CHANGES;
    disk.listen({ loaded: (document, setAside) => this.settleLoaded(document, setAside), forgotten: (id) => this.editorVersions.delete(id) });
  }

  /**
   * A document as the analyst opens it, with notices of what loading did to its annotations
   * (placed again, orphaned, set aside): each notice is given once, with the first call after the
   * document was loaded.
   */
  async openedDocument(id: string): Promise<OpenedDocument> {
    const document = (await this.disk.document(id)).db.data;
    const notices = this.notices.get(id) ?? [];
    this.notices.delete(id);
    return { document, notices, version: this.openedVersion(id) };
  }

  /** Remembers a merge of sources, so edits made before it that still cite `fromId` cite `intoId`. */
  sourceMerged(fromId: string, intoId: string): void {
    this.mergedSources.set(fromId, intoId);
  }

  /**
   * Replaces a loaded document's content and annotations after an edit (a whole send), written by
   * autosave shortly after; refused (`INVALID_ARGUMENT`) by the steps of {@link accept}.
   */
  updateDocumentContent(id: string, content: ContentNode, annotations: readonly Annotation[] = [], note?: RevisionNote): void {
    const document = this.disk.loadedDocument(id);
    this.accept(document, wholeDraft(document.db.data, content, annotations), note);
    this.editorVersions.delete(id);
  }

  /**
   * Applies an editor's edit sent as a {@link ContentPatch}: the whole document (`base` null), or a
   * splice on the version main accepted last from that editor, at a cost that grows with the edit,
   * in short slices. Patches of one document are applied in the order they came. A patch on another
   * version is refused with `STALE_BASE`, and nothing changes.
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

  /**
   * Replaces a document's text after a re-import or a restore, with its new origin and damage
   * warnings. Its annotations are placed again on the new text from their anchors (orphans where
   * they cannot be placed); the notices say how that went.
   */
  async replaceDocumentText(id: string, replacement: Replacement, note: RevisionNote = { reason: 'reencode' }): Promise<OpenedDocument> {
    const document = await this.disk.document(id);
    const problem = contentProblem(replacement.content);
    if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The new text of "${document.db.data.title}" does not fit the document structure: ${problem}.`);
    const reconciliation = reconcileStored(replacement.content, document.db.data.annotations, document.db.data.fingerprint, true);
    const at = this.disk.timestamp();
    this.editorVersions.delete(id);
    const revised = this.revised(document, contentStretch(document.db.data.content, reconciliation.change.content), note, reconciliation.change.fingerprint, at);
    this.disk.changeDocument(document, { ...replacement, ...reconciliation.change, ...revised }, at);
    this.disk.changeSummary(id, {}, at);
    await this.disk.flush();
    return { document: document.db.data, notices: reconciliation.notices, version: this.openedVersion(id) };
  }

  private async applyPatch(id: string, patch: ContentPatch): Promise<void> {
    const document = this.disk.loadedDocument(id);
    if (patch.base === null) {
      this.updateDocumentContent(id, { type: 'doc', content: patch.blocks }, patch.annotations, patch.revision);
      this.editorVersions.set(id, { version: patch.version, order: null });
      return;
    }
    const stored = document.db.data;
    const known = this.editorVersions.get(id);
    const order = patch.order ?? known?.order;
    if (!known || known.version !== patch.base || !order) throw staleBase(stored.title);
    // The draft is made in slices of at most PATCH_SLICE_MS with the event loop free in between;
    // anything else that changed the document meanwhile (a re-import, a reload) wins: the editor sends it whole.
    const fresh = () => this.disk.holds(id, document) && document.db.data === stored && this.editorVersions.get(id) === known;
    let sliceEnd = 0;
    const pause: Pause = async (always = false) => {
      if (!always && performance.now() < sliceEnd) return;
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!fresh()) throw staleBase(stored.title);
      sliceEnd = performance.now() + PATCH_SLICE_MS;
    };
    const draft = await patchDraft(stored, patch, order, pause);
    if (!fresh()) throw staleBase(stored.title);
    this.accept(document, draft, patch.revision);
    this.editorVersions.set(id, { version: patch.version, order: [...order] });
  }

  /** Steps 3–9 of the one acceptance sequence (steps 1–2 made the draft): nothing changes unless all checks pass. */
  private accept(document: HeldDocument, draft: EditDraft, note: RevisionNote | undefined): void {
    const { title } = document.db.data;
    const project = this.disk.project;
    checkNoted(draft.stretch, note, this.refuseUnnoted);
    checkChangedClaims(title, draft.before, draft.changed, activeScale(project), today(this.disk.now()));
    const highest = this.claimNumbers.accept(title, draft.changed, project.lastClaimNumber);
    const changedIds = new Set(draft.changed.map((annotation) => annotation.id));
    const annotations = draft.annotations.map((annotation) => (changedIds.has(annotation.id) ? this.prepared(annotation) : annotation));
    const at = this.disk.timestamp();
    const revised = this.revised(document, draft.stretch, note, draft.fingerprint, at);
    this.disk.changeDocument(document, { content: draft.content, annotations, fingerprint: draft.fingerprint, ...revised }, at);
    this.disk.changeSummary(document.db.data.id, {}, at);
    this.raiseClaimNumber(highest, at);
  }

  /** An annotation as it is stored: tags only from the codebook, and citing, for each source merged this session, the source it was merged into. */
  private prepared(annotation: Annotation): Annotation {
    let result = annotation;
    for (const [fromId, intoId] of this.mergedSources) result = repointSource(result, fromId, intoId);
    return withCodebookTags([result], this.disk.project.tags)[0]!;
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
   * A document's first load: its marks and annotations are reconciled (a change goes to autosave,
   * and the notices wait for {@link openedDocument}), and its claim numbers become known.
   */
  private settleLoaded(document: HeldDocument, setAside: SetAside | null): void {
    const { id, content, annotations, fingerprint } = document.db.data;
    const reconciliation = reconcileStored(content, annotations, fingerprint);
    const at = this.disk.timestamp();
    if (reconciliation.changed) {
      this.disk.changeDocument(document, reconciliation.change, at);
      this.disk.changeSummary(id, {}, at);
    }
    const notices = [...(setAside ? [setAsideNotice(setAside)] : []), ...reconciliation.notices];
    if (notices.length > 0) this.notices.set(id, notices);
    this.raiseClaimNumber(this.claimNumbers.register(reconciliation.change.annotations), at);
  }

  /** The document's revisions after a change of its words (`stretch`; none: nothing to add). */
  private revised(document: HeldDocument, stretch: TextStretch | null, note: RevisionNote | undefined, fingerprint: string, at: string): Partial<StoredDocument> {
    if (!stretch) return {};
    const { id, revisions, fingerprint: fingerprintBefore } = document.db.data;
    const change = { documentId: id, stretch, note: note ?? { reason: 'edit' as const }, analyst: note?.analyst ?? this.analyst, at, fingerprintBefore, fingerprintAfter: fingerprint, newId: randomUUID };
    return { revisions: this.revisionLog.append(revisions, change) };
  }

  /** Raises the project's claim counter to `highest` when it is lower. */
  private raiseClaimNumber(highest: number, at: string): void {
    if (highest > this.disk.project.lastClaimNumber) this.disk.changeProject((project) => ({ ...project, lastClaimNumber: highest }), at);
  }
}
