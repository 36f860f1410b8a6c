/**
 * The JSON the browser host answers a call with: `JSON.stringify(result)`, except that an opened
 * document (`getDocument`, `reimportDocument`, `restoreOriginal`) is written from the pieces the store keeps for
 * saving it (../services/store/document-json.ts), encoded once per block and annotation. Opening a
 * 5 MB document so costs the host a few milliseconds of copying instead of stringifying ~11 MB,
 * and the host keeps answering other calls meanwhile. The bytes are the same either way.
 */
import { randomUUID } from 'node:crypto';
import type { CallName, OpenedDocument } from '../../shared/contract.js';
import type { Result } from '../../shared/result.js';
import { documentBytes } from '../services/store/document-json.js';

/** The calls whose value is an {@link OpenedDocument}. */
const OPENED_DOCUMENT_CALLS: ReadonlySet<string> = new Set<CallName>(['getDocument', 'reimportDocument', 'restoreOriginal']);

/** Marks where the document goes in the rest of the answer. Random per run, so no text in an answer holds it. */
const DOCUMENT_HOLE = JSON.stringify(`factmark-document-${randomUUID()}`);

/** The UTF-8 JSON of the result of call `name`, byte for byte `JSON.stringify(result)`. */
export async function resultJson(name: string, result: Result<unknown>): Promise<Buffer> {
  if (!result.ok || !OPENED_DOCUMENT_CALLS.has(name)) return Buffer.from(JSON.stringify(result), 'utf8');
  const opened = result.value as OpenedDocument;
  const rest = JSON.stringify({ ...result, value: { ...opened, document: JSON.parse(DOCUMENT_HOLE) as string } });
  const at = rest.indexOf(DOCUMENT_HOLE);
  return Buffer.concat([Buffer.from(rest.slice(0, at), 'utf8'), await documentBytes(opened.document), Buffer.from(rest.slice(at + DOCUMENT_HOLE.length), 'utf8')]);
}
