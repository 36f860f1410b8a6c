/**
 * Re-anchoring, case by case: each step of the strategy (exact at the old or shifted place, exact
 * elsewhere by context, fuzzy near, fuzzy where the context went) and each refusal (a bare quote
 * without its context, words deleted, too little left) on small texts one can read.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange, emptyStats, type Placement } from '../../../shared/anchoring/index.js';
import type { Anchor } from '../../../shared/model/selectors.js';

const PARAGRAPHS = [
  'Iraq and Iran signed the 2023 security agreement in Baghdad after months of talks between the two delegations.',
  'Discussions included the Basra-Shalamcheh railway connection, which has long been delayed, and new energy projects.',
  '"There is a planned withdrawal of US forces from Iraq," Iraqi analyst Ghani Ghadban said to °®Âþµº in an interview.',
  'Abdel Wahab noted that the factions have repeatedly called for the removal of US forces from Iraq, she told °®Âþµº.',
  'A UN representative recently emphasised the importance of limiting weapons to state control in Iraq and the region.',
];
const TEXT = PARAGRAPHS.join('\n');

/** The anchor of the `nth` occurrence of `quote` in `text`. */
function anchorOf(quote: string, text = TEXT, nth = 0): Anchor {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`not in text: ${quote}`);
  return describeRange(text, at, at + quote.length);
}

/** What each placement covers: status and text, or 'orphan'. */
function covered(text: string, placements: Placement[]): (string | [string, string])[] {
  return placements.map((p) => (p.status === 'orphan' ? 'orphan' : [p.status, text.slice(p.start, p.end)]));
}

