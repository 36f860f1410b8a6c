/**
 * Test support: text edits, and where an annotation's words go when a text is edited. The property
 * tests and the measurement script use this as the ground truth that re-anchoring is judged by.
 */

/** One edit: replace `remove` UTF-16 units at `at` with `insert`. Offsets are on character boundaries. */
export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

/** An annotation's range followed through edits. */
export interface Tracked {
  start: number;
  end: number;
  /** Some edit changed, removed or inserted text strictly inside the words. */
  wordsTouched: boolean;
  /** Every original character of the words was removed. */
  wordsGone: boolean;
  /** Some edit came within `margin` units of the words (their stored context may have changed). */
  contextTouched: boolean;
}

/** The text after one edit. */
export function applyEdit(text: string, edit: Edit): string {
  return text.slice(0, edit.at) + edit.insert + text.slice(edit.at + edit.remove);
}

/** Starts tracking `[start, end)`. */
export function track(start: number, end: number): Tracked {
  return { start, end, wordsTouched: false, wordsGone: false, contextTouched: false };
}

/**
 * Maps a tracked range through one edit. The mapped range holds whatever is left of the words plus
 * any text that replaced part of them or was inserted inside them ("the region its words moved
 * to"); text inserted exactly at either edge stays outside, unless all the words were gone.
 */
export function mapTracked(t: Tracked, edit: Edit, margin: number): Tracked {
  const { at, remove } = edit;
  const added = edit.insert.length;
  const stop = at + remove;
  const delta = added - remove;
  // Words already all deleted leave a point; text inserted at that point took their place (as if
  // the words had been replaced in one edit), so it becomes their region.
  const refill = t.wordsGone && t.start === t.end && remove === 0 && at === t.start;
  const start = refill || t.start < at ? t.start : t.start >= stop ? t.start + delta : at;
  const end = refill ? at + added : t.end <= at ? t.end : t.end >= stop ? t.end + delta : at + added;
  const inside = remove > 0 ? at < t.end && stop > t.start : at > t.start && at < t.end;
  const covered = remove > 0 && at <= t.start && stop >= t.end && t.end > t.start;
  const near = at < t.end + margin && stop > t.start - margin;
  return {
    start,
    end: Math.max(start, end),
    wordsTouched: t.wordsTouched || inside,
    wordsGone: t.wordsGone || covered,
    contextTouched: t.contextTouched || near,
  };
}

/** A seeded pseudo-random generator (mulberry32): the same seed gives the same corpus. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A word pool mixing English, Arabic with diacritics, Persian with ZWNJ, emoji (skin tone, ZWJ) and astral CJK. */
export const MIXED_WORDS = [
  'the', 'of', 'and', 'Iraq', 'Iran', 'forces', 'security', 'agreement', 'minister', 'said', 'talks', 'region',
  'railway', 'delayed', 'analyst', 'withdrawal', 'factions', 'sovereignty', 'Tehran', 'Baghdad',
  'العِرَاق', 'إِيرَان', 'الأَمْن', 'اتفاقية', 'الحكومة', 'قَالَ',
  'می‌خواهم', 'نمی‌دانم', 'خانه‌ها',
  '👍🏽', '👨‍👩‍👧', '🇮🇶', '😀',
  '𠀋', '𩸽', '𠮷野家',
] as const;

/** Random text of `count` words from `pool`, with sentence and paragraph breaks. */
export function randomWords(rand: () => number, count: number, pool: readonly string[] = MIXED_WORDS): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(pool[Math.floor(rand() * pool.length)]!);
    if (i < count - 1) {
      const r = rand();
      parts.push(r < 0.04 ? '.\n' : r < 0.12 ? '. ' : r < 0.18 ? ', ' : ' ');
    }
  }
  return parts.join('');
}

/** Offsets of the word starts of a text (after whitespace or punctuation), for word-aligned ranges. */
export function wordStarts(text: string): number[] {
  const starts: number[] = [];
  for (const m of text.matchAll(/[^\s.,]+/gu)) starts.push(m.index);
  return starts;
}

/** Offsets of the word ends of a text. */
export function wordEnds(text: string): number[] {
  const ends: number[] = [];
  for (const m of text.matchAll(/[^\s.,]+/gu)) ends.push(m.index + m[0].length);
  return ends;
}
