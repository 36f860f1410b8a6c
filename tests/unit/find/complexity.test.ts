/**
 * Complexity guards (operation counts, never wall-clock): typing in a long document with find open
 * only maps highlights, stepping moves one highlight rather than rebuilding all of them, a growing
 * query projects the document once, and a search stops reading at the cap.
 */
import { describe, expect, it } from 'vitest';
import { findNext, findState, refreshFind, setFindQuery } from '../../../renderer/editor/find/find-commands.js';
import { emptyFindStats, MATCH_LIMIT } from '../../../renderer/editor/find/find-matches.js';
import { HIGHLIGHT_RADIUS } from '../../../renderer/editor/find/find-state.js';
import { cursorAt, doc, edit, run, stateOf } from './support/build.js';

/** About 1 MB of text: 20,000 paragraphs with one "claim" each (a new document each time). */
const long = () => doc(...Array.from({ length: 20_000 }, (_, i) => `Paragraph ${i} states a claim about the budget of the ministry.`));

describe('find cost', () => {
  it('types in a 1 MB document with find open without searching, projecting or rebuilding highlights', () => {
    const stats = emptyFindStats();
    let state = run(stateOf(long(), stats), setFindQuery('claim'));
    expect(findState(state)!.matches).toHaveLength(MATCH_LIMIT);
    const after = { ...stats };
    const list = findState(state)!.matches;
    for (let i = 0; i < 300; i++) state = edit(state, (tr) => tr.insertText('x', 1 + i));
    expect(stats).toEqual(after);
    // The list is not even copied per keystroke: only the highlights and the current match move.
    expect(findState(state)!.matches).toBe(list);
    state = run(state, refreshFind);
    expect(stats.searches).toBe(after.searches + 1);
    expect(stats.projections).toBe(after.projections + 1);
  });

  it('highlights a bounded neighbourhood of the current match, however many matches there are', () => {
    const stats = emptyFindStats();
    const document = long();
    const state = run(cursorAt(stateOf(document, stats), Math.floor(document.content.size / 4)), setFindQuery('claim'));
    const shown = 2 * HIGHLIGHT_RADIUS + 1;
    expect(findState(state)!.decorations.find()).toHaveLength(shown + 1);
    expect(stats.decorations).toBe(shown + 1);
  });

  it('steps through every match with a few highlights built per step, not all of them', () => {
    const stats = emptyFindStats();
    let state = run(stateOf(doc(...Array.from({ length: 2_000 }, (_, i) => `Claim ${i}.`)), stats), setFindQuery('claim'));
    const initial = stats.decorations;
    for (let i = 0; i < 2_000; i++) state = run(state, findNext);
    expect(findState(state)!.index).toBe(0);
    // One per step, plus a rebuild of at most 2R + 2 highlights every R / 2 steps at the most.
    expect(stats.decorations - initial).toBeLessThanOrEqual(2_000 * 6);
    expect(stats.searches).toBe(1);
  });

  it('projects the document once while the query grows', () => {
    const stats = emptyFindStats();
    let state = stateOf(long(), stats);
    for (const query of ['b', 'bu', 'bud', 'budg', 'budget']) state = run(state, setFindQuery(query));
    expect(stats.searches).toBe(5);
    expect(stats.projections).toBe(1);
  });

  it('stops reading the text at the cap', () => {
    const stats = emptyFindStats();
    run(stateOf(long(), stats), setFindQuery('a'));
    expect(stats.hits).toBe(MATCH_LIMIT + 1);
  });
});
