/**
 * Applying an edit sent as a splice of top-level blocks (contract `ContentPatch`) to a stored
 * document: the new blocks are checked against the editor schema on their own, the unchanged ones
 * stay the same objects (so their cached text, marks and JSON are reused), and the selectors of
 * every annotation are described again from the cached block texts (shared/annotations/block-anchors.ts).
 * What it yields is what `updateDocumentContent` stores for the same editor state, with one
 * difference: an orphan keeps its stored anchor (its last words) rather than the editor's copy,
 * which may be as old as the annotation.
 */
import { createHash } from 'node:crypto';
import { blockText, refreshBlockAnchorSteps } from '../../../shared/annotations/block-anchors.js';
import type { ContentPatch } from '../../../shared/contract.js';
import type { Annotation, ContentNode, StoredDocument } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { BLOCK_SEPARATOR } from '../../../shared/text.js';
import { unknownMarksError } from './annotation-rules.js';
import { contentProblem } from './document-content.js';

/** A patch checked and applied to a document's blocks and annotation table, its selectors not yet described. */
export interface SplicedDocument {
  blocks: ContentNode[];
  table: Map<string, Annotation>;
  order: readonly string[];
}

/** The refusal (`STALE_BASE`) of a patch made on another version than main's: the editor sends the whole document. */
export function staleBase(title: string): FactmarkError {
  return new FactmarkError('STALE_BASE', `The edit was made on another version of the document “${title}” than the one Factmark holds, so it is sent again whole.`);
}

/**
 * The blocks and annotation table of `stored` after `patch`, with the table entries `changed` (as
 * sent; ./document-edits.ts keeps their tags to the codebook afterwards) and `order` the table's ids in order. Refuses
 * (`INVALID_ARGUMENT`) blocks that do not fit the schema, an id listed twice; and as a stale base
 * (`STALE_BASE`), a splice outside the document or an id main has no entry for.
 */
export function splicePatch(stored: StoredDocument, patch: ContentPatch, changed: readonly Annotation[], order: readonly string[]): SplicedDocument {
  const title = stored.title;
  const blocks = stored.content.content ?? [];
  if (patch.from > patch.to || patch.to > blocks.length) throw staleBase(title);
  if (patch.blocks.length > 0) {
    const problem = contentProblem({ type: 'doc', content: patch.blocks });
    if (problem) throw new FactmarkError('INVALID_ARGUMENT', `The new text of "${title}" does not fit the document structure: ${problem}.`);
  }
  const next = [...blocks.slice(0, patch.from), ...patch.blocks, ...blocks.slice(patch.to)];
  if (next.length === 0) throw new FactmarkError('INVALID_ARGUMENT', `The new text of "${title}" does not fit the document structure: a document holds at least one block.`);

  const previous = new Map(stored.annotations.map((annotation) => [annotation.id, annotation]));
  const updates = new Map<string, Annotation>();
  for (const annotation of changed) {
    if (updates.has(annotation.id)) throw listedTwice(title, annotation.id);
    updates.set(annotation.id, annotation);
  }
  // Selectors are main's to describe: a changed entry of a stored annotation takes the stored
  // anchor (the editor's copy may be old), which an orphan keeps as its last words.
  const table = new Map<string, Annotation>();
  for (const id of order) {
    if (table.has(id)) throw listedTwice(title, id);
    const update = updates.get(id);
    const stored = previous.get(id);
    const entry = update && stored ? { ...update, anchor: stored.anchor } : (update ?? stored);
    if (!entry) throw staleBase(title);
    table.set(id, entry);
  }
  for (const id of updates.keys()) if (!table.has(id)) throw staleBase(title);

  return { blocks: next, table, order };
}

/**
 * The annotations of a spliced document as they are stored, their selectors described again from
 * the blocks, in steps with `pause` between them; refuses (`INVALID_ARGUMENT`) a mark naming an
 * annotation not in the table.
 */
export async function splicedAnnotations(title: string, spliced: SplicedDocument, pause: () => Promise<void>): Promise<Annotation[]> {
  const steps = refreshBlockAnchorSteps(spliced.blocks, spliced.table, spliced.order);
  for (;;) {
    const step = steps.next();
    if (step.done) {
      if (step.value.unknown.length > 0) throw unknownMarksError(title, step.value.unknown);
      return step.value.annotations;
    }
    await pause();
  }
}

/** The UTF-8 bytes of each block's plain text, encoded once per block. */
const textBytes = new WeakMap<ContentNode, Buffer | null>();
const SEPARATOR_BYTES = Buffer.from(BLOCK_SEPARATOR, 'utf8');

/**
 * `textFingerprint` of a document holding `blocks`, hashed from the cached bytes of its block
 * texts, with `pause` between steps of a few dozen blocks.
 */
export async function blocksFingerprint(blocks: readonly ContentNode[], pause: () => Promise<void> = async () => {}): Promise<string> {
  const hash = createHash('sha256');
  let first = true;
  for (let b = 0; b < blocks.length; b++) {
    if (b % 64 === 63) await pause();
    const block = blocks[b]!;
    let bytes = textBytes.get(block);
    if (bytes === undefined) {
      const { text } = blockText(block);
      bytes = text === null ? null : Buffer.from(text, 'utf8');
      textBytes.set(block, bytes);
    }
    if (bytes === null) continue;
    if (!first) hash.update(SEPARATOR_BYTES);
    first = false;
    hash.update(bytes);
  }
  return hash.digest('hex');
}

function listedTwice(title: string, id: string): FactmarkError {
  return new FactmarkError('INVALID_ARGUMENT', `The annotations of "${title}" were not saved: the annotation ${id} is listed twice.`);
}