describe('anchorAll', () => {
  it('confirms unchanged anchors at their old position with three string comparisons each', () => {
    const anchors = ['Iraq', 'the 2023 security agreement', '°®Âþµº', 'A UN representative'].map((q) => anchorOf(q));
    const stats = emptyStats();
    const placements = anchorAll(TEXT, anchors, { stats });
    expect(covered(TEXT, placements)).toEqual([['exact', 'Iraq'], ['exact', 'the 2023 security agreement'], ['exact', '°®Âþµº'], ['exact', 'A UN representative']]);
    expect(stats.fastPath).toBe(4);
    expect(stats.fuzzyCalls + stats.textScans).toBe(0);
  });

  it('follows a shift: after text inserted above, one anchor learns it and the rest confirm at once', () => {
    const anchors = ['the 2023 security agreement', 'Basra-Shalamcheh railway', 'Ghani Ghadban', 'A UN representative'].map((q) => anchorOf(q));
    const text = `Editor's note: updated with the analyst's full name.\n${TEXT}`;
    const stats = emptyStats();
    const placements = anchorAll(text, anchors, { stats });
    expect(covered(text, placements)).toEqual([['moved', 'the 2023 security agreement'], ['moved', 'Basra-Shalamcheh railway'], ['moved', 'Ghani Ghadban'], ['moved', 'A UN representative']]);
    expect(stats.fastPath).toBe(3);
  });

  it('tells two equal quotes apart by their context, wherever they moved', () => {
    const first = anchorOf('°®Âþµº', TEXT, 0);
    const second = anchorOf('°®Âþµº', TEXT, 1);
    const text = [PARAGRAPHS[3], PARAGRAPHS[4], PARAGRAPHS[2]].join('\n');
    const placements = anchorAll(text, [first, second]);
    expect(placements.map((p) => p.status)).toEqual(['moved', 'moved']);
    expect(text.slice(0, placements[0]!.start)).toMatch(/Ghadban said to $/);
    expect(text.slice(0, placements[1]!.start)).toMatch(/she told $/);
  });

  it('refuses a bare quote found elsewhere without its context: orphan, not other words', () => {
    const anchor = anchorOf('the removal of US forces');
    const text = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[4], 'Parliament voted on the removal of US forces last year.'].join('\n');
    expect(covered(text, anchorAll(text, [anchor]))).toEqual(['orphan']);
  });

  it('between equally good places, takes the one nearest where the words were', () => {
    const text = 'one two three. one two three. one two three. one two three.';
    const anchor = describeRange(text, 30, 37);
    const edited = `zero. ${text}`;
    // Without any context, four places are equally good; the words were at 30 and moved to 36.
    const bare = { ...anchor, quote: { ...anchor.quote, prefix: '', suffix: '' } };
    expect(anchorAll(edited, [bare], { minContext: 0, minScore: 0 })[0]).toMatchObject({ status: 'moved', start: 36 });
  });

  it('places a quote with a typo fixed inside it as fuzzy, on the corrected words', () => {
    const text = TEXT.replace('Twitter', 'X').replace('repeatedly called', 'repeatedly calld');
    const anchor = anchorOf('repeatedly calld for the removal', text);
    const placements = anchorAll(TEXT, [anchor]);
    expect(covered(TEXT, placements)).toEqual([['fuzzy', 'repeatedly called for the removal']]);
  });

  it('covers the whole new wording when words change between an intact prefix and suffix', () => {
    const anchor = anchorOf('which has long been delayed');
    const text = TEXT.replace('which has long been delayed', 'which has long been postponed');
    expect(covered(text, anchorAll(text, [anchor]))).toEqual([['fuzzy', 'which has long been postponed']]);
  });

  it('makes an orphan of words rewritten beyond recognition between their prefix and suffix, not a piece of them', () => {
    const anchor = anchorOf('which has long been delayed');
    const text = TEXT.replace('which has long been delayed', 'which has been repeatedly postponed');
    expect(covered(text, anchorAll(text, [anchor]))).toEqual(['orphan']);
  });

  it('makes an orphan of words deleted from between their prefix and suffix', () => {
    const anchor = anchorOf(' the Basra-Shalamcheh railway connection, which has long been delayed,');
    const text = TEXT.replace(' the Basra-Shalamcheh railway connection, which has long been delayed,', '');
    const stats = emptyStats();
    expect(covered(text, anchorAll(text, [anchor], { stats }))).toEqual(['orphan']);
    expect(stats.textScans).toBe(1);
  });

  it('makes an orphan of words whose whole paragraph was deleted, though the quote occurs elsewhere', () => {
    const anchor = anchorOf('US forces from Iraq', TEXT, 1);
    const text = [PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[4]].join('\n');
    expect(covered(text, anchorAll(text, [anchor]))).toEqual(['orphan']);
  });

  it('finds a long passage moved elsewhere with new surroundings', () => {
    const anchor = anchorOf(PARAGRAPHS[1]!);
    const text = [PARAGRAPHS[0], PARAGRAPHS[2], PARAGRAPHS[3], `Background: ${PARAGRAPHS[1]} (Updated.)`, PARAGRAPHS[4]].join('\n');
    expect(covered(text, anchorAll(text, [anchor]))).toEqual([['moved', PARAGRAPHS[1]]]);
  });

  it('finds an edited passage far away through a surviving piece of its context', () => {
    const anchor = anchorOf('the 2023 security agreement in Baghdad');
    const moved = PARAGRAPHS[0]!.replace('the 2023 security agreement in Baghdad', 'the 2023 security accord in Baghdad');
    const filler = Array.from({ length: 60 }, (_, i) => `Unrelated paragraph number ${i} about markets and weather.`);
    const text = [PARAGRAPHS[1], ...filler, moved].join('\n');
    const stats = emptyStats();
    expect(covered(text, anchorAll(text, [anchor], { stats, window: 256 }))).toEqual([['fuzzy', 'the 2023 security accord in Baghdad']]);
    expect(stats.fuzzyUnits).toBeLessThan(text.length / 4);
  });

  it('keeps astral characters whole and counts the stored position in code points', () => {
    const text = '👨‍👩‍👧 family 𠀋𩸽 العِرَاق 👍🏽 signed the 2023 security agreement 🇮🇶 today';
    const anchor = anchorOf('the 2023 security agreement', text);
    expect(anchor.position.start).toBe(Array.from(text.slice(0, text.indexOf('the 2023'))).length);
    const edited = `😀😀 ${text}`;
    const [placement] = anchorAll(edited, [anchor]);
    expect(placement).toMatchObject({ status: 'moved', start: edited.indexOf('the 2023') });
  });

  it('treats a stored position beyond the text as a hint only', () => {
    const anchor = anchorOf('Ghani Ghadban');
    const [placement] = anchorAll(TEXT, [{ ...anchor, position: { start: 99_999, end: 100_012 } }]);
    expect(covered(TEXT, [placement!])).toEqual([['moved', 'Ghani Ghadban']]);
  });

  it('makes an orphan of an empty quote', () => {
    expect(anchorAll(TEXT, [{ quote: { exact: '', prefix: 'Iraq', suffix: ' and' }, position: { start: 4, end: 4 } }])).toEqual([{ status: 'orphan' }]);
  });

  it('lets the caller demand more: a fuzzy placement becomes an orphan under a stricter score', () => {
    const anchor = anchorOf('which has long been delayed');
    const changed = TEXT.replace('which has long been delayed', 'which has long been postponed');
    expect(anchorAll(changed, [anchor])[0]!.status).toBe('fuzzy');
    expect(anchorAll(changed, [anchor], { minScore: 0.99 })[0]).toMatchObject({ status: 'orphan', score: expect.any(Number) });
  });

  it('returns placements in the order of the anchors given', () => {
    const anchors = ['A UN representative', 'Iraq', 'Ghani Ghadban'].map((q) => anchorOf(q));
    expect(covered(TEXT, anchorAll(TEXT, anchors))).toEqual([['exact', 'A UN representative'], ['exact', 'Iraq'], ['exact', 'Ghani Ghadban']]);
  });
});
