/** Small helpers the format parsers share: how messages name a file, and titles from content. */
import type { ContentNode } from '../../../../shared/model/document.js';
import { DateText } from '../../../../shared/model/common.js';

/** Longest title taken from a document's text; longer first lines are cut at a word. */
export const MAX_DERIVED_TITLE = 120;

/** How an error message names the file: its name in quotes, or "This file". */
export function fileLabel(fileName?: string): string {
  return fileName ? `"${fileName}"` : 'This file';
}

/** Collapses whitespace and cuts a title to {@link MAX_DERIVED_TITLE} characters at a word boundary. */
export function clipTitle(text: string, max = MAX_DERIVED_TITLE): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The text of a block (its inline children joined). */
function blockText(node: ContentNode): string {
  return (node.content ?? []).map((child) => child.text ?? (child.type === 'hard_break' ? ' ' : '')).join('');
}

/** The first heading's text, clipped, or '' when the document has none. */
export function firstHeadingTitle(content: ContentNode): string {
  const stack = [content];
  while (stack.length > 0) {
    const node = stack.shift()!;
    if (node.type === 'heading') {
      const text = clipTitle(blockText(node));
      if (text) return text;
    }
    stack.unshift(...(node.content ?? []).filter((child) => child.type !== 'text'));
  }
  return '';
}

/**
 * A publication date as the document model stores it: `YYYY-MM-DD`, or the full ISO timestamp
 * when the source gives one with a time zone. Null when the value is not a recognisable date.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  if (DateText.safeParse(text).success) return text;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) {
    const [, date, time, zone] = iso;
    if (time && zone) {
      const candidate = `${date}T${time.length === 5 ? `${time}:00` : time}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
      if (DateText.safeParse(candidate).success) return candidate;
    }
    return DateText.safeParse(date).success ? date! : null;
  }
  const parsed = Date.parse(text);
  if (Number.isNaN(parsed)) return null;
  const date = new Date(parsed).toISOString().slice(0, 10);
  return DateText.safeParse(date).success ? date : null;
}
