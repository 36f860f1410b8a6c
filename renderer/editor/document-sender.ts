/**
 * Makes the edits of one document into patches for main (renderer/editor/content-sync.ts sends
 * them): the whole document first, then only the top-level blocks between the first and the last
 * that are not the same objects as before, and the annotation table's entries that are not the
 * same records. Loaded with the editor: whole sends need ProseMirror's schema and the anchoring code.
 */
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { refreshAnchors } from '../../shared/annotations/refresh.js';
import { contentOf, tableOf, type AnnotationTable } from '../../shared/annotations/table.js';
import type { ContentPatch } from '../../shared/contract.js';
import type { ContentNode } from '../../shared/model/document.js';
import type { PatchMaker, PatchMakers } from './content-sync.js';

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
export class DocumentSender implements PatchMaker {
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

/** Patch makers of this kind, as an editor hands them to {@link ContentSync.begin}. */
export const documentSenders: PatchMakers = {
  fresh: () => new DocumentSender(),
  from: (doc, version) => DocumentSender.from(doc, version),
};
