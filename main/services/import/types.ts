/**
 * The import pipeline's stages and what passes between them:
 * bytes → decode (text formats) → parse (per format) → sanitise → document content → damage check.
 * Every stage is Electron-free and runs in Node tests, the browser host and the CLI alike.
 */
import type { ContentNode, DamageWarning, DocumentMeta, DocumentOrigin } from '../../../shared/model/index.js';

/** The formats Factmark imports, by what the file is, not only by its name. */
export type ImportFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

/** Text decoded from bytes, with the encoding that was used and how it was chosen. */
export interface DecodedText {
  text: string;
  /** WHATWG encoding label actually used, e.g. `utf-8`, `utf-16le`, `windows-1252`, `gbk`. */
  encoding: string;
  /** How the encoding was chosen: a byte-order mark, valid UTF-8, a fallback, or the user's choice. */
  detectedBy: 'bom' | 'utf8-valid' | 'utf16-heuristic' | 'fallback' | 'user';
}

/** What a format parser produces: the document's structure and the metadata the file itself carries. */
export interface ParsedDocument {
  /** A title from the file (HTML <title>/og:title, first heading, docx/pdf properties), or '' for none. */
  title: string;
  content: ContentNode;
  meta: Partial<DocumentMeta>;
  origin: Partial<Pick<DocumentOrigin, 'canonicalUrl' | 'siteName'>>;
}

/** A document ready to be added to a project. */
export interface ImportedDocument {
  title: string;
  content: ContentNode;
  meta: Partial<DocumentMeta>;
  origin: DocumentOrigin;
  damage: DamageWarning[];
  /** The bytes as received (kept with the project for re-decoding and replication); null for pastes. */
  original: Uint8Array | null;
}
