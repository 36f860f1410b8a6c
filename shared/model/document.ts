/**
 * Documents: one text under examination, with its origin and a fingerprint, stored as a
 * ProseMirror document (see shared/editor-schema.ts) plus the annotation details keyed by id.
 */
import * as z from 'zod';
import { DateText, Id, Line, Timestamp, UrlText } from './common.js';
import { Annotation } from './annotation.js';
import { DamageWarning } from './damage.js';
import { OriginalText, Revision } from './revision.js';
import { SCHEMA_VERSION } from './versions.js';

/** Where a document came from and how to cite it. Analysts edit all of it. */
export const DocumentMeta = z.strictObject({
  sourceUrl: UrlText.default(''),
  outlet: Line.default(''),
  author: Line.default(''),
  published: DateText.nullable().default(null),
  retrieved: DateText.nullable().default(null),
  language: Line.default(''),
  direction: z.enum(['auto', 'ltr', 'rtl']).default('auto'),
});
export type DocumentMeta = z.infer<typeof DocumentMeta>;

/** How a document arrived: the file it was imported from (if any), its format and text encoding. */
export const DocumentOrigin = z.strictObject({
  fileName: Line.default(''),
  format: z.enum(['text', 'markdown', 'html', 'docx', 'pdf', 'pasted']).default('pasted'),
  encoding: Line.default(''),
  /** The page's canonical address, when an HTML page declared one. */
  canonicalUrl: UrlText.default(''),
  siteName: Line.default(''),
  importedAt: Timestamp.nullable().default(null),
});
export type DocumentOrigin = z.infer<typeof DocumentOrigin>;

/** Maximum nesting of a stored ProseMirror node tree: a hostile file cannot blow the stack. */
export const MAX_CONTENT_DEPTH = 32;

/** A ProseMirror node in JSON form. Structure is checked against the editor schema on load. */
export interface ContentNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: ContentNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/**
 * A node's or mark's attributes: the editor schema's are all plain values (a heading's level, a
 * link's address, an annotation's id), so nothing nested is accepted — attributes nested thousands
 * deep would otherwise overflow the stack of every later save. The root's attributes (an editor's
 * annotation table, never stored) are not read.
 */
const Attrs = z.record(z.string().max(50), z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]));

const Mark = z.strictObject({ type: z.string().max(50), attrs: Attrs.optional() });

function contentNode(depth: number): z.ZodType<ContentNode> {
  const children = depth >= MAX_CONTENT_DEPTH ? z.array(z.never()).max(0) : z.array(z.lazy(() => contentNode(depth + 1)));
  return z.strictObject({
    type: z.string().max(50),
    attrs: (depth === 0 ? z.record(z.string(), z.unknown()) : Attrs).optional(),
    content: children.optional(),
    text: z.string().optional(),
    marks: z.array(Mark).max(1_000).optional(),
  }) as z.ZodType<ContentNode>;
}

/** The root of a document's content: a ProseMirror `doc` node. */
export const DocContent = contentNode(0).refine((n) => n.type === 'doc', 'document content starts with a "doc" node');

/** The summary of a document kept in the project file, enough to list it without loading it. */
export const DocumentSummary = z.strictObject({
  id: Id,
  title: Line.min(1),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** A document as stored in its own file inside the project folder. */
export const StoredDocument = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: Id,
  title: Line.min(1),
  meta: DocumentMeta.default({ sourceUrl: '', outlet: '', author: '', published: null, retrieved: null, language: '', direction: 'auto' }),
  /** SHA-256 (hex) of the plain-text projection, shown in the document info and reports. */
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  content: DocContent,
  annotations: z.array(Annotation).max(100_000).default([]),
  origin: DocumentOrigin.default({ fileName: '', format: 'pasted', encoding: '', canonicalUrl: '', siteName: '', importedAt: null }),
  /** Text damage found by the last check, over the current text. */
  damage: z.array(DamageWarning).max(100_000).default([]),
  /**
   * The text as imported (the source of record): its fingerprint and date; its content is kept in
   * `documents/<id>.original.json`. Null only for a document made outside a project store.
   */
  original: OriginalText.nullable().default(null),
  /** Every change of the text since import, oldest first; append-only (shared/model/revision.ts). */
  revisions: z.array(Revision).max(100_000).default([]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StoredDocument = z.infer<typeof StoredDocument>;
