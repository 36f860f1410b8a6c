/**
 * Checks and fingerprints for a document's content (a ProseMirror `doc` in JSON form), shared by
 * loading (a bad stored document is corrupt) and editing (bad new content is refused).
 */
import { editorSchema } from '../../../shared/editor-schema.js';
import { DocContent, type ContentNode } from '../../../shared/model/index.js';
import { contentToText } from '../../../shared/text.js';
import { describeIssue } from './describe-issue.js';
import { sha256Hex } from './fingerprint.js';

/**
 * What is wrong with `content` as a document, or null when it fits both the stored shape and the
 * editor's schema (node types, marks, which node may hold which), so the editor can always open it.
 */
export function contentProblem(content: unknown): string | null {
  const parsed = DocContent.safeParse(content);
  if (!parsed.success) return describeIssue(parsed.error);
  try {
    editorSchema.nodeFromJSON(parsed.data).check();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The document fingerprint: SHA-256 (hex) of its plain-text projection. */
export function textFingerprint(content: ContentNode): string {
  return sha256Hex(contentToText(content));
}
