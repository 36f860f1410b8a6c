/**
 * Document revisions (shared/model/revision.ts): the store's one place for "the text changed".
 * - What changed: the plain text of a send or patch against what main held, found without
 *   projecting the whole document where a patch names its blocks (only the blocks it replaces and
 *   one neighbour on each side are read), then trimmed to the changed stretch and split into exact
 *   changes by diff-match-patch (already used by the bench; it has a time limit, so a huge changed
 *   stretch degrades to coarser but still exact changes instead of hanging).
 * - Whether it may: a send that changes the words without a revision note is refused (`READ_ONLY`)
 *   while {@link REFUSE_UNNOTED_TEXT_CHANGES} is on — documents are read-only unless edited on purpose.
 * - The log: each text change appends a revision. Consecutive 'edit' sends of one edit session
 *   on one passage are one revision: while the last revision is that session's (same note and
 *   analyst, within {@link EDIT_SESSION_MS} of its last send, the new change touching the stretch it
 *   changed, which stays under {@link EDIT_SESSION_MAX_CODE_POINTS}), its changes are computed again
 *   from its own before text; an edit that puts the words back removes it. Anything else (another
 *   reason, another place, a pause, a restart) starts a new revision, and an earlier one never changes.
 * - The original as imported: its content in `documents/<id>.original.json`, written once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import DiffMatchPatch from 'diff-match-patch';
import { blockText } from '../../../shared/annotations/block-anchors.js';
import { DocContent, OriginalText, SCHEMA_VERSION, type ContentNode, type Revision, type RevisionNote, type StoredDocument, type TextChange } from '../../../shared/model/index.js';
import { FactmarkError } from '../../../shared/result.js';
import { BLOCK_SEPARATOR, codePointLength, contentToText } from '../../../shared/text.js';
import { writeFileAtomic, type AtomicFs } from './atomic-file.js';
import { DOCUMENTS_FOLDER } from './load.js';
import { errnoOf, readError } from './file-errors.js';
import * as z from 'zod';

/**
 * Whether main refuses a send that changes a document's words without a revision note. On by
 * default; a store made with `refuseUnnotedTextChanges: false` (StoreOptions) accepts such a send
 * as an 'edit' revision.
 */
export const REFUSE_UNNOTED_TEXT_CHANGES = true;

/** The message of that refusal (code `READ_ONLY`). */
export const READ_ONLY_TEXT_MESSAGE = 'This document is read-only: turn on Edit text to change its words.';

/** How long after its last send an edit session's revision still takes the next edit. */
export const EDIT_SESSION_MS = 10 * 60_000;
/** The longest stretch (before or after, code points) one edit session's revision grows to. */
export const EDIT_SESSION_MAX_CODE_POINTS = 200_000;
/** Changed stretches up to this many UTF-16 units are split into word-level changes. */
const DIFF_LIMIT = 100_000;

/** A stretch of a text: code points `[start, start + |before|)` of the old text held `before`, and now `after`. */
export interface Stretch {
  start: number;
  before: string;
  after: string;
}

