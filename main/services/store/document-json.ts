/**
 * A document file's bytes, made from cached pieces: each top-level block and each annotation is
 * (and each revision of the text) is stringified and encoded once per object (the store never mutates them, and an edit keeps the
 * unchanged ones as the same objects), and an annotation that only got a new anchor (every one
 * after an edit: their positions moved) reuses the bytes of the one it replaces around its anchor.
 * Saving after a small edit of a long document so encodes only what changed, and the work yields
 * to the event loop every few milliseconds. The bytes are exactly those of
 * `JSON.stringify(document)` in UTF-8.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { movedAnnotations } from '../../../shared/annotations/block-anchors.js';
import type { Annotation, ContentNode, Revision, StoredDocument } from '../../../shared/model/index.js';

/**
 * Appends an object's JSON bytes, encoded once per object and kept while the object lives: blocks
 * (an edit keeps the unchanged ones as the same objects) and revisions (the log is append-only).
 */
function cachedPiece<T extends object>(): (item: T, pieces: Buffer[]) => void {
  const cache = new WeakMap<T, Buffer>();
  return (item, pieces) => {
    let bytes = cache.get(item);
    if (bytes === undefined) {
      bytes = Buffer.from(JSON.stringify(item), 'utf8');
      cache.set(item, bytes);
    }
    pieces.push(bytes);
  };
}

const blockPiece = cachedPiece<ContentNode>();
const revisionPiece = cachedPiece<Revision>();

/** An annotation's bytes in three pieces: up to its `"anchor":`, the anchor, the rest (null: not split). */
interface AnnotationBytes {
  head: Buffer;
  anchor: Buffer | null;
  tail: Buffer | null;
}

const annotationBytes = new WeakMap<Annotation, AnnotationBytes>();
const ANCHOR_KEY = '"anchor":';

function annotationPiece(annotation: Annotation, pieces: Buffer[]): void {
  let made = annotationBytes.get(annotation);
  if (made === undefined) {
    const from = movedAnnotations.get(annotation);
    const base = from && annotationBytes.get(from);
    if (base && base.anchor !== null) {
      made = { head: base.head, anchor: Buffer.from(JSON.stringify(annotation.anchor), 'utf8'), tail: base.tail };
    } else {
      const text = JSON.stringify(annotation);
      const anchor = ANCHOR_KEY + JSON.stringify(annotation.anchor);
      // `"anchor":{…}` can only be structure (quotes inside strings are escaped); it must be there once.
      const at = text.indexOf(anchor);
      const once = at >= 0 && text.indexOf(anchor, at + 1) < 0;
      made = once
        ? { head: Buffer.from(text.slice(0, at + ANCHOR_KEY.length), 'utf8'), anchor: Buffer.from(anchor.slice(ANCHOR_KEY.length), 'utf8'), tail: Buffer.from(text.slice(at + anchor.length), 'utf8') }
        : { head: Buffer.from(text, 'utf8'), anchor: null, tail: null };
    }
    annotationBytes.set(annotation, made);
  }
  pieces.push(made.head);
  if (made.anchor) pieces.push(made.anchor, made.tail!);
}

/** Stand in for the content and for a list while the rest is stringified. Random per run, so no text in a document holds them. */
const CONTENT = JSON.stringify(`factmark-content-${randomUUID()}`);
const LIST = JSON.stringify(`factmark-list-${randomUUID()}`);
const REVISIONS = JSON.stringify(`factmark-revisions-${randomUUID()}`);
const COMMA = Buffer.from(',');
const OPEN = Buffer.from('[');
const CLOSE = Buffer.from(']');

/** Yields to the event loop once `sliceMs` passed since the last yield. */
class Slicer {
  private deadline: number;
  constructor(private readonly sliceMs: number) {
    this.deadline = performance.now() + sliceMs;
  }

  async pause(): Promise<void> {
    if (performance.now() < this.deadline) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.deadline = performance.now() + this.sliceMs;
  }
}

/** Appends the pieces of a JSON array of `items`. */
async function listPieces<T>(items: readonly T[], piece: (item: T, pieces: Buffer[]) => void, pieces: Buffer[], slicer: Slicer): Promise<void> {
  pieces.push(OPEN);
  for (let i = 0; i < items.length; i++) {
    if (i > 0) pieces.push(COMMA);
    piece(items[i]!, pieces);
    if (i % 64 === 63) await slicer.pause();
  }
  pieces.push(CLOSE);
}

/** `text` split at the (quoted) stand-in `placeholder`: the UTF-8 before it and after it. */
function around(text: string, placeholder: string): [Buffer, Buffer] {
  const at = text.indexOf(placeholder);
  return [Buffer.from(text.slice(0, at), 'utf8'), Buffer.from(text.slice(at + placeholder.length), 'utf8')];
}

/**
 * Exactly `Buffer.from(JSON.stringify(document))`, reusing the bytes of blocks and annotations
 * encoded before, and yielding to the event loop after every `sliceMs` of work.
 */
export async function documentBytes(document: StoredDocument, sliceMs = 2): Promise<Buffer> {
  const slicer = new Slicer(sliceMs);
  const { content, annotations } = document;
  const contentPieces: Buffer[] = [];
  if (Array.isArray(content.content)) {
    const [before, after] = around(JSON.stringify({ ...content, content: JSON.parse(LIST) as string }), LIST);
    contentPieces.push(before);
    await listPieces(content.content, blockPiece, contentPieces, slicer);
    contentPieces.push(after);
  } else {
    contentPieces.push(Buffer.from(JSON.stringify(content), 'utf8'));
  }
  const annotationPieces: Buffer[] = [];
  await listPieces(annotations, annotationPiece, annotationPieces, slicer);
  // Revisions are kept whole (a re-encoding's holds the text twice): each is encoded once too.
  const revisionPieces: Buffer[] = [];
  await listPieces(document.revisions ?? [], revisionPiece, revisionPieces, slicer);
  // The rest of the document, with the content and the lists each put where its stand-in is.
  const text = JSON.stringify({
    ...document,
    content: JSON.parse(CONTENT) as string,
    annotations: JSON.parse(LIST) as string,
    ...(document.revisions ? { revisions: JSON.parse(REVISIONS) as string } : {}),
  });
  const stands = new Map([
    [CONTENT, contentPieces],
    [LIST, annotationPieces],
    [REVISIONS, revisionPieces],
  ]);
  const found = [...stands.keys()].map((placeholder) => ({ placeholder, at: text.indexOf(placeholder) })).filter(({ at }) => at >= 0).sort((a, b) => a.at - b.at);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const { placeholder, at } of found) {
    pieces.push(Buffer.from(text.slice(from, at), 'utf8'), ...stands.get(placeholder)!);
    from = at + placeholder.length;
  }
  pieces.push(Buffer.from(text.slice(from), 'utf8'));
  await slicer.pause();
  return Buffer.concat(pieces);
}
