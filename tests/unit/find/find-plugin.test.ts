/**
 * Find in document on an EditorState with the find plugin: what matches (across marks, never across
 * blocks, case-insensitively with exact offsets in Turkish, German, emoji and Arabic text), stepping
 * with wrap-around, following edits, the cap, an empty query, and closing.
 */
import { describe, expect, it } from 'vitest';
import type { EditorState } from 'prosemirror-state';
import { closeFind, findNext, findPrevious, findState, refreshFind, setFindQuery } from '../../../renderer/editor/find/find-commands.js';
import { emptyFindStats, MATCH_LIMIT } from '../../../renderer/editor/find/find-matches.js';
import { HIGHLIGHT_RADIUS } from '../../../renderer/editor/find/find-state.js';
import type { FindOptions } from '../../../renderer/editor/find/find-text.js';
import { br, cursorAt, doc, edit, marked, p, run, stateOf } from './support/build.js';

/** Find's state, which the plugin always has here. */
function find(state: EditorState) {
  const found = findState(state);
  if (!found) throw new Error('no find plugin');
  return found;
}

/** The text each match covers (a hard break read as a newline). */
function matched(state: EditorState): string[] {
  return find(state).matches.map((m) => state.doc.textBetween(m.from, m.to, '\n', '\n'));
}

/** State after searching `query` in a document of `blocks`. */
function searched(query: string, blocks: Parameters<typeof doc>, options: Partial<FindOptions> = {}): EditorState {
  return run(stateOf(doc(...blocks)), setFindQuery(query, options));
}

/** The text of the current match and of the selection. */
function currentAndSelection(state: EditorState): [string, string] {
  const { current } = find(state);
  const { from, to } = state.selection;
  return [current ? state.doc.textBetween(current.from, current.to) : '', state.doc.textBetween(from, to)];
}

/** The decorations as [class, text] pairs, in document order. */
function highlighted(state: EditorState): [string, string][] {
  return find(state)
    .decorations.find()
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map((d) => [(d as unknown as { type: { attrs: { class: string } } }).type.attrs.class, state.doc.textBetween(d.from, d.to)]);
}

describe('what matches', () => {
  it('runs across emphasis, links and annotation marks', () => {
    const state = searched('basra-shalamcheh railway', [p('The ', marked('Basra', 'em'), marked('-Shal', 'link'), marked('amcheh', 'annotation', 'strong'), ' railway was delayed.')]);
    expect(matched(state)).toEqual(['Basra-Shalamcheh railway']);
    expect(find(state).matches[0]).toEqual({ from: 5, to: 29 });
  });

  it('never crosses from one block into the next, but may cross a hard break', () => {
    expect(matched(searched('one\none', ['The end of one', 'one more']))).toEqual([]);
    expect(matched(searched('one\n\none', ['a one', p(), 'one b']))).toEqual([]);
    expect(matched(searched('one\none', [p('line one', br(), 'one more')]))).toEqual(['one\none']);
    expect(matched(searched('one one', ['The end of one', 'one more']))).toEqual([]);
  });

  it('takes every character of the query literally', () => {
    const state = searched('$5.00 (US)', ['It costs $5.00 (US) or $5x00 [US] a-b a/b a\\b']);
    expect(matched(state)).toEqual(['$5.00 (US)']);
    for (const query of ['a-b', 'a/b', 'a\\b', '[US]', '.', '*', '^', '|']) {
      expect(matched(searched(query, ['It costs $5.00 (US) or $5x00 [US] a-b a/b a\\b ^*|']))).toEqual([query]);
    }
  });

  it('ignores case by default and keeps offsets exact around "İ" (whose lowercase is two units)', () => {
    const blocks = ['İstanbul ISTANBUL istanbul İSTANBUL ıstanbul; İİİ end'];
    expect(matched(searched('istanbul', blocks))).toEqual(['ISTANBUL', 'istanbul']);
    expect(matched(searched('İstanbul', blocks))).toEqual(['İstanbul', 'İSTANBUL']);
    // After several "İ", a match still covers exactly its own words.
    expect(matched(searched('END', blocks))).toEqual(['end']);
    expect(matched(searched('iii end', blocks))).toEqual([]);
  });

  it('matches "ß" and "ẞ" as one letter, never as "ss", with offsets exact', () => {
    const blocks = ['Die Straße, STRASSE, straße und STRAẞE enden hier.'];
    expect(matched(searched('straße', blocks))).toEqual(['Straße', 'straße', 'STRAẞE']);
    expect(matched(searched('STRASSE', blocks))).toEqual(['STRASSE']);
    expect(matched(searched('ENDEN HIER', blocks))).toEqual(['enden hier']);
  });

  it('finds emoji and text after them at their exact positions', () => {
    const blocks = [p('Vote 🗳️ now, ', marked('👍🏽', 'em'), ' VOTE twice 👍 ok')];
    expect(matched(searched('vote', blocks))).toEqual(['Vote', 'VOTE']);
    expect(matched(searched('👍🏽 vote', blocks))).toEqual(['👍🏽 VOTE']);
    expect(matched(searched('🗳️ NOW', blocks))).toEqual(['🗳️ now']);
    expect(matched(searched('👍', blocks))).toEqual(['👍', '👍']);
    expect(matched(searched('OK', blocks))).toEqual(['ok']);
  });

  it('finds Arabic across marks, in logical order, with exact ranges in mixed-direction text', () => {
    const arabic = [
      p('قال ', marked('الرئيس', 'em'), ' إن الاتفاق الأمني سيُوقع في بغداد عام 2023.'),
      p('The agreement (الاتفاق) was signed in Baghdad, بغداد.'),
    ];
    expect(matched(searched('الرئيس إن', arabic))).toEqual(['الرئيس إن']);
    const state = searched('بغداد', arabic);
    expect(matched(state)).toEqual(['بغداد', 'بغداد']);
    const [first, second] = find(state).matches;
    expect(first!.from).toBeLessThan(second!.from);
    expect(matched(searched('الاتفاق', arabic))).toEqual(['الاتفاق', 'الاتفاق']);
    expect(matched(searched('2023', arabic))).toEqual(['2023']);
  });

  it('matches case exactly when asked', () => {
    expect(matched(searched('Iraq', ['Iraq, IRAQ and iraq'], { matchCase: true }))).toEqual(['Iraq']);
  });

  it('finds whole words only when asked, in any script (a combining mark belongs to its word)', () => {
    const blocks = ['Iran and Iraq; Iranian. سيُوقع في الاتفاق', 'snake_case Iran2 Iran'];
    expect(matched(searched('iran', blocks, { wholeWord: true }))).toEqual(['Iran', 'Iran']);
    expect(matched(searched('iran', blocks))).toEqual(['Iran', 'Iran', 'Iran', 'Iran']);
    expect(matched(searched('سي', blocks, { wholeWord: true }))).toEqual([]);
    expect(matched(searched('في', blocks, { wholeWord: true }))).toEqual(['في']);
    expect(matched(searched('snake', blocks, { wholeWord: true }))).toEqual([]);
  });
});

