/**
 * The two ways an editor's change of a document arrives, turned into one {@link EditDraft} that
 * ./document-edits.ts accepts or refuses with one sequence: a whole send (content and annotation
 * list) and a patch (a splice of top-level blocks and the changed entries of the annotation table,
 * ./document-patch.ts). This is the only place the two paths differ: how the new blocks and
 * annotations are computed. Each draft first applies the link rule (shared/links.ts: an unsafe
 * link keeps its words and loses the link, whatever sent it), then runs the first two steps of the
 * sequence, in that order: (1) the new text fits the document structure, (2) the annotation ids
 * are sound (none listed twice, no mark naming an annotation missing from the list).
 */
import type { ContentPatch } from '../../../shared/contract.js';
import type { Annotation, ContentNode, StoredDocument } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { checkAnnotationIds } from './annotation-rules.js';
import { contentProblem, textFingerprint } from './document-content.js';
import { blocksFingerprint, splicedAnnotations, splicePatch } from './document-patch.js';
import { blocksStretch, contentStretch, type TextStretch } from './revisions.js';
import { linksMadeSafe } from '../../../shared/links.js';

/** A change of a document's text and annotations, checked for structure and ids, not yet accepted. */
export interface EditDraft {
  /** The new content as stored (the root's `attrs`, the editor's annotation table, dropped). */
  content: ContentNode;
  /** Every annotation of the document after the change. */
  annotations: Annotation[];
  /** The entries the sender changed (for a whole send, all of them): the ones the claim rules and numbers judge. */
  changed: readonly Annotation[];
  /** The stored annotations before the change (at least those of `changed`). */
  before: readonly Annotation[];
  /** What changed in the words (null: nothing), for the revision note check and the revisions. */
  stretch: TextStretch | null;
  fingerprint: string;
}

/** Waits between slices of work; throws when the document changed meanwhile. `always`: wait even inside a slice. */
export type Pause = (always?: boolean) => Promise<void>;

/** A whole send: `content` (the editor's, with its table in `attrs`) and the full annotation list. */
export function wholeDraft(stored: StoredDocument, sent: ContentNode, annotations: readonly Annotation[]): EditDraft {
  const content = sent.content ? { ...sent, content: linksMadeSafe(sent.content) } : sent;
  const problem = contentProblem(content);
  if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The new text of "${stored.title}" does not fit the document structure: ${problem}.`);
  checkAnnotationIds(stored.title, content, annotations);
  const { attrs: _table, ...kept } = content;
  return {
    content: kept,
    annotations: [...annotations],
    changed: annotations,
    before: stored.annotations,
    stretch: contentStretch(stored.content, content),
    fingerprint: textFingerprint(kept),
  };
}

/**
 * A patch on the version main holds, `order` the annotation table's ids in order: the splice (its
 * blocks checked on their own), then the selectors of every annotation described again from the
 * block texts and the fingerprint, in slices with `pause` between them. Throws `STALE_BASE` for a
 * splice that does not fit the stored document.
 */
export async function patchDraft(stored: StoredDocument, sent: ContentPatch, order: readonly string[], pause: Pause): Promise<EditDraft> {
  const patch = { ...sent, blocks: linksMadeSafe(sent.blocks) };
  const spliced = splicePatch(stored, patch, patch.annotations, order);
  await pause(true);
  const annotations = await splicedAnnotations(stored.title, spliced, pause);
  await pause(true);
  const fingerprint = await blocksFingerprint(spliced.blocks, pause);
  const changedIds = new Set(patch.annotations.map((annotation) => annotation.id));
  return {
    content: { ...stored.content, content: spliced.blocks },
    annotations,
    changed: patch.annotations,
    before: stored.annotations.filter((annotation) => changedIds.has(annotation.id)),
    stretch: blocksStretch(stored.content.content ?? [], patch.from, patch.to, patch.blocks),
    fingerprint,
  };
}
