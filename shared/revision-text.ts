/**
 * The text of a document's revisions: applying a revision's changes to the text before it,
 * going back from the text after it, and following a span back to the words it covered in an
 * earlier text. Offsets count Unicode code points of the plain-text projection (./text.ts).
 */
import type { Revision, TextChange } from './model/revision.js';

/** The UTF-16 index of each code-point offset in `offsets` (ascending), found in one pass over `text`. */
function unitIndexes(text: string, offsets: readonly number[]): number[] {
  const result: number[] = [];
  let unit = 0;
  let point = 0;
  for (const offset of offsets) {
    while (point < offset && unit < text.length) {
      const code = text.charCodeAt(unit);
      unit += code >= 0xd800 && code <= 0xdbff && unit + 1 < text.length && (text.charCodeAt(unit + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      point++;
    }
    if (point < offset) throw new RangeError(`offset ${offset} is past the end of the text (${point} code points)`);
    result.push(unit);
  }
  return result;
}

/** Splices `changes` (ascending, over `text`, each holding what `text` has there as `from`) into `text`. */
function splice(text: string, changes: readonly TextChange[], from: 'before' | 'after', to: 'before' | 'after', startOf: (change: TextChange, index: number) => number): string {
  const bounds: number[] = [];
  const lengths: number[] = [];
  changes.forEach((change, index) => {
    const start = startOf(change, index);
    bounds.push(start, start + [...change[from]].length);
    lengths.push(change[from].length);
  });
  const units = unitIndexes(text, bounds);
  const pieces: string[] = [];
  let at = 0;
  changes.forEach((change, index) => {
    const start = units[2 * index]!;
    const end = units[2 * index + 1]!;
    if (start < at) throw new RangeError('revision changes overlap or are out of order');
    if (text.slice(start, end) !== change[from]) throw new RangeError(`the text at ${bounds[2 * index]} is not what the revision says it was`);
    pieces.push(text.slice(at, start), change[to]);
    at = end;
  });
  pieces.push(text.slice(at));
  return pieces.join('');
}

/** The text after a revision whose `changes` count over `text`, the text before it. Throws when they do not fit it. */
export function applyChanges(text: string, changes: readonly TextChange[]): string {
  return splice(text, changes, 'before', 'after', (change) => change.start);
}

/** Where each change starts in the text after the revision. */
export function startsAfter(changes: readonly TextChange[]): number[] {
  let shift = 0;
  return changes.map((change) => {
    const start = change.start + shift;
    shift += [...change.after].length - (change.end - change.start);
    return start;
  });
}

/** The text before a revision, from `text` after it. Throws when the changes do not fit it. */
export function revertChanges(text: string, changes: readonly TextChange[]): string {
  const starts = startsAfter(changes);
  return splice(text, changes, 'after', 'before', (_change, index) => starts[index]!);
}

/** A span followed back through one revision: where it was before, and whether the revision changed words in it. */
export interface SpanBefore {
  start: number;
  end: number;
  changed: boolean;
}

/**
 * Follows the code points `[start, end)` of the text after a revision back to the text before it.
 * A change inside the span, or overlapping it, makes `changed` true; the span then covers the
 * whole of what that change replaced.
 */
export function spanBefore(start: number, end: number, changes: readonly TextChange[]): SpanBefore {
  const starts = startsAfter(changes);
  const back = (position: number, side: 'start' | 'end'): number => {
    let shift = 0;
    for (let i = 0; i < changes.length; i++) {
      const change = changes[i]!;
      const afterStart = starts[i]!;
      const afterEnd = afterStart + [...change.after].length;
      if (afterStart >= position) break;
      if (afterEnd > position) return side === 'start' ? change.start : change.end;
      shift = afterEnd - change.end;
    }
    return position - shift;
  };
  const changed = changes.some((change, i) => {
    const afterStart = starts[i]!;
    const afterEnd = afterStart + [...change.after].length;
    return afterStart === afterEnd ? afterStart > start && afterStart < end : afterStart < end && afterEnd > start;
  });
  const from = back(start, 'start');
  return { start: from, end: Math.max(from, back(end, 'end')), changed };
}

/**
 * A span of the current text followed back through every revision to the text as imported: where
 * it was, and the revisions (oldest first) that changed words in it.
 */
export function spanInOriginal(start: number, end: number, revisions: readonly Revision[]): { start: number; end: number; changedBy: Revision[] } {
  let span = { start, end };
  const changedBy: Revision[] = [];
  for (let r = revisions.length - 1; r >= 0; r--) {
    const back = spanBefore(span.start, span.end, revisions[r]!.changes);
    if (back.changed) changedBy.unshift(revisions[r]!);
    span = { start: back.start, end: back.end };
  }
  return { ...span, changedBy };
}

/** The text as imported, from the current `text` and the revisions since (oldest first). */
export function originalText(text: string, revisions: readonly Revision[]): string {
  let result = text;
  for (let r = revisions.length - 1; r >= 0; r--) result = revertChanges(result, revisions[r]!.changes);
  return result;
}