describe('highlights', () => {
  it('highlights every match and the current one a second time', () => {
    const state = searched('claim', ['A claim, another claim.']);
    expect(highlighted(state)).toEqual([
      ['find-match', 'claim'],
      ['find-match-current', 'claim'],
      ['find-match', 'claim'],
    ]);
  });

  it('highlights the matches around the current one and keeps the current one highlighted', () => {
    const count = 3 * HIGHLIGHT_RADIUS;
    let state = searched('claim', Array.from({ length: count }, (_, i) => `Claim ${i}.`));
    const shown = () => find(state).decorations.find().length - 1;
    expect(shown()).toBe(HIGHLIGHT_RADIUS + 1);
    for (let i = 0; i < count; i++) {
      state = run(state, findPrevious);
      const { current, decorations } = find(state);
      const here = decorations.find(current!.from, current!.to).filter((d) => d.from === current!.from);
      expect(here.map((d) => d.spec)).toEqual(expect.arrayContaining([{ findCurrent: true }]));
      expect(here).toHaveLength(2);
      if (i % 50 === 0) expect(shown()).toBeLessThanOrEqual(2 * HIGHLIGHT_RADIUS + 1);
    }
    expect(find(state).matches).toHaveLength(count);
  });

  it('does no work and shows nothing for an empty query', () => {
    const stats = emptyFindStats();
    const state = run(stateOf(doc('A claim.'), stats), setFindQuery(''));
    expect(find(state).query).toBe('');
    expect(find(state).decorations.find()).toEqual([]);
    const before = find(state);
    const typed = edit(state, (tr) => tr.insertText('More claims. ', 1));
    expect(find(typed)).toBe(before);
    expect(findNext(typed)).toBe(false);
    expect(closeFind(typed)).toBe(false);
    expect(stats).toEqual(emptyFindStats());
  });

  it('clears everything when the query is emptied', () => {
    const state = run(searched('claim', ['A claim.']), setFindQuery(''));
    expect(find(state).matches).toEqual([]);
    expect(find(state).decorations.find()).toEqual([]);
  });
});

