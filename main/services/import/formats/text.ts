/** Plain text: one paragraph a non-blank line, titled by its first line when that reads as a headline. */
import { textToContent } from '../../../../shared/text.js';
import type { ParsedDocument } from '../types.js';
import { clipTitle } from './common.js';

/** The longest first line taken as a headline; a longer one is the article's first paragraph. */
const MAX_HEADLINE = 120;

/**
 * Parses decoded plain text. The title is the first non-blank line when it is short enough to be
 * a headline (scraped articles often start with theirs); otherwise '' and the pipeline uses the
 * file name. The line also stays in the text.
 */
export function parseText(text: string): ParsedDocument {
  const firstLine = (text.split(/\r\n?|\n/).find((line) => line.trim() !== '') ?? '').trim();
  const title = firstLine.length <= MAX_HEADLINE && !/[.!?]["”']?$/.test(firstLine) ? clipTitle(firstLine) : '';
  return { title, content: textToContent(text), meta: {}, origin: {} };
}
