/**
 * What changed between two texts of a document (the original as imported and the text after a
 * revision), as an analyst reads it: word by word, and only the changed passages with a little
 * context around them. Loaded with the revision diff view only (diff-match-patch stays off the
 * first page load).
 *
 * Words are compared whole: both texts are cut into tokens (a run of letters, digits and marks, a
 * run of spaces, a line break, or any other single code point), so a change never splits a word,
 * a combining mark or a surrogate pair, and each token is diffed as one character.
 */
import DiffMatchPatch from 'diff-match-patch';

export type DiffOp = 'equal' | 'delete' | 'insert';

/** A stretch of the comparison: words both texts have, or words only the first (delete) or the second (insert) has. */
export interface DiffPiece {
  op: DiffOp;
  text: string;
}

/** One changed passage with its context, ready to show. */
export interface DiffPassage {
  /** The paragraph (1-based) of the second text where the passage starts. */
  paragraph: number;
  /** The passage's lines (paragraphs of its unchanged words), each a row of pieces. */
  lines: DiffPiece[][];
  /** True when the context before the first change was cut short inside its paragraph. */
  cutBefore: boolean;
  /** True when the context after the last change was cut short inside its paragraph. */
  cutAfter: boolean;
}

export interface TextComparison {
  /** The passages, at most `maxPassages` of them. */
  passages: DiffPassage[];
  /** How many changed passages there are in all. */
  total: number;
  /** Characters deleted and inserted (code points). */
  deleted: number;
  inserted: number;
}

/** How much unchanged text (UTF-16 units, about) is shown on each side of a change. */
export const CONTEXT = 90;

/** Tokens: a word (letters, digits, marks, connectors), a line break, a run of other white space, or one code point. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Pc}]+|\n|[^\S\n]+|[\s\S]/gu;

/** The most distinct tokens a middle stretch may hold to be diffed word by word (one UTF-16 unit each). */
const MAX_TOKENS = 60_000;

const codePoints = (text: string): number => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) n++;
  }
  return n;
};

/** The pieces that turn `before` into `after`, word by word; consecutive pieces never share an op. */
export function diffWords(before: string, after: string): DiffPiece[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  // The common start and end, backed off to a line break so both cut at the same token boundary.
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  head = head === 0 ? 0 : before.lastIndexOf('\n', head - 1) + 1;
  let tail = 0;
  while (tail < shorter - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0) {
    // The common end starts just after a line break (or not at all).
    const suffix = before.slice(before.length - tail);
    const newline = suffix.indexOf('\n');
    tail = newline < 0 ? 0 : tail - newline - 1;
  }
  const middleBefore = before.slice(head, before.length - tail);
  const middleAfter = after.slice(head, after.length - tail);

  const pieces: DiffPiece[] = [];
  const push = (op: DiffOp, text: string) => {
    if (text === '') return;
    const last = pieces[pieces.length - 1];
    if (last && last.op === op) last.text += text;
    else pieces.push({ op, text });
  };
  push('equal', before.slice(0, head));
  for (const piece of diffMiddle(middleBefore, middleAfter)) push(piece.op, piece.text);
  push('equal', before.slice(before.length - tail));
  return pieces;
}

/** The word diff of two stretches that differ; a whole replacement when they hold too many distinct words. */
function diffMiddle(before: string, after: string): DiffPiece[] {
  const tokens: string[] = [];
  const codes = new Map<string, string>();
  const encode = (text: string): string | null => {
    let encoded = '';
    for (const [token] of text.matchAll(TOKEN)) {
      let code = codes.get(token);
      if (code === undefined) {
        if (tokens.length >= MAX_TOKENS) return null;
        // From U+0100 up, leaving out the surrogates: every token is one UTF-16 unit.
        const unit = 0x100 + tokens.length;
        code = String.fromCharCode(unit >= 0xd800 ? unit + 0x800 : unit);
        codes.set(token, code);
        tokens.push(token);
      }
      encoded += code;
    }
    return encoded;
  };
  const a = encode(before);
  const b = a === null ? null : encode(after);
  if (a === null || b === null) {
    return [
      { op: 'delete' as const, text: before },
      { op: 'insert' as const, text: after },
    ].filter((piece) => piece.text !== '');
  }
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 2;
  const diffs = dmp.diff_main(a, b, false);
  dmp.diff_cleanupSemantic(diffs);
  const decode = (encoded: string): string => {
    let text = '';
    for (let i = 0; i < encoded.length; i++) {
      const unit = encoded.charCodeAt(i);
      text += tokens[(unit >= 0xe000 ? unit - 0x800 : unit) - 0x100];
    }
    return text;
  };
  return diffs.map(([op, encoded]) => ({ op: op === DiffMatchPatch.DIFF_DELETE ? 'delete' : op === DiffMatchPatch.DIFF_INSERT ? 'insert' : 'equal', text: decode(encoded) }));
}

/** Where to cut `text` at about `at`, moved to just after a space near it, never inside a surrogate pair. */
function cutNear(text: string, at: number, towards: 'start' | 'end'): number {
  if (at <= 0) return 0;
  if (at >= text.length) return text.length;
  const window = Math.floor(CONTEXT / 3);
  if (towards === 'end') {
    // Keep the text before the cut: cut at the last space before `at`.
    const space = text.lastIndexOf(' ', at);
    if (space > at - window) return space;
  } else {
    // Keep the text after the cut: cut just after the first space from `at` on.
    const space = text.indexOf(' ', at);
    if (space >= 0 && space < at + window) return space + 1;
  }
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at + 1 : at;
}