describe('stepping through matches', () => {
  const blocks = ['one two one', 'three one four'];

  it('starts at the first match at or after the cursor, wrapping to the first', () => {
    const base = stateOf(doc(...blocks));
    expect(find(run(base, setFindQuery('one'))).index).toBe(0);
    expect(find(run(cursorAt(base, 5), setFindQuery('one'))).index).toBe(1);
    expect(find(run(cursorAt(base, 26), setFindQuery('one'))).index).toBe(0);
  });

  it('steps forward and back with wrap-around, the selection following', () => {
    let state = searched('one', blocks);
    const indexes = [find(state).index];
    for (let i = 0; i < 3; i++) {
      state = run(state, findNext);
      indexes.push(find(state).index);
      expect(state.selection.from).toBe(find(state).current!.from);
      expect(state.selection.to).toBe(find(state).current!.to);
    }
    expect(indexes).toEqual([0, 1, 2, 0]);
    state = run(state, findPrevious);
    expect(find(state).index).toBe(2);
    state = run(state, findPrevious);
    expect(find(state).index).toBe(1);
    expect(currentAndSelection(state)).toEqual(['one', 'one']);
    expect(highlighted(state).filter(([cls]) => cls === 'find-match-current')).toHaveLength(1);
  });

  it('keeps its place while the query grows', () => {
    // "o" of "one", "two", "one": stand on the second "one".
    let state = run(run(searched('o', blocks), findNext), findNext);
    const at = find(state).current!.from;
    state = run(state, setFindQuery('on'));
    expect(find(state).current!.from).toBe(at);
    state = run(state, setFindQuery('one f'));
    expect(matched(state)).toEqual(['one f']);
  });

  it('does nothing when nothing matches', () => {
    const state = run(searched('absent', blocks), findNext);
    expect(find(state).index).toBe(-1);
    expect(find(state).current).toBeNull();
  });
});

describe('following edits', () => {
  const blocks = ['A claim, a claim, a claim.'];

  it('maps the highlights and the current match at once, and searches again on refresh', () => {
    const stats = emptyFindStats();
    let state = run(stateOf(doc(...blocks), stats), setFindQuery('claim'));
    state = run(state, findNext);
    const searches = stats.searches;
    state = edit(state, (tr) => tr.insertText('New: ', 1));
    expect(stats.searches).toBe(searches);
    expect(find(state).stale).toBe(true);
    expect(highlighted(state).map(([, text]) => text)).toEqual(['claim', 'claim', 'claim', 'claim']);
    expect(currentAndSelection(state)).toEqual(['claim', 'claim']);

    state = edit(state, (tr) => tr.insertText(' One more claim.', state.doc.content.size - 1));
    expect(find(state).matches).toHaveLength(3);
    state = run(state, refreshFind);
    expect(stats.searches).toBe(searches + 1);
    expect(find(state).stale).toBe(false);
    expect(matched(state)).toHaveLength(4);
    expect(find(state).index).toBe(1);
    expect(refreshFind(state)).toBe(false);
  });

  it('searches again at once when the words of the current match are deleted', () => {
    let state = run(searched('claim', blocks), findNext);
    const { from, to } = find(state).current!;
    state = edit(state, (tr) => tr.delete(from, to));
    expect(find(state).stale).toBe(false);
    expect(matched(state)).toEqual(['claim', 'claim']);
    expect(find(state).index).toBe(1);
  });

  it('steps to the match after a current match the edit broke, not past it', () => {
    let state = searched('claim', blocks);
    const first = find(state).current!;
    state = edit(state, (tr) => tr.insertText('X', first.from + 2));
    expect(find(state).stale).toBe(true);
    const next = run(state, findNext);
    expect(matched(next)).toEqual(['claim', 'claim']);
    expect(find(next).index).toBe(0);
    expect(next.doc.textBetween(0, find(next).current!.from)).toBe('A clXaim, a ');
    const previous = run(state, findPrevious);
    expect(find(previous).index).toBe(1);
  });

  it('steps from the current match when an edit elsewhere made the list stale', () => {
    let state = run(searched('claim', blocks), findNext);
    state = edit(state, (tr) => tr.insertText('claim ', 1));
    state = run(state, findNext);
    expect(matched(state)).toHaveLength(4);
    expect(state.doc.textBetween(0, find(state).current!.from)).toBe('claim A claim, a claim, a ');
  });
});

describe('the cap', () => {
  it(`lists at most ${MATCH_LIMIT.toLocaleString('en')} matches and says there are more`, () => {
    const paragraphs = Array.from({ length: 1_001 }, () => 'ab ab ab ab ab ab ab ab ab ab');
    const over = searched('AB', paragraphs);
    expect(find(over).matches).toHaveLength(MATCH_LIMIT);
    expect(find(over).truncated).toBe(true);
    const exactly = searched('ab', paragraphs.slice(0, 1_000));
    expect(find(exactly).matches).toHaveLength(MATCH_LIMIT);
    expect(find(exactly).truncated).toBe(false);
  });
});

describe('closing', () => {
  it('clears the highlights and selects the current match', () => {
    let state = run(searched('claim', ['A claim, a claim.']), findNext);
    const current = find(state).current!;
    state = cursorAt(state, 1);
    state = run(state, closeFind);
    expect(find(state).query).toBe('');
    expect(find(state).decorations.find()).toEqual([]);
    expect([state.selection.from, state.selection.to]).toEqual([current.from, current.to]);
  });
});
