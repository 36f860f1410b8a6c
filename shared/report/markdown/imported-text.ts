/**
 * A document's text as imported — the source of record — rebuilt from its current text and its
 * revisions (shared/revision-text.ts), with a code-point index so a claim's original words can be
 * cut out of it by the code points `spanInOriginal` gives. Built once per document for a report.
 */
import { indexCodePoints, type CodePointIndex } from '../../anchoring/code-points.js';
import type { StoredDocument } from '../../model/document.js';
import { originalText } from '../../revision-text.js';
import { contentToText } from '../../text.js';

/** The text as imported and its code-point index. */
export interface ImportedText {
  text: string;
  index: CodePointIndex;
}

/**
 * The text of `document` as imported, or null when its revisions do not fit its current text (a
 * damaged record: the report then says the original words cannot be recovered, rather than failing).
 */
export function importedText(document: StoredDocument): ImportedText | null {
  let text: string;
  try {
    text = originalText(contentToText(document.content), document.revisions);
  } catch (error) {
    if (error instanceof RangeError) return null;
    throw error;
  }
  return { text, index: indexCodePoints(text) };
}

/** The code points `[start, end)` of the text as imported. */
export function importedWords(imported: ImportedText, start: number, end: number): string {
  return imported.text.slice(imported.index.toUtf16(start), imported.index.toUtf16(end));
}