/** The unchanged words shown before a change: the end of their last paragraph, at most about {@link CONTEXT} long. */
function contextBefore(text: string): { text: string; cut: boolean } {
  const line = text.slice(text.lastIndexOf('\n') + 1);
  if (line.length <= CONTEXT) return { text: line, cut: false };
  return { text: line.slice(cutNear(line, line.length - CONTEXT, 'start')), cut: true };
}

/** The unchanged words shown after a change: the start of their first paragraph, at most about {@link CONTEXT} long. */
function contextAfter(text: string): { text: string; cut: boolean } {
  const newline = text.indexOf('\n');
  const line = newline < 0 ? text : text.slice(0, newline);
  if (line.length <= CONTEXT) return { text: line, cut: false };
  return { text: line.slice(0, cutNear(line, CONTEXT, 'end')), cut: true };
}

const countNewlines = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
};

/** Splits a passage's pieces into lines at the line breaks of its unchanged words. */
function toLines(pieces: DiffPiece[]): DiffPiece[][] {
  const lines: DiffPiece[][] = [[]];
  for (const piece of pieces) {
    if (piece.op !== 'equal') {
      lines[lines.length - 1]!.push(piece);
      continue;
    }
    piece.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([]);
      if (part !== '') lines[lines.length - 1]!.push({ op: 'equal', text: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}

/**
 * The changed passages between `before` and `after` (at most `maxPassages`), each with the
 * unchanged words around its changes, and how much was deleted and inserted in all.
 */
export function compareTexts(before: string, after: string, maxPassages = 200): TextComparison {
  const pieces = diffWords(before, after);
  const passages: DiffPassage[] = [];
  let total = 0;
  let deleted = 0;
  let inserted = 0;
  /** Line breaks of `after` before the piece at hand. */
  let newlinesAfter = 0;
  let current: { paragraph: number; pieces: DiffPiece[]; cutBefore: boolean } | null = null;
  const close = (cutAfter: boolean) => {
    if (current && passages.length < maxPassages) passages.push({ paragraph: current.paragraph, lines: toLines(current.pieces), cutBefore: current.cutBefore, cutAfter });
    current = null;
  };
  pieces.forEach((piece, index) => {
    const last = index === pieces.length - 1;
    if (piece.op === 'equal') {
      const lines = countNewlines(piece.text);
      if (current && !last && piece.text.length <= 2 * CONTEXT && lines <= 1) {
        // A short stretch between two changes stays whole, in the same passage.
        current.pieces.push(piece);
      } else {
        if (current) {
          const shown = contextAfter(piece.text);
          current.pieces.push({ op: 'equal', text: shown.text });
          close(shown.cut);
        }
        if (!last) {
          const shown = contextBefore(piece.text);
          current = { paragraph: newlinesAfter + lines + 1, pieces: shown.text === '' ? [] : [{ op: 'equal', text: shown.text }], cutBefore: shown.cut };
          total++;
        }
      }
      newlinesAfter += lines;
      return;
    }
    if (!current) {
      // Only the text's first piece can be a change outside a passage.
      current = { paragraph: newlinesAfter + 1, pieces: [], cutBefore: false };
      total++;
    }
    current.pieces.push(piece);
    if (piece.op === 'insert') {
      newlinesAfter += countNewlines(piece.text);
      inserted += codePoints(piece.text);
    } else {
      deleted += codePoints(piece.text);
    }
  });
  close(false);
  return { passages, total, deleted, inserted };
}

/** A part of a piece's text as shown: plain text, a sign standing for white space, or an invisible character's code. */
export type ShownPart = { kind: 'text'; text: string } | { kind: 'sign'; text: string; label: string } | { kind: 'code'; text: string };

/** Characters that show nothing (controls, format characters such as U+202E, line and paragraph separators). */
const INVISIBLE = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;

const codeOf = (char: string): string => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A piece's text as shown: invisible characters as their code (so a removed U+202E is seen, and
 * never turns the panel's text around); in removed or added text (`changed`) line breaks as ¶
 * and tabs as ⇥, and, when the change is only white space, each space as ␣ and any other space
 * character as its code.
 */
export function shownParts(text: string, changed: boolean): ShownPart[] {
  const spacesOnly = changed && /^\s+$/u.test(text);
  const parts: ShownPart[] = [];
  let plain = '';
  const add = (part: ShownPart) => {
    if (plain) parts.push({ kind: 'text', text: plain });
    plain = '';
    parts.push(part);
  };
  for (const char of text) {
    if (changed && char === '\n') add({ kind: 'sign', text: '¶', label: 'paragraph break' });
    else if (changed && char === '\t') add({ kind: 'sign', text: '⇥', label: 'tab' });
    else if (spacesOnly && char === ' ') add({ kind: 'sign', text: '␣', label: 'space' });
    else if ((spacesOnly && /\s/u.test(char)) || (INVISIBLE.test(char) && char !== '\n' && char !== '\t')) add({ kind: 'code', text: codeOf(char) });
    else plain += char;
  }
  if (plain) parts.push({ kind: 'text', text: plain });
  return parts;
}
