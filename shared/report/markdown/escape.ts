/**
 * Exact escaping of plain text into GitHub-flavoured Markdown: whatever the text holds — emphasis
 * and code characters, brackets, pipes, HTML, entities, block markers at a line start, leading and
 * trailing spaces, newlines, right-to-left script — a CommonMark/GFM reader (GitHub, VS Code,
 * Obsidian, pandoc, markdown-it) shows exactly the same characters. Escaping is by backslash
 * (valid before any ASCII punctuation) or by numeric character reference, never by dropping text.
 * NUL cannot be carried (CommonMark replaces it with U+FFFD) and is not expected in stored text.
 */

/** Characters with inline meaning anywhere: emphasis, code, links, HTML, tables, strikethrough, math, headings. */
const INLINE = /[\\`*_[\]<>|~$#]|&(?=#?[A-Za-z0-9]+;)|:(?=[\w+-]+:)|%(?=%)|=(?==)/g;
/** A line start that would open a block: list item, ordered list, setext underline. */
const BLOCK_START = /^([-+=]|\d{1,9}(?=[.)]))/;
const LEADING_BLANKS = /^[ \t]+/;
const TRAILING_BLANKS = /[ \t]+$/;

const blankToEntity = (blanks: string): string => (blanks === '' ? '' : blanks.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'));

/** How escaped lines are joined and where the text sits on its Markdown line. */
export interface EscapeContext {
  /** What a newline of the text becomes: a hard break `\` + newline in a paragraph, `<br>` on a single line. */
  lineBreak: string;
  /** The text's first character begins a Markdown line (block markers and indentation matter there). */
  startsLine: boolean;
  /** The text's last character ends a Markdown line (trailing blanks would be stripped there). */
  endsLine: boolean;
}

const isBlank = (code: number | undefined): boolean => code === 0x20 || code === 0x09;

/** Any character {@link INLINE} could escape: most prose has none, and is then copied as it is. */
const MAY_NEED_ESCAPE = /[\\`*_[\]<>|~$#&:%=]/;
/** Characters that can begin a block marker ({@link BLOCK_START}). */
const isBlockStartCode = (code: number): boolean => code === 0x2d || code === 0x2b || code === 0x3d || (code >= 0x30 && code <= 0x39);

/** Escapes one line of text (no newline inside); `atStart`/`atEnd` say whether it touches a Markdown line edge. */
function escapeLine(line: string, atStart: boolean, atEnd: boolean): string {
  // Cheap character checks first: the regular expressions run only where a blank or marker can be.
  const lead = atStart && isBlank(line.charCodeAt(0)) ? LEADING_BLANKS.exec(line)![0] : '';
  const trail = atEnd && line.length > lead.length && isBlank(line.charCodeAt(line.length - 1)) ? TRAILING_BLANKS.exec(line)![0] : '';
  let body = lead === '' && trail === '' ? line : line.slice(lead.length, line.length - trail.length);
  if (MAY_NEED_ESCAPE.test(body)) body = body.replace(INLINE, '\\$&');
  if (atStart && lead === '' && isBlockStartCode(body.charCodeAt(0)) && BLOCK_START.test(body)) body = body.replace(BLOCK_START, (marker) => (/\d/.test(marker) ? `${marker}\\` : `\\${marker}`));
  return lead === '' && trail === '' ? body : blankToEntity(lead) + body + blankToEntity(trail);
}

/** Escapes `text` so that it renders as exactly its own characters in the given place. */
export function escapeText(text: string, context: EscapeContext): string {
  // One line (the usual case): no splitting and joining.
  if (!text.includes('\n')) return escapeLine(text, context.startsLine, context.endsLine);
  const lines = text.split('\n');
  const last = lines.length - 1;
  const escaped = lines.map((line, i) => escapeLine(line, i > 0 || context.startsLine, i < last || context.endsLine)).join(context.lineBreak);
  // A hard break cannot end a paragraph (the backslash would show): a final newline is written `<br>`.
  const trailingBreak = context.endsLine && last > 0 && lines[last] === '' && context.lineBreak === HARD_BREAK;
  return trailingBreak ? `${escaped.slice(0, -HARD_BREAK.length)}<br>` : escaped;
}

/** A paragraph line break: backslash then newline (a hard break every reader understands). */
export const HARD_BREAK = '\\\n';

/** Escapes a whole paragraph's text (newlines become hard breaks). */
export function escapeParagraph(text: string): string {
  return escapeText(text, { lineBreak: HARD_BREAK, startsLine: true, endsLine: true });
}

/**
 * Escapes text that must stay on one Markdown line — a table cell, a heading, a list item's
 * value: pipes are escaped, edge blanks kept as entities, newlines written as `<br>`.
 */
export function escapeCell(text: string): string {
  return escapeText(text, { lineBreak: '<br>', startsLine: true, endsLine: true });
}

/**
 * Escapes text that follows a list item's marker and label (`- **Label:** text`), whose later lines
 * are the item's own, indented by `indent` spaces: each newline a hard break and that indent, so
 * lines and blank lines read back as themselves without a raw `<br>`. Newlines at its end carry
 * nothing on a field's line and are dropped (a hard break cannot end a paragraph).
 */
export function escapeInItem(text: string, indent: number): string {
  return escapeText(text.replace(/\n+$/, ''), { lineBreak: HARD_BREAK + ' '.repeat(indent), startsLine: false, endsLine: true });
}