/** The changed stretch of a text, and the same widened to whole lines (paragraphs), which edit sessions grow by. */
export interface TextStretch extends Stretch {
  lines: Stretch;
}

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** `before` → `after` at code point `offset`, without their common start and end; null when equal. */
export function trimmedStretch(offset: number, before: string, after: string): TextStretch | null {
  if (before === after) return null;
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  if (head > 0 && isHigh(before.charCodeAt(head - 1))) head--;
  let tail = 0;
  while (tail < shorter - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  if (tail > 0 && isLow(before.charCodeAt(before.length - tail))) tail--;
  const start = offset + codePointLength(before.slice(0, head));
  const lineStart = before.lastIndexOf(BLOCK_SEPARATOR, head - 1) + 1;
  const found = before.indexOf(BLOCK_SEPARATOR, before.length - tail);
  const lineEnd = found < 0 ? before.length : found;
  return {
    start,
    before: before.slice(head, before.length - tail),
    after: after.slice(head, after.length - tail),
    lines: { start: start - codePointLength(before.slice(lineStart, head)), before: before.slice(lineStart, lineEnd), after: after.slice(lineStart, after.length - (before.length - lineEnd)) },
  };
}

/** The changed stretch between two whole documents. */
export function contentStretch(before: ContentNode, after: ContentNode): TextStretch | null {
  return trimmedStretch(0, contentToText(before), contentToText(after));
}

const pointLengths = new WeakMap<ContentNode, number>();
/** The code points of a top-level block's text (null: none), cached per block object. */
function pointLength(block: ContentNode): number {
  let known = pointLengths.get(block);
  if (known === undefined) {
    const { text } = blockText(block);
    known = text === null ? -1 : codePointLength(text);
    pointLengths.set(block, known);
  }
  return known;
}

function joinBlocks(blocks: readonly ContentNode[]): string {
  return blocks
    .map((block) => blockText(block).text)
    .filter((text): text is string => text !== null)
    .join(BLOCK_SEPARATOR);
}

/**
 * The changed stretch when top-level blocks `[from, to)` of `blocks` become `replacement`, read
 * from those blocks and the nearest block with text on each side (so the separators come out
 * right); the offset comes from the cached lengths of the blocks before.
 */
export function blocksStretch(blocks: readonly ContentNode[], from: number, to: number, replacement: readonly ContentNode[]): TextStretch | null {
  let first = from - 1;
  while (first >= 0 && blockText(blocks[first]!).text === null) first--;
  let last = to;
  while (last < blocks.length && blockText(blocks[last]!).text === null) last++;
  let offset = 0;
  for (let b = 0; b < first; b++) {
    const length = pointLength(blocks[b]!);
    if (length >= 0) offset += length + BLOCK_SEPARATOR.length;
  }
  const head = first >= 0 ? [blocks[first]!] : [];
  const tail = last < blocks.length ? [blocks[last]!] : [];
  return trimmedStretch(offset, joinBlocks([...head, ...blocks.slice(from, to), ...tail]), joinBlocks([...head, ...replacement, ...tail]));
}

/** Refuses (`READ_ONLY`) a change of the words that carries no note, while the rule is on. */
export function checkNoted(stretch: TextStretch | null, note: RevisionNote | undefined, refuse: boolean): void {
  if (stretch && !note && refuse) throw new FactmarkError('READ_ONLY', READ_ONLY_TEXT_MESSAGE);
}

const fitsDiff = (stretch: Stretch): boolean => stretch.before.length <= DIFF_LIMIT && stretch.after.length <= DIFF_LIMIT;

/** The exact changes of a stretch at code point `start`: word-level when it is small enough, else one. */
export function stretchChanges(stretch: Stretch): TextChange[] {
  const { start, before, after } = stretch;
  if (!fitsDiff(stretch) || before === '' || after === '') {
    return [{ start, end: start + codePointLength(before), before, after }];
  }
  const dmp = new DiffMatchPatch();
  dmp.Diff_Timeout = 0.2;
  const diffs = dmp.diff_main(before, after);
  dmp.diff_cleanupSemantic(diffs);
  // Changes in UTF-16 units: [beforeStart, beforeEnd) → [afterStart, afterEnd).
  const units: [number, number, number, number][] = [];
  let b = 0;
  let a = 0;
  for (const [op, text] of diffs) {
    if (op === 0) {
      b += text.length;
      a += text.length;
      continue;
    }
    const last = units[units.length - 1];
    const open = last && last[1] === b && last[3] === a ? last : null;
    const change = open ?? [b, b, a, a];
    if (!open) units.push(change);
    if (op === -1) change[1] = b += text.length;
    else change[3] = a += text.length;
  }
  // Whole words, and never half a surrogate pair: the equal text around a change is the same on both sides.
  // Widening only runs over the equal text around a change (up to the neighbouring changes), where
  // both sides hold the same units; changes that meet are merged.
  const merged: [number, number, number, number][] = [];
  units.forEach((change, index) => {
    const leftLimit = merged[merged.length - 1]?.[1] ?? 0;
    const rightLimit = units[index + 1]?.[0] ?? before.length;
    for (let n = 0; n < WORD_WIDENING && change[0] > leftLimit && isWordUnit(before, change[0] - 1) && (isWordUnit(before, change[0]) || isWordUnit(after, change[2])); n++) {
      change[0]--;
      change[2]--;
    }
    for (let n = 0; n < WORD_WIDENING && change[1] < rightLimit && isWordUnit(before, change[1]) && (isWordUnit(before, change[1] - 1) || isWordUnit(after, change[3] - 1)); n++) {
      change[1]++;
      change[3]++;
    }
    if (change[0] > leftLimit && isHigh(before.charCodeAt(change[0] - 1))) {
      change[0]--;
      change[2]--;
    }
    if (change[1] < rightLimit && isLow(before.charCodeAt(change[1]))) {
      change[1]++;
      change[3]++;
    }
    const previous = merged[merged.length - 1];
    if (previous && previous[1] >= change[0]) {
      previous[1] = Math.max(previous[1], change[1]);
      previous[3] = Math.max(previous[3], change[3]);
    } else merged.push(change);
  });
  let point = start;
  let unit = 0;
  return merged.map(([bs, be, as, ae]) => {
    point += codePointLength(before.slice(unit, bs));
    const removed = before.slice(bs, be);
    const changeStart = point;
    point += codePointLength(removed);
    unit = be;
    return { start: changeStart, end: point, before: removed, after: after.slice(as, ae) };
  });
}

/** How far (UTF-16 units) a change is widened on each side to begin and end on a word's edge. */
const WORD_WIDENING = 40;
const WORD = /[\p{L}\p{N}\p{M}]/u;
const isWordUnit = (text: string, index: number): boolean => index >= 0 && index < text.length && WORD.test(text[index]!);

/** One accepted text change, as the store knows it. */
export interface AcceptedChange {
  documentId: string;
  stretch: TextStretch;
  note: RevisionNote;
  analyst: string;
  at: string;
  fingerprintBefore: string;
  fingerprintAfter: string;
  newId: () => string;
}

/** The stretch an open edit session's revision changed: its before text and the text there now. */
interface EditSession {
  revisionId: string;
  start: number;
  base: string;
  current: string;
  lastAt: number;
}

const slicePoints = (text: string, from: number, to?: number): string => [...text].slice(from, to).join('');

/** The revision logs of a project's documents, with the edit sessions open on them (in memory only). */
export class RevisionLog {
  private readonly sessions = new Map<string, EditSession>();

  /** The document's revisions after `change`: one more, or its open edit session's revision grown. */
  append(revisions: readonly Revision[], change: AcceptedChange): Revision[] {
    const { documentId, stretch, note, analyst, at } = change;
    const last = revisions[revisions.length - 1];
    const session = this.sessions.get(documentId);
    const time = Date.parse(at);
    const detail = note.detail ?? '';
    if (note.reason === 'edit' && session && last && last.id === session.revisionId && last.reason === 'edit' && last.detail === detail && last.analyst === analyst && time - session.lastAt <= EDIT_SESSION_MS) {
      const grown = grow(session, stretch.lines);
      if (grown && Math.max(codePointLength(grown.base), codePointLength(grown.current)) <= EDIT_SESSION_MAX_CODE_POINTS) {
        const kept = revisions.slice(0, -1);
        const net = trimmedStretch(grown.start, grown.base, grown.current);
        if (!net) {
          this.sessions.delete(documentId);
          return kept;
        }
        this.sessions.set(documentId, { ...grown, revisionId: last.id, lastAt: time });
        return [...kept, { ...last, at, changes: stretchChanges(fitsDiff(net.lines) ? net.lines : net), fingerprintAfter: change.fingerprintAfter }];
      }
    }
    const revision: Revision = {
      id: change.newId(),
      at,
      analyst,
      reason: note.reason,
      detail,
      // Diffed over whole lines where they are small enough, so changes begin and end on a word's edge.
      changes: stretchChanges(fitsDiff(stretch.lines) ? stretch.lines : stretch),
      fingerprintBefore: change.fingerprintBefore,
      fingerprintAfter: change.fingerprintAfter,
    };
    const { lines } = stretch;
    if (note.reason === 'edit') this.sessions.set(documentId, { revisionId: revision.id, start: lines.start, base: lines.before, current: lines.after, lastAt: time });
    else this.sessions.delete(documentId);
    return [...revisions, revision];
  }

  /** Ends the document's edit session: its revision takes no more changes. */
  close(documentId: string): void {
    this.sessions.delete(documentId);
  }
}

/** The session's stretch with `stretch` (over the text now) applied, or null when it does not touch it. */
function grow(session: EditSession, stretch: Stretch): Omit<EditSession, 'revisionId' | 'lastAt'> | null {
  const windowEnd = session.start + codePointLength(session.current);
  const stretchEnd = stretch.start + codePointLength(stretch.before);
  if (stretch.start > windowEnd || stretchEnd < session.start) return null;
  const start = Math.min(session.start, stretch.start);
  const lead = stretch.start < session.start ? slicePoints(stretch.before, 0, session.start - stretch.start) : '';
  const trail = stretchEnd > windowEnd ? slicePoints(stretch.before, windowEnd - stretch.start) : '';
  const current = [...(lead + session.current + trail)];
  const from = stretch.start - start;
  const replaced = [...current.slice(0, from), ...stretch.after, ...current.slice(from + (stretchEnd - stretch.start))].join('');
  return { start, base: lead + session.base + trail, current: replaced };
}

/** The file of a document's original as imported. */
export function originalPathOf(folder: string, id: string): string {
  return join(folder, DOCUMENTS_FOLDER, `${id}.original.json`);
}

/** What `documents/<id>.original.json` holds. */
const OriginalFile = z.strictObject({
  schemaVersion: z.number().int().min(3),
  id: z.string(),
  ...OriginalText.shape,
  content: DocContent,
});

/** Writes the original's file (atomically); a document's original is written once. */
export async function writeOriginal(folder: string, id: string, original: OriginalText, content: ContentNode, fs?: AtomicFs): Promise<void> {
  const { attrs: _table, ...stored } = content;
  await writeFileAtomic(originalPathOf(folder, id), JSON.stringify({ schemaVersion: SCHEMA_VERSION, id, ...original, content: stored }), fs, { keepBackup: false });
}

/**
 * Originals of new documents not yet on disk: written by the save pass before the documents, so a
 * document created while its file cannot be written keeps its original in memory, as the store
 * keeps everything else, until it can.
 */
export class PendingOriginals {
  private readonly pending = new Map<string, { original: OriginalText; content: ContentNode }>();

  get size(): number {
    return this.pending.size;
  }

  add(id: string, original: OriginalText, content: ContentNode): void {
    this.pending.set(id, { original, content });
  }

  /** Writes each pending original; stops at the first failure, which is thrown (the rest stay pending). */
  async writeAll(folder: string, fs?: AtomicFs): Promise<void> {
    for (const [id, { original, content }] of [...this.pending]) {
      await writeOriginal(folder, id, original, content, fs);
      this.pending.delete(id);
    }
  }

  /** Forgets a deleted document's original. */
  forget(id: string): void {
    this.pending.delete(id);
  }
}

/** The original's content, or null when its file is missing; a damaged file or another text's is `PROJECT_CORRUPT`. */
export async function readOriginal(folder: string, document: StoredDocument): Promise<ContentNode | null> {
  const path = originalPathOf(folder, document.id);
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw readError(error, path);
  }
  let parsed;
  try {
    parsed = OriginalFile.safeParse(JSON.parse(text));
  } catch {
    parsed = null;
  }
  if (!parsed?.success || parsed.data.id !== document.id || (document.original && parsed.data.fingerprint !== document.original.fingerprint)) {
    throw new FactmarkError('PROJECT_CORRUPT', `${path} is damaged or belongs to another text, so the original of “${document.title}” cannot be read from it. Factmark left it unchanged.`, { path });
  }
  return parsed.data.content;
}

/**
 * Makes sure a loaded document's original has its file: a document migrated from schema 2 (or
 * whose file was lost) with no revisions yet still holds the original text, and it is written
 * now. Best effort: a read-only folder leaves it for the next load.
 */
export async function keepOriginalOnLoad(folder: string, document: StoredDocument, fs?: AtomicFs): Promise<void> {
  const original = document.original;
  if (!original || document.revisions.length > 0 || original.fingerprint !== document.fingerprint) return;
  try {
    if ((await readOriginal(folder, document)) !== null) return;
    await writeOriginal(folder, document.id, original, document.content, fs);
  } catch {
    // Left for the next load; the document's own text is still the original.
  }
}
